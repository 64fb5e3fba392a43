/// Finds ClinicalTrials.gov ids (`NCT` + 8 digits) in text, on bytes.
///
/// `NCT` may be in any letter case and may be followed by one space (`NCT 01234567`); the id must not be
/// glued to a letter or digit on either side, so `NCT012345678` and `XNCT01234567` are not ids. Ids are
/// returned in the canonical form `NCT01234567`.
enum NCTIdScanner {
    /// Calls `body` with each id in `text`, in order.
    static func forEachId(in text: String, _ body: (String) -> Void) {
        MatchText.withBytes(text) { bytes in
            let count = bytes.count
            var index = 0
            while index + 11 <= count {
                let byte = bytes[index]
                guard byte | 0x20 == UInt8(ascii: "n") else {
                    index += 1
                    continue
                }
                if let (digitsStart, end) = id(in: bytes, at: index) {
                    var id: [UInt8] = [UInt8(ascii: "N"), UInt8(ascii: "C"), UInt8(ascii: "T")]
                    id.append(contentsOf: bytes[digitsStart..<end])
                    body(String(decoding: id, as: UTF8.self))
                    index = end
                } else {
                    index += 1
                }
            }
        }
    }

    /// Every distinct id in `text`, in order of first appearance.
    static func ids(in text: String) -> [String] {
        var ids: [String] = []
        forEachId(in: text) { if !ids.contains($0) { ids.append($0) } }
        return ids
    }

    /// The digits' start and the id's end when an id starts at `start`.
    @inline(__always)
    private static func id(in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (Int, Int)? {
        guard bytes[start + 1] | 0x20 == UInt8(ascii: "c"), bytes[start + 2] | 0x20 == UInt8(ascii: "t") else {
            return nil
        }
        if start > 0, MatchText.isASCIIWordByte(bytes[start - 1]) { return nil }
        var digitsStart = start + 3
        if bytes[digitsStart] == UInt8(ascii: " ") { digitsStart += 1 }
        let end = digitsStart + 8
        guard end <= bytes.count else { return nil }
        for position in digitsStart..<end where !isDigit(bytes[position]) { return nil }
        if end < bytes.count, MatchText.isASCIIWordByte(bytes[end]) { return nil }
        return (digitsStart, end)
    }

    @inline(__always)
    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
