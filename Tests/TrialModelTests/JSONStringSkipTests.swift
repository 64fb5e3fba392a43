import PipelineTesting
import Testing
import TrialModel

/// `JSONString.skip` accepts exactly the strings `JSONString.read` reads, and stops where it stops.
@Suite("JSONString.skip")
struct JSONStringSkipTests {
    /// Pieces a string body is made of: plain and non-ASCII text, every escape (good and bad), surrogate pairs
    /// and lone halves, control bytes, invalid UTF-8 (stray continuation, truncated lead, overlong, surrogate).
    static let pieces: [[UInt8]] = [
        Array("plain text ".utf8), Array("éß ≥ 😀".utf8), Array(#"\""#.utf8), Array(#"\\"#.utf8),
        Array(#"\/"#.utf8), Array(#"\n\t\r\b\f"#.utf8), Array(#"\u00e9"#.utf8), Array(#"\u2265"#.utf8),
        Array(#"\ud83d\ude00"#.utf8), Array(#"\ud83d"#.utf8), Array(#"\ude00"#.utf8), Array(#"\uZZZZ"#.utf8),
        Array(#"\x"#.utf8), [0x01], [0x1F], [0x80], [0xC3], [0xE2, 0x89], [0xC0, 0xAF], [0xED, 0xA0, 0x80],
        [0xF4, 0x90, 0x80, 0x80], Array("12345678".utf8),
    ]

    @Test func skipAgreesWithReadOnRandomStrings() {
        // A fixed seed, so a failure is repeatable.
        var generator = SeededGenerator(seed: 20_261_207)
        var accepted = 0
        for _ in 0..<20_000 {
            var body: [UInt8] = []
            for _ in 0..<Int.random(in: 0...6, using: &generator) {
                body += Self.pieces.randomElement(using: &generator)!
            }
            // A closing quote, sometimes missing, then more text that belongs to no string.
            let bytes = body + (Int.random(in: 0..<10, using: &generator) == 0 ? [] : [0x22]) + Array(", 1".utf8)
            bytes.withUnsafeBufferPointer { buffer in
                var readAt = 0
                var skipAt = 0
                let read = JSONString.read(buffer, at: &readAt)
                let skipped = JSONString.skip(buffer, at: &skipAt)
                #expect(skipped == (read != nil), "\(bytes)")
                if let read {
                    accepted += 1
                    #expect(skipAt == readAt, "\(bytes)")
                }
            }
        }
        // Both outcomes are well represented.
        #expect(accepted > 2_000)
        #expect(accepted < 18_000)
    }

    @Test func knownCases() {
        func skip(_ text: [UInt8]) -> (Bool, Int) {
            text.withUnsafeBufferPointer { buffer in
                var position = 0
                let ok = JSONString.skip(buffer, at: &position)
                return (ok, position)
            }
        }
        #expect(skip(Array(#"abc", 1"#.utf8)) == (true, 4))
        #expect(skip(Array(#"a\"b" "#.utf8)) == (true, 5))
        #expect(skip(Array(#"\ud83d\ude00""#.utf8)).0)
        #expect(!skip(Array(#"\ud83d""#.utf8)).0)
        #expect(!skip([0x61, 0xC3, 0x22]).0)
        #expect(skip([0x61, 0xC3, 0xA9, 0x22]).0)
        #expect(!skip([0x61, 0x0A, 0x22]).0)
        #expect(!skip(Array("no end".utf8)).0)
    }
}
