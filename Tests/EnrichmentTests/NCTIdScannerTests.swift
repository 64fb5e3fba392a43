import Testing

@testable import Enrichment

@Suite("NCT id scanner")
struct NCTIdScannerTests {
    /// The rule read one byte at a time, as the documentation states it: the oracle for the block scan.
    static func oracle(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        func isWord(_ byte: UInt8) -> Bool { MatchText.isASCIIWordByte(byte) }
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        var ids: [String] = []
        var index = 0
        while index + 11 <= bytes.count {
            guard bytes[index] | 0x20 == UInt8(ascii: "n"), bytes[index + 1] | 0x20 == UInt8(ascii: "c"),
                bytes[index + 2] | 0x20 == UInt8(ascii: "t"), index == 0 || !isWord(bytes[index - 1])
            else {
                index += 1
                continue
            }
            var digits = index + 3
            if bytes[digits] == UInt8(ascii: " ") { digits += 1 }
            let end = digits + 8
            if end <= bytes.count, bytes[digits..<end].allSatisfy(isDigit), end == bytes.count || !isWord(bytes[end]) {
                ids.append("NCT" + String(decoding: bytes[digits..<end], as: UTF8.self))
                index = end
            } else {
                index += 1
            }
        }
        return ids
    }

    static func scan(_ text: String) -> [String] {
        var ids: [String] = []
        NCTIdScanner.forEachId(in: text) { ids.append($0) }
        return ids
    }

    @Test("ids in any letter case, with one space, not glued to letters or digits, at every offset")
    func examples() {
        for pad in 0..<8 {
            let lead = String(repeating: "x ", count: pad)
            #expect(Self.scan(lead + "see NCT01234567.") == ["NCT01234567"])
            #expect(Self.scan(lead + "nct 01234567, NcT76543210") == ["NCT01234567", "NCT76543210"])
            #expect(Self.scan(lead + "NCT012345678 XNCT01234567 NCT0123456 NCT  01234567 NCT01234567a") == [])
            #expect(Self.scan(lead + "(NCT01234567)xNCT11111111 (NCT22222222)") == ["NCT01234567", "NCT22222222"])
            #expect(Self.scan(lead + "NCT01234567") == ["NCT01234567"])
        }
        #expect(Self.scan("NCT0123456") == [])
        #expect(Self.scan("") == [])
    }

    @Test("the block scan finds what the byte-by-byte rule finds, on random texts of ids, digits and letters")
    func agreesWithTheRule() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["NCT", "nct", "NCT ", "0123", "4567", "89", "1", " ", "a", "x", ".", "-", "NCT01234567", "é"]
        for _ in 0..<3000 {
            let count = Int.random(in: 1...24, using: &generator)
            let text = (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(Self.scan(text) == Self.oracle(text), "\(text)")
        }
    }
}
