/// The byte-level rules that drug matching shares: what a word character is and how text is folded.
///
/// Folding makes spellings comparable: ASCII letters become lower case, every run of white space
/// (including line breaks and no-break spaces) becomes one space, and the hyphen-like dashes
/// U+2010…U+2013 and U+2212 become `-`. Other bytes stay as they are.
///
/// A word character is an ASCII letter or digit, or a Latin (U+00C0…U+024F, but not × and ÷) or Greek
/// (U+0370…U+03FF) letter. Everything else, the hyphen included, separates words: `capecitabine-based`
/// and `non-cetuximab` mention capecitabine and cetuximab, and CJK text around a name does not hide it.
enum MatchText {
    /// Whether `byte` is an ASCII letter or digit.
    @inline(__always)
    static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        isASCIILetter(byte) || (byte &- UInt8(ascii: "0")) < 10
    }

    /// Whether `byte` is an ASCII letter.
    @inline(__always)
    static func isASCIILetter(_ byte: UInt8) -> Bool {
        ((byte | 0x20) &- UInt8(ascii: "a")) < 26
    }

    /// The ASCII lower case of `byte`; other bytes unchanged.
    @inline(__always)
    static func lower(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    /// Whether a two-byte UTF-8 sequence encodes a Latin or Greek letter.
    @inline(__always)
    static func isWordScalar(lead: UInt8, trail: UInt8) -> Bool {
        let scalar = (UInt32(lead & 0x1F) << 6) | UInt32(trail & 0x3F)
        switch scalar {
        case 0xD7, 0xF7: return false
        case 0xC0...0x24F, 0x370...0x3FF: return true
        default: return false
        }
    }

    /// Whether the character starting at `index` is a word character (false at the end).
    @inline(__always)
    static func isWordCharacter(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index < text.count else { return false }
        let byte = text[index]
        if byte < 0x80 { return isASCIIWordByte(byte) }
        guard byte & 0xE0 == 0xC0, index + 1 < text.count else { return false }
        return isWordScalar(lead: byte, trail: text[index + 1])
    }

    /// The length in bytes of the character starting with `lead` (1 for a stray continuation byte).
    @inline(__always)
    static func characterLength(lead: UInt8) -> Int {
        if lead < 0xC0 { return 1 }
        if lead < 0xE0 { return 2 }
        if lead < 0xF0 { return 3 }
        return 4
    }

    /// The folded byte at `index` and the index after what it consumed, or nil at the end.
    @inline(__always)
    static func foldedByte(
        _ text: UnsafeBufferPointer<UInt8>, at index: Int, lowercasing: Bool = true
    ) -> (byte: UInt8, next: Int)? {
        guard index < text.count else { return nil }
        let byte = text[index]
        if byte < 0x80 {
            if isSpace(byte) { return (UInt8(ascii: " "), skipSpaces(text, from: index + 1)) }
            return (lowercasing ? lower(byte) : byte, index + 1)
        }
        if byte == 0xC2, index + 1 < text.count, text[index + 1] == 0xA0 {
            return (UInt8(ascii: " "), skipSpaces(text, from: index + 2))
        }
        if byte == 0xE2, index + 2 < text.count, isDash(text[index + 1], text[index + 2]) {
            return (UInt8(ascii: "-"), index + 3)
        }
        return (byte, index + 1)
    }

    @inline(__always)
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    @inline(__always)
    private static func isDash(_ second: UInt8, _ third: UInt8) -> Bool {
        (second == 0x80 && third >= 0x90 && third <= 0x93) || (second == 0x88 && third == 0x92)
    }

    private static func skipSpaces(_ text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < text.count {
            let byte = text[index]
            if isSpace(byte) {
                index += 1
            } else if byte == 0xC2, index + 1 < text.count, text[index + 1] == 0xA0 {
                index += 2
            } else {
                break
            }
        }
        return index
    }

    /// `spelling` folded and trimmed of surrounding space.
    static func folded(_ spelling: String, lowercasing: Bool = true) -> [UInt8] {
        var out: [UInt8] = []
        withBytes(spelling) { text in
            var index = 0
            while let (byte, next) = foldedByte(text, at: index, lowercasing: lowercasing) {
                out.append(byte)
                index = next
            }
        }
        while out.first == UInt8(ascii: " ") { out.removeFirst() }
        while out.last == UInt8(ascii: " ") { out.removeLast() }
        return out
    }

    /// The text between two byte offsets folded with its letter case kept (for exact-case comparison).
    static func folded(_ text: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> [UInt8] {
        var out: [UInt8] = []
        var index = start
        while index < end, let (byte, next) = foldedByte(text, at: index, lowercasing: false) {
            out.append(byte)
            index = next
        }
        return out
    }

    /// `spelling` folded, as a string (for keys and messages).
    static func foldedString(_ spelling: String) -> String {
        String(decoding: folded(spelling), as: UTF8.self)
    }

    /// Runs `body` over the UTF-8 bytes of `text` without copying when the string is contiguous.
    @inline(__always)
    static func withBytes<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }

    /// The text between two byte offsets with its white space collapsed to single spaces.
    static func spelling(_ text: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(end - start)
        var index = start
        while index < end, let (folded, next) = foldedByte(text, at: index, lowercasing: false) {
            if folded == UInt8(ascii: " ") {
                bytes.append(folded)
            } else {
                bytes.append(contentsOf: text[index..<next])
            }
            index = next
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
