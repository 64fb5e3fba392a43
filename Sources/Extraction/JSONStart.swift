/// Whether a document that begins with `{` or `[` really starts a JSON value, or is a page that happens to
/// begin with a bracket ("[Trial of device …]", "{Banner}").
enum JSONStart {
    /// The warning a bracketed page that is read as text carries.
    static let readAsTextWarning = "starts with a bracket but is not JSON: read as text"

    /// True when the first byte after the opening `{` or `[` (and any white space) can follow it in JSON: a
    /// string, an object, an array, a number, `true`, `false`, `null`, or the closing bracket.
    static func isPlausible(_ bytes: [UInt8]) -> Bool {
        var index = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
        guard index < bytes.count else { return false }
        let opener = bytes[index]
        index += 1
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
        guard index < bytes.count else { return false }
        let next = bytes[index]
        if opener == UInt8(ascii: "{") {
            return next == UInt8(ascii: "\"") || next == UInt8(ascii: "}")
        }
        switch next {
        case UInt8(ascii: "\""), UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "-"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            // true, false, null: the word must be one of them.
            let word = bytes[index..<min(bytes.count, index + 5)]
            return word.starts(with: Array("true".utf8)) || word.starts(with: Array("false".utf8))
                || word.starts(with: Array("null".utf8))
        default:
            return false
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }
}
