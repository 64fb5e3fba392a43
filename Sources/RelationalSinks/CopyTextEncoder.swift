/// Encodes rows in PostgreSQL's `COPY … FROM STDIN` text format: columns separated by tabs, rows ended by
/// newlines, NULL as `\N`, and backslash, tab, newline and carriage return escaped with a backslash.
///
/// PostgreSQL text cannot hold the NUL character: a NUL in a value is written as U+FFFD, and so is a `\u0000`
/// escape in JSON (which `jsonb` refuses).
struct CopyTextEncoder {
    /// The encoded rows so far.
    private(set) var bytes: [UInt8] = []

    /// Appends the rows of a flat value list holding `width` values per row.
    mutating func appendRows(_ values: ArraySlice<SQLValue>, width: Int, jsonColumn: Int? = nil) {
        var column = 0
        for value in values {
            if column > 0 { bytes.append(UInt8(ascii: "\t")) }
            if column == jsonColumn, case .text(let json) = value {
                appendJSON(json)
            } else {
                append(value)
            }
            column += 1
            if column == width {
                bytes.append(UInt8(ascii: "\n"))
                column = 0
            }
        }
    }

    private mutating func append(_ value: SQLValue) {
        switch value {
        case .null:
            bytes.append(UInt8(ascii: "\\"))
            bytes.append(UInt8(ascii: "N"))
        case .integer(let number):
            bytes.append(contentsOf: String(number).utf8)
        case .boolean(let flag):
            bytes.append(flag ? UInt8(ascii: "t") : UInt8(ascii: "f"))
        case .text(let text):
            appendEscaped(text)
        }
    }

    private mutating func appendEscaped(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            for index in 0..<utf8.count {
                let escape: UInt8
                switch utf8[index] {
                case UInt8(ascii: "\\"): escape = UInt8(ascii: "\\")
                case UInt8(ascii: "\t"): escape = UInt8(ascii: "t")
                case UInt8(ascii: "\n"): escape = UInt8(ascii: "n")
                case UInt8(ascii: "\r"): escape = UInt8(ascii: "r")
                case 0: escape = 0
                default: continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                if escape == 0 {
                    bytes.append(contentsOf: Self.replacementCharacter)
                } else {
                    bytes.append(UInt8(ascii: "\\"))
                    bytes.append(escape)
                }
                start = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
    }

    /// JSON text as a `jsonb` value: escaped as any text, with `\u0000` escapes made `\ufffd`.
    private mutating func appendJSON(_ json: String) {
        guard json.contains("\\u0000") else { return appendEscaped(json) }
        var cleaned: [UInt8] = []
        var utf8 = Array(json.utf8)[...]
        while let byte = utf8.popFirst() {
            cleaned.append(byte)
            guard byte == UInt8(ascii: "\\"), let next = utf8.popFirst() else { continue }
            if next == UInt8(ascii: "u"), utf8.prefix(4).elementsEqual("0000".utf8) {
                cleaned.append(contentsOf: "ufffd".utf8)
                utf8 = utf8.dropFirst(4)
            } else {
                cleaned.append(next)
            }
        }
        appendEscaped(String(decoding: cleaned, as: UTF8.self))
    }

    private static let replacementCharacter: [UInt8] = [0xEF, 0xBF, 0xBD]
}
