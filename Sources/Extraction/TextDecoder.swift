import TrialModel

/// Decodes a text document's bytes: UTF-8 with or without BOM, CRLF and lone CR to LF, NULs dropped, and
/// bytes that are not valid UTF-8 read as Windows-1252 (with a warning).
enum TextDecoder {
    /// The warning added when some bytes were not valid UTF-8.
    static let windows1252Warning = "not UTF-8: decoded as Windows-1252"

    /// The document's text and what could not be decoded cleanly; never fails.
    static func decode(_ bytes: [UInt8]) -> (text: String, warnings: [String]) {
        if let text = decodedAsIs(bytes) { return (text, []) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 16)
        var index = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        var sawInvalid = false
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                switch byte {
                case 0x00:
                    break
                case 0x0D:
                    out.append(0x0A)
                    if index + 1 < count, bytes[index + 1] == 0x0A { index += 1 }
                default:
                    out.append(byte)
                }
                index += 1
                continue
            }
            let length = validSequenceLength(bytes, at: index)
            if length > 0 {
                out.append(contentsOf: bytes[index..<(index + length)])
                index += length
            } else {
                sawInvalid = true
                appendUTF8(of: windows1252Scalar(byte), to: &out)
                index += 1
            }
        }
        let text = String(decoding: out, as: UTF8.self)
        return (text, sawInvalid ? [windows1252Warning] : [])
    }

    /// The text when the bytes (after a BOM) need no change: no NUL, no CR, and well-formed UTF-8.
    private static func decodedAsIs(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { buffer -> String? in
            var start = 0
            if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { start = 3 }
            let body = UnsafeBufferPointer(rebasing: buffer[start...])
            var ascii = true
            var index = 0
            if let base = body.baseAddress {
                // Eight bytes at a time: only a NUL or CR stops the reading as is.
                while index &+ 8 <= body.count {
                    let word = ByteWord(base, at: index)
                    if word.hasByte(0x00) || word.hasByte(0x0D) { return nil }
                    if word.hasNonASCII { ascii = false }
                    index &+= 8
                }
            }
            for byte in UnsafeBufferPointer(rebasing: body[index...]) {
                if byte == 0x00 || byte == 0x0D { return nil }
                if byte >= 0x80 { ascii = false }
            }
            if ascii { return String(decoding: body, as: UTF8.self) }
            return String(validating: body, as: UTF8.self)
        }
    }

    /// The length of the well-formed UTF-8 sequence starting at `index`, or 0 when it is not one
    /// (overlong forms, surrogates and code points past U+10FFFF are not well formed).
    private static func validSequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let remaining = bytes.count - index
        func continuation(_ offset: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
            offset < remaining && range.contains(bytes[index + offset])
        }
        switch lead {
        case 0xC2...0xDF:
            return continuation(1) ? 2 : 0
        case 0xE0:
            return continuation(1, 0xA0...0xBF) && continuation(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF:
            return continuation(1) && continuation(2) ? 3 : 0
        case 0xED:
            return continuation(1, 0x80...0x9F) && continuation(2) ? 3 : 0
        case 0xF0:
            return continuation(1, 0x90...0xBF) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF1...0xF3:
            return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF4:
            return continuation(1, 0x80...0x8F) && continuation(2) && continuation(3) ? 4 : 0
        default:
            return 0
        }
    }

    /// Windows-1252 code points for 0x80–0x9F; the five unassigned bytes map to the C1 control of the same
    /// value, as the WHATWG encoding standard does.
    private static let high: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// The Unicode scalar value of a Windows-1252 byte.
    static func windows1252Scalar(_ byte: UInt8) -> UInt32 {
        if byte >= 0x80, byte <= 0x9F { return high[Int(byte - 0x80)] }
        return UInt32(byte)
    }

    private static func appendUTF8(of scalar: UInt32, to out: inout [UInt8]) {
        if scalar < 0x80 {
            out.append(UInt8(scalar))
        } else if scalar < 0x800 {
            out.append(UInt8(0xC0 | (scalar >> 6)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        } else {
            out.append(UInt8(0xE0 | (scalar >> 12)))
            out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }
}
