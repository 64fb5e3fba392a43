import PipelineTesting
import Testing

@testable import Extraction

/// The case-insensitive search reads eight bytes at a time; these tests hold it to a byte-by-byte search.
@Suite struct TextValueFindTests {
    /// The first offset at or after `from` where `needle` (lower-case ASCII) starts in `haystack`, ASCII
    /// letters compared without case, one position at a time.
    private func reference(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        var start = max(from, 0)
        while start + needle.count <= haystack.count {
            if (0..<needle.count).allSatisfy({ ASCIIByte.lowered(haystack[start + $0]) == needle[$0] }) {
                return start
            }
            start += 1
        }
        return nil
    }

    @Test func findsWhatAByteByByteSearchFindsAtEveryOffset() {
        // Letters of both cases, their neighbours under `| 0x20` ('@', '[', '`', '{'), digits, spaces and
        // bytes beyond ASCII: every byte a folded comparison could confuse with a letter.
        let alphabet = Array("aAbBcCzZ@[`{ 0 9\u{C3}\u{A9}".utf8)
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<3_000 {
            let haystack = (0..<Int.random(in: 0...40, using: &generator)).map { _ in
                alphabet.randomElement(using: &generator)!
            }
            var needle: [UInt8]
            if !haystack.isEmpty, Bool.random(using: &generator) {
                let start = Int.random(in: 0..<haystack.count, using: &generator)
                let end = Int.random(in: (start + 1)...min(haystack.count, start + 5), using: &generator)
                needle = haystack[start..<end].map(ASCIIByte.lowered)
            } else {
                needle = (0..<Int.random(in: 1...3, using: &generator)).map { _ in
                    Array("abcz@ 0".utf8).randomElement(using: &generator)!
                }
            }
            let from = Int.random(in: -1...max(haystack.count, 0), using: &generator)
            #expect(
                TextValue.find(needle, in: haystack, from: from) == reference(needle, in: haystack, from: from),
                "needle \(needle) in \(haystack) from \(from)")
        }
    }

    @Test func findsALetterInEitherCasePastTheFirstWord() {
        let text = Array("a long line of text, then CRITERIA: at the end".utf8)
        #expect(TextValue.find(Array("criteria".utf8), in: text, from: 1) == 26)
        #expect(TextValue.find(Array("criteria".utf8), in: text, from: 27) == nil)
        #expect(TextValue.find(Array("end".utf8), in: text) == text.count - 3)
    }
}

@Suite struct LastWordStartsTests {
    @Test(arguments: [
        "KN046 in Squamous Carcinoma Phase 1/Phase 2", "", "   ", "one", "  two  words  ", "a b c d e f g h i j",
        "Étude de phase III  ",
    ])
    func areTheStartsOfTheLastWords(line: String) {
        for count in [1, 3, 8, 20] {
            let expected = TextValue.words(line).suffix(count).map { $0.word.startIndex }
            #expect(TextValue.lastWordStarts(line, count: count) == Array(expected), "\(line) \(count)")
        }
    }
}

/// Lines are cut at glued labels copying only from the first line that changes; the result is what cutting
/// every line gives.
@Suite struct UngluingTests {
    private func reference(_ text: TextLines, _ glue: GluedLabels) -> TextLines {
        var pieces: [String] = []
        var changed = false
        for line in text.lines {
            let split = line.isEmpty ? [line] : glue.split(line)
            changed = changed || split.count > 1
            pieces += split.count == 1 && split[0] == line ? [line] : split
        }
        return changed ? TextLines(lines: pieces) : text
    }

    @Test func givesTheLinesAndKeysThatCuttingEveryLineGives() {
        let glue = GluedLabels(punctuated: ["Phase:", "Accepts Healthy Volunteers?"], headings: ["Details"])
        let pieces = ["the effect.", "Phase:", " 3", "NoDetails", "Details", "Accepts Healthy Volunteers?", "x", " "]
        var state: UInt64 = 3
        for _ in 0..<1_000 {
            var lines: [String] = []
            state = state &* 6_364_136_223_846_793_005 &+ 1
            for _ in 0..<Int((state >> 33) % 6) {
                var line = ""
                state = state &* 6_364_136_223_846_793_005 &+ 1
                for _ in 0..<Int((state >> 33) % 4) {
                    state = state &* 6_364_136_223_846_793_005 &+ 1
                    line += pieces[Int((state >> 33) % UInt64(pieces.count))]
                }
                lines.append(TextValue.trimmed(line))
            }
            let text = TextLines(lines: lines)
            let unglued = text.ungluing(glue)
            let expected = reference(text, glue)
            #expect(unglued.lines == expected.lines && unglued.keys == expected.keys, "\(lines)")
        }
    }
}
