import PipelineTesting
import Testing
import TrialModel

/// ASCII phase text is read as bytes; a no-break space at the end (not a letter, number or separator) sends
/// the same text through the Character reading, which must give the same phases.
@Suite("Phase tokens on bytes")
struct PhaseTokenTests {
    @Test("ASCII text gives the phases the Character reading gives")
    func bytesAgreeWithCharacters() {
        var texts = RandomText(pieces: [
            "Phase", "phase", "PHASE", " ", "1", "2", "3", "4", "I", "II", "III", "IV", "/", "-", "&", ",", "|",
            "Early", "N", "A", "n/a", "_", "\r\n", "\t", "(", ")", "b", "x", "Not Applicable", "Phase 1/Phase 2",
        ])
        texts.forEach(3000, pieces: 0...8) { text in
            #expect(
                PhaseNormalizer.phases(text) == PhaseNormalizer.phases(text + "\u{00A0}"), "\(text.debugDescription)")
        }
    }
}
