import PipelineTesting
import Testing

@testable import Extraction

/// ASCII text is read as bytes; a no-break space at the end (neither a letter, a number nor a separator)
/// sends the same text through the Character reading, which must give the same result.
@Suite("Phase text on bytes")
struct PhaseTextTokenTests {
    /// Words, numerals and separators phase text is made of, and some that are not.
    static let pieces = [
        "Phase", "phase", " ", "1", "2", "3", "4", "I", "II", "III", "IV", "/", "-", "&", ",", "Early", "N/A",
        "n/a", "\r\n", "Study", "of", "drug", "(", ")",
    ]

    @Test("ASCII text reads as the Character reading reads it")
    func bytesAgreeWithCharacters() {
        var texts = RandomText(pieces: Self.pieces)
        texts.forEach(3000, pieces: 0...8) { text in
            #expect(PhaseText.isPhaseOnly(text) == PhaseText.isPhaseOnly(text + "\u{00A0}"), "\(text.debugDescription)")
            let bytes = PhaseText.splitTrailingPhase(text)
            let characters = PhaseText.splitTrailingPhase(text + "\u{00A0}")
            #expect(bytes.phases == characters.phases, "\(text.debugDescription)")
        }
    }
}
