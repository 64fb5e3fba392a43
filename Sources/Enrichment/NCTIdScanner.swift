/// Finds ClinicalTrials.gov ids (`NCT` + 8 digits) in text, on bytes.
///
/// `NCT` may be in any letter case and may be followed by one space (`NCT 01234567`); the id must not be
/// glued to a letter or digit on either side, so `NCT012345678` and `XNCT01234567` are not ids. Ids are
/// returned in the canonical form `NCT01234567`.
enum NCTIdScanner {
    /// Calls `body` with each id in `text`, in order.
    ///
    /// An id's eight digits always cover one whole four-byte block at a multiple of four, so the scan reads
    /// the text four bytes at a time and looks closer only at blocks that are all digits (rare in prose).
    static func forEachId(in text: String, _ body: (String) -> Void) {
        MatchText.withBytes(text) { bytes in
            let count = bytes.count
            guard count >= 11, let base = UnsafeRawPointer(bytes.baseAddress) else { return }
            var block = 0
            while block + 4 <= count {
                let word = base.loadUnaligned(fromByteOffset: block, as: UInt32.self)
                guard allDigits(word) else {
                    block &+= 4
                    continue
                }
                var start = block
                while start > 0, isDigit(bytes[start - 1]) { start -= 1 }
                var end = block + 4
                while end < count, isDigit(bytes[end]) { end += 1 }
                if end - start == 8, hasPrefix(bytes, digitsAt: start),
                    end == count || !MatchText.isASCIIWordByte(bytes[end])
                {
                    var id: [UInt8] = [UInt8(ascii: "N"), UInt8(ascii: "C"), UInt8(ascii: "T")]
                    id.append(contentsOf: bytes[start..<end])
                    body(String(decoding: id, as: UTF8.self))
                }
                // The next block that can hold digits of another run starts after this run.
                block = (end + 4) & ~3
            }
        }
    }

    /// Whether `NCT` (any letter case, maybe then one space) comes right before the digits at `digits`,
    /// not glued to a letter or digit before it.
    @inline(__always)
    private static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, digitsAt digits: Int) -> Bool {
        var letters = digits
        if letters > 0, bytes[letters - 1] == UInt8(ascii: " ") { letters -= 1 }
        guard letters >= 3, bytes[letters - 3] | 0x20 == UInt8(ascii: "n"),
            bytes[letters - 2] | 0x20 == UInt8(ascii: "c"), bytes[letters - 1] | 0x20 == UInt8(ascii: "t")
        else { return false }
        let start = letters - 3
        return start == 0 || !MatchText.isASCIIWordByte(bytes[start - 1])
    }

    /// Whether all four bytes of `word` are ASCII digits.
    @inline(__always)
    private static func allDigits(_ word: UInt32) -> Bool {
        // Digits are 0x30...0x39: the high nibble is 3, and adding 6 to the low nibble does not carry.
        (word & 0xF0F0_F0F0) == 0x3030_3030 && ((word &+ 0x0606_0606) & 0xF0F0_F0F0) == 0x3030_3030
    }

    /// Every distinct id in `text`, in order of first appearance.
    static func ids(in text: String) -> [String] {
        var ids: [String] = []
        forEachId(in: text) { if !ids.contains($0) { ids.append($0) } }
        return ids
    }

    @inline(__always)
    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
