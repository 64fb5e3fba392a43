/// JSON strings (RFC 8259 §7) read from UTF-8 bytes: one implementation for every JSON reader of the project.
public enum JSONString {
    /// The string whose opening quote is just before `position`, escapes resolved and UTF-8 checked; `position`
    /// moves past its closing quote. Nil for anything JSON does not allow: a raw control character, a bad escape,
    /// a lone surrogate, invalid UTF-8, no closing quote.
    public static func read(_ bytes: UnsafeBufferPointer<UInt8>, at position: inout Int) -> String? {
        let start = position
        // The bytes OR-ed together: below 0x80 means ASCII, which is valid UTF-8 without the validating pass.
        var highBits: UInt8 = 0
        if let base = bytes.baseAddress {
            // Eight bytes at a time while none is a quote, a backslash or a control character.
            var words: UInt64 = 0
            while position &+ 8 <= bytes.count {
                let word = ByteWord(base, at: position)
                if word.hasByte(below: 0x20) || word.hasByte(UInt8(ascii: "\"")) || word.hasByte(UInt8(ascii: "\\")) {
                    break
                }
                words |= word.value
                position &+= 8
            }
            if words & 0x8080_8080_8080_8080 != 0 { highBits = 0x80 }
        }
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let run = UnsafeBufferPointer(rebasing: bytes[start..<position])
                position += 1
                return highBits < 0x80 ? String(decoding: run, as: UTF8.self) : String(validating: run, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { return nil }
            highBits |= byte
            position += 1
        }
        guard position < bytes.count else { return nil }
        var utf8: [UInt8] = []
        utf8.reserveCapacity(position - start + 64)
        utf8.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<position]))
        while position < bytes.count {
            // The run up to the next quote, backslash or control character is copied at once.
            let runStart = position
            while position < bytes.count {
                let byte = bytes[position]
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
                position += 1
            }
            utf8.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<position]))
            guard position < bytes.count else { return nil }
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""): return String(validating: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"): guard decodeEscape(bytes, at: &position, into: &utf8) else { return nil }
            default: return nil
            }
        }
        return nil
    }

    /// Moves `position` past the string whose opening quote is just before it, checking it as ``read(_:at:)``
    /// does but building nothing: true exactly when `read` would return a string (for values a reader checks but
    /// never uses, such as a study's results).
    public static func skip(_ bytes: UnsafeBufferPointer<UInt8>, at position: inout Int) -> Bool {
        var runStart = position
        var highBits: UInt8 = 0
        var scratch: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                // Escapes give whole scalars, so the text is valid UTF-8 when each raw run between them is.
                if highBits >= 0x80, !isValidUTF8(UnsafeBufferPointer(rebasing: bytes[runStart..<position])) {
                    return false
                }
                position += 1
                if byte == UInt8(ascii: "\"") { return true }
                scratch.removeAll(keepingCapacity: true)
                guard decodeEscape(bytes, at: &position, into: &scratch) else { return false }
                runStart = position
                highBits = 0
                continue
            }
            if byte < 0x20 { return false }
            highBits |= byte
            position += 1
        }
        return false
    }

    /// Whether `bytes` are well-formed UTF-8, as `String(validating:as:)` judges them (the same decoder, which
    /// reports the first error).
    private static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        !transcode(bytes.makeIterator(), from: UTF8.self, to: UTF8.self, stoppingOnError: true, into: { _ in })
    }

    /// Appends the UTF-8 of the escape sequence whose backslash is just before `position`, and moves `position`
    /// past it; false for anything JSON does not allow (an unknown letter, bad hex digits, a lone surrogate).
    private static func decodeEscape(
        _ bytes: UnsafeBufferPointer<UInt8>, at position: inout Int, into out: inout [UInt8]
    ) -> Bool {
        guard position < bytes.count else { return false }
        let byte = bytes[position]
        position += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(byte)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
            guard var scalar = hexQuad(bytes, at: &position) else { return false }
            if (0xD800..<0xDC00).contains(scalar) {
                guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                    bytes[position + 1] == UInt8(ascii: "u")
                else { return false }
                position += 2
                guard let low = hexQuad(bytes, at: &position), (0xDC00..<0xE000).contains(low) else { return false }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            // A lone low surrogate is no scalar.
            guard let character = Unicode.Scalar(scalar), let encoded = UTF8.encode(character) else { return false }
            out.append(contentsOf: encoded)
        default:
            return false
        }
        return true
    }

    /// Four hex digits at `position`, which moves past them.
    private static func hexQuad(_ bytes: UnsafeBufferPointer<UInt8>, at position: inout Int) -> UInt32? {
        guard position + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }
}
