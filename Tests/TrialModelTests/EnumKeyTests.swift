import PipelineTesting
import Testing
import TrialModel

/// `EnumNormalizer.key` reads bytes through a table; these tests hold it to the rule it implements.
@Suite struct EnumKeyTests {
    /// Upper-case ASCII letters and digits, one underscore between runs of them, nothing else.
    private func reference(_ text: String) -> String {
        var words: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words.joined(separator: "_").uppercased()
    }

    @Test(arguments: [
        ("Active, not recruiting", "ACTIVE_NOT_RECRUITING"), ("  Phase 2/3 ", "PHASE_2_3"), ("", ""),
        ("Étude — clinique", "TUDE_CLINIQUE"), ("Locations (12)", "LOCATIONS_12"), ("a_b", "A_B"),
    ])
    func keysOfPrintedValues(text: String, key: String) {
        #expect(EnumNormalizer.key(text) == key)
        #expect(EnumNormalizer.key(Substring(text)) == key)
    }

    @Test func keysOfRandomTextFollowTheRule() {
        let pieces = ["a", "Z", "9", " ", "_", "-", ",", "é", "ß", "\u{00A0}", "\u{1F600}", "Q", "\t", "x7"]
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...30, using: &generator)).map { _ in
                pieces.randomElement(using: &generator)!
            }.joined()
            #expect(EnumNormalizer.key(text) == reference(text), "\(text)")
            let dropped = String(text.dropFirst())
            #expect(EnumNormalizer.key(text.dropFirst()) == reference(dropped), "\(dropped)")
        }
    }
}
