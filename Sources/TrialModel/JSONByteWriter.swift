/// Low-level JSON output into a byte buffer: RFC 8259 string escaping, integers, literals and keys.
///
/// Strings are copied from their UTF-8 storage in runs; only `"`, `\` and U+0000–U+001F are escaped,
/// everything else (non-ASCII and non-BMP characters included) is written as raw UTF-8.
enum JSONByteWriter {
    /// Appends a static ASCII fragment (a key with its punctuation, a literal) as is.
    @inline(__always)
    static func appendRaw(_ fragment: StaticString, to buffer: inout [UInt8]) {
        fragment.withUTF8Buffer { buffer.append(contentsOf: $0) }
    }

    /// Appends `value` as a quoted, escaped JSON string.
    @inline(__always)
    static func appendString(_ value: String, to buffer: inout [UInt8]) {
        var value = value
        value.withUTF8 { appendEscaped($0, to: &buffer) }
    }

    /// Appends `value` as a quoted JSON string, or `null`.
    @inline(__always)
    static func appendString(_ value: String?, to buffer: inout [UInt8]) {
        if let value {
            appendString(value, to: &buffer)
        } else {
            appendRaw("null", to: &buffer)
        }
    }

    /// Appends an enum's raw value as a quoted JSON string, or `null`.
    @inline(__always)
    static func appendEnum<E: RawRepresentable<String>>(_ value: E?, to buffer: inout [UInt8]) {
        appendString(value?.rawValue, to: &buffer)
    }

    /// Appends `true` or `false`.
    @inline(__always)
    static func appendBool(_ value: Bool, to buffer: inout [UInt8]) {
        if value {
            appendRaw("true", to: &buffer)
        } else {
            appendRaw("false", to: &buffer)
        }
    }

    /// Appends `true`, `false` or `null`.
    @inline(__always)
    static func appendBool(_ value: Bool?, to buffer: inout [UInt8]) {
        if let value {
            appendBool(value, to: &buffer)
        } else {
            appendRaw("null", to: &buffer)
        }
    }

    /// Appends a decimal integer.
    static func appendInt(_ value: Int, to buffer: inout [UInt8]) {
        if value == 0 {
            buffer.append(UInt8(ascii: "0"))
            return
        }
        if value < 0 { buffer.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for 20 digits
        var count = 0
        withUnsafeMutableBytes(of: &digits) { scratch in
            while magnitude > 0 {
                scratch[23 - count] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
                count += 1
            }
            buffer.append(contentsOf: scratch[(24 - count)...])
        }
    }

    /// Appends a JSON array of strings (`[]` when empty).
    static func appendStrings(_ values: [String], to buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: ",")) }
            appendString(value, to: &buffer)
        }
        buffer.append(UInt8(ascii: "]"))
    }

    /// Appends a JSON array whose elements `element` writes (`[]` when empty).
    @inline(__always)
    static func appendArray<T>(
        _ values: [T], to buffer: inout [UInt8], element: (T, inout [UInt8]) -> Void
    ) {
        buffer.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: ",")) }
            element(value, &buffer)
        }
        buffer.append(UInt8(ascii: "]"))
    }

    /// Appends the object `element` writes, or `null`.
    @inline(__always)
    static func appendObject<T>(
        _ value: T?, to buffer: inout [UInt8], element: (T, inout [UInt8]) -> Void
    ) {
        if let value {
            element(value, &buffer)
        } else {
            appendRaw("null", to: &buffer)
        }
    }

    /// Appends UTF-8 bytes as a quoted JSON string, escaping only what RFC 8259 requires.
    static func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>, to buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "\""))
        var runStart = 0
        var index = 0
        let count = utf8.count
        guard let base = utf8.baseAddress else {
            buffer.append(UInt8(ascii: "\""))
            return
        }
        while index < count {
            // Skip eight bytes at a time while none of them needs escaping.
            if index + 8 <= count,
                !needsEscape(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            {
                index += 8
                continue
            }
            let byte = utf8[index]
            if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") {
                index += 1
                continue
            }
            if runStart < index {
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
            }
            appendEscape(for: byte, to: &buffer)
            index += 1
            runStart = index
        }
        if runStart < count {
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<count]))
        }
        buffer.append(UInt8(ascii: "\""))
    }

    /// Whether any of the eight bytes in `word` is a control character, `"` or `\`.
    @inline(__always)
    private static func needsEscape(_ word: UInt64) -> Bool {
        let bytes = ByteWord(value: word)
        return bytes.hasByte(below: 0x20) || bytes.hasByte(0x22) || bytes.hasByte(0x5C)
    }

    /// Appends the escape sequence for a quote, a backslash or a control character.
    private static func appendEscape(for byte: UInt8, to buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""): buffer.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): buffer.append(UInt8(ascii: "\\"))
        case 0x0A: buffer.append(UInt8(ascii: "n"))
        case 0x0D: buffer.append(UInt8(ascii: "r"))
        case 0x09: buffer.append(UInt8(ascii: "t"))
        case 0x08: buffer.append(UInt8(ascii: "b"))
        case 0x0C: buffer.append(UInt8(ascii: "f"))
        default:
            let hex: StaticString = "0123456789abcdef"
            buffer.append(UInt8(ascii: "u"))
            buffer.append(UInt8(ascii: "0"))
            buffer.append(UInt8(ascii: "0"))
            hex.withUTF8Buffer { digits in
                buffer.append(digits[Int(byte >> 4)])
                buffer.append(digits[Int(byte & 0x0F)])
            }
        }
    }
}
