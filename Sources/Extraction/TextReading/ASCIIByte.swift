/// Byte classes for reading UTF-8 text without decoding it.
enum ASCIIByte {
    @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
    @inline(__always) static func isLower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { isUpper(b) || isLower(b) }
    @inline(__always) static func isAlphanumeric(_ b: UInt8) -> Bool { isLetter(b) || isDigit(b) }
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0B || b == 0x0C || b == 0x0D
    }
    /// ASCII punctuation that Markdown allows to be escaped with a backslash.
    @inline(__always) static func isPunctuation(_ b: UInt8) -> Bool {
        (b >= 0x21 && b <= 0x2F) || (b >= 0x3A && b <= 0x40) || (b >= 0x5B && b <= 0x60)
            || (b >= 0x7B && b <= 0x7E)
    }
    @inline(__always) static func lowered(_ b: UInt8) -> UInt8 { isUpper(b) ? b + 32 : b }

    /// The number of bytes of Unicode white space (NBSP, en/em spaces, ZWSP, narrow NBSP, ideographic
    /// space, BOM) starting at `i`, or 0.
    static func wideSpaceLength(_ bytes: some RandomAccessCollection<UInt8>, at i: Int) -> Int {
        let start = bytes.startIndex
        let n = bytes.count
        let b0 = bytes[bytes.index(start, offsetBy: i)]
        if b0 == 0xC2, i + 1 < n, bytes[bytes.index(start, offsetBy: i + 1)] == 0xA0 { return 2 }
        guard i + 2 < n else { return 0 }
        let b1 = bytes[bytes.index(start, offsetBy: i + 1)]
        let b2 = bytes[bytes.index(start, offsetBy: i + 2)]
        if b0 == 0xE2, b1 == 0x80, (b2 >= 0x80 && b2 <= 0x8B) || b2 == 0xAF { return 3 }
        if b0 == 0xE3, b1 == 0x80, b2 == 0x80 { return 3 }
        if b0 == 0xEF, b1 == 0xBB, b2 == 0xBF { return 3 }
        return 0
    }
}
