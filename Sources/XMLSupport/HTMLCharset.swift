/// Finds the character encoding of an HTML page the way browsers do, from its bytes alone.
public enum HTMLCharset {
    /// Where the encoding came from.
    public enum Source: Sendable, Equatable {
        /// A byte order mark.
        case byteOrderMark
        /// A `<meta charset>`, `<meta http-equiv="Content-Type">` or XML declaration.
        case declared
        /// Nothing declared; the bytes are valid UTF-8.
        case validUTF8
        /// Nothing declared and the bytes are not UTF-8: read as Windows-1252, as browsers do.
        case guessed
    }

    /// How many leading bytes are searched for a declaration (browsers use 1024; pages saved by tools
    /// often put scripts first, so look further).
    static let prescanLength = 8192

    /// The encoding name to hand to the parser and where it came from.
    public static func detect(_ bytes: [UInt8]) -> (name: String, source: Source) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return ("UTF-8", .byteOrderMark) }
        if bytes.starts(with: [0xFF, 0xFE]) { return ("UTF-16LE", .byteOrderMark) }
        if bytes.starts(with: [0xFE, 0xFF]) { return ("UTF-16BE", .byteOrderMark) }
        if let declared = declaredCharset(in: bytes.prefix(prescanLength)) {
            return (canonicalName(declared), .declared)
        }
        if isValidUTF8(bytes) { return ("UTF-8", .validUTF8) }
        return ("windows-1252", .guessed)
    }

    /// The value of the first `charset=` or `encoding=` in the bytes (meta tags, XML declaration).
    static func declaredCharset(in head: ArraySlice<UInt8>) -> String? {
        let lower = head.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        for keyword in ["charset", "encoding"] {
            let pattern = Array(keyword.utf8)
            var index = 0
            while let found = firstIndex(of: pattern, in: lower, from: index) {
                index = found + pattern.count
                var cursor = index
                while cursor < lower.count, lower[cursor] == 0x20 { cursor += 1 }
                guard cursor < lower.count, lower[cursor] == UInt8(ascii: "=") else { continue }
                cursor += 1
                while cursor < lower.count,
                    lower[cursor] == 0x20 || lower[cursor] == 0x22 || lower[cursor] == 0x27
                {
                    cursor += 1
                }
                let start = cursor
                while cursor < lower.count, isLabelByte(lower[cursor]) { cursor += 1 }
                if cursor > start { return String(decoding: lower[start..<cursor], as: UTF8.self) }
            }
        }
        return nil
    }

    /// The name libxml2 (iconv) should use for a declared label, following the WHATWG encoding rules:
    /// Latin-1 and ASCII labels mean Windows-1252, and UTF-16 without a BOM means UTF-8.
    static func canonicalName(_ label: String) -> String {
        switch label {
        case "utf8", "utf-8", "unicode-1-1-utf-8", "utf-16", "utf-16le", "utf-16be", "unicode":
            return "UTF-8"
        case "iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii", "cp1252", "windows-1252",
            "x-cp1252", "iso_8859-1", "cp819", "ibm819":
            return "windows-1252"
        default:
            return label
        }
    }

    /// Whether the bytes are well-formed UTF-8.
    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    private static func isLabelByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x5F
            || byte == 0x2E || byte == 0x3A
    }

    private static func firstIndex(of pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard pattern.count <= bytes.count, start <= bytes.count - pattern.count else { return nil }
        var index = start
        while index <= bytes.count - pattern.count {
            if bytes[index] == pattern[0], bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
                return index
            }
            index += 1
        }
        return nil
    }
}
