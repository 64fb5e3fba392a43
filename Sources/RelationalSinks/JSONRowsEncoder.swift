/// Encodes rows as one JSON array of objects keyed by column name, for PostgreSQL's `json_populate_recordset`,
/// which converts every value to its column's type.
///
/// PostgreSQL text cannot hold the NUL character: a NUL in a value is written as U+FFFD, and so is a `\u0000`
/// escape in the record's JSON (which `jsonb` refuses). The record's JSON goes in as a nested value, not a string.
struct JSONRowsEncoder {
    private var output: [UInt8] = [UInt8(ascii: "[")]
    private let keys: [[UInt8]]
    private let jsonColumn: Int?
    private var rows = 0

    /// An encoder for rows of these columns; the values of `jsonColumn` are JSON texts.
    init(columns: [String], jsonColumn: Int? = nil) {
        keys = columns.map { Array("\"\($0)\":".utf8) }
        self.jsonColumn = jsonColumn
    }

    /// The JSON array of every row appended so far.
    var bytes: [UInt8] { output + [UInt8(ascii: "]")] }

    /// Appends the rows of a flat value list holding one value per column in each row.
    mutating func appendRows(_ values: ArraySlice<SQLValue>) {
        var column = 0
        for value in values {
            if column == 0 {
                if rows > 0 { output.append(UInt8(ascii: ",")) }
                output.append(UInt8(ascii: "{"))
            } else {
                output.append(UInt8(ascii: ","))
            }
            output.append(contentsOf: keys[column])
            if column == jsonColumn, case .text(let json) = value {
                appendJSON(json)
            } else {
                append(value)
            }
            column += 1
            if column == keys.count {
                output.append(UInt8(ascii: "}"))
                rows += 1
                column = 0
            }
        }
    }

    private mutating func append(_ value: SQLValue) {
        switch value {
        case .null:
            output.append(contentsOf: "null".utf8)
        case .integer(let number):
            output.append(contentsOf: String(number).utf8)
        case .boolean(let flag):
            output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .text(let text):
            appendString(text)
        }
    }

    private mutating func appendString(_ text: String) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                switch byte {
                case 0: output.append(contentsOf: Self.replacementCharacter)
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): output.append(contentsOf: [UInt8(ascii: "\\"), byte])
                case UInt8(ascii: "\n"): output.append(contentsOf: #"\n"#.utf8)
                case UInt8(ascii: "\t"): output.append(contentsOf: #"\t"#.utf8)
                case UInt8(ascii: "\r"): output.append(contentsOf: #"\r"#.utf8)
                default:
                    output.append(contentsOf: #"\u00"#.utf8)
                    output.append(Self.hexDigits[Int(byte >> 4)])
                    output.append(Self.hexDigits[Int(byte & 0xF)])
                }
                start = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        output.append(UInt8(ascii: "\""))
    }

    /// JSON text as a nested value, with `\u0000` escapes made `\ufffd`; the rest is copied as it is.
    private mutating func appendJSON(_ json: String) {
        var json = json
        json.withUTF8 { utf8 in
            var start = 0
            var index = 0
            while index < utf8.count {
                guard utf8[index] == UInt8(ascii: "\\") else {
                    index += 1
                    continue
                }
                let escape = utf8[min(index + 1, utf8.count)..<min(index + 6, utf8.count)]
                if escape.elementsEqual("u0000".utf8) {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                    output.append(contentsOf: #"\ufffd"#.utf8)
                    index += 6
                    start = index
                } else {
                    index += 2
                }
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<utf8.count]))
        }
    }

    private static let replacementCharacter: [UInt8] = [0xEF, 0xBF, 0xBD]
    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
