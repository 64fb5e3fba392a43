import PostgresNIO

/// One column of a batch's rows as a PostgreSQL `text[]` parameter, in the binary array format, for
/// `unnest($1::text[], …)`: the server copies each element without parsing it, and the statement casts the
/// column to its type (`bigint`, `boolean`, `jsonb`).
///
/// PostgreSQL text cannot hold the NUL character: a NUL in a value is written as U+FFFD, and so is a `\u0000`
/// escape in JSON text (which `jsonb` refuses).
struct PostgresTextArray: PostgresDynamicTypeEncodable {
    private var elements = ByteBuffer()
    private var count: Int32 = 0
    private var hasNull = false

    var psqlType: PostgresDataType { .textArray }
    var psqlFormat: PostgresFormat { .binary }

    /// Appends a value as text (integers in decimal, truth values as `true` or `false`), or NULL.
    mutating func append(_ value: SQLValue) {
        count += 1
        switch value {
        case .null:
            hasNull = true
            elements.writeInteger(-1, as: Int32.self)
        case .integer(let number): writeElement(String(number))
        case .boolean(let flag): writeElement(flag ? "true" : "false")
        case .text(let text): writeElement(text)
        case .json(let bytes):
            // Has no NUL byte (see `SQLValue.json`).
            elements.writeInteger(Int32(bytes.count))
            elements.writeBytes(bytes)
        }
    }

    /// Appends JSON text, with its `\u0000` escapes made `\ufffd`; NULL for a value that is not text.
    mutating func appendJSON(_ value: SQLValue) {
        switch value {
        case .text(var json):
            count += 1
            json.withUTF8 { writeJSON($0) }
        case .json(let bytes):
            count += 1
            bytes.withUnsafeBufferPointer { writeJSON($0) }
        default: append(value)
        }
    }

    /// Writes one element of JSON text given as UTF-8, with its `\u0000` escapes made `\ufffd`.
    private mutating func writeJSON(_ utf8: UnsafeBufferPointer<UInt8>) {
        let lengthAt = elements.writerIndex
        elements.writeInteger(0, as: Int32.self)
        var start = 0
        var index = 0
        while index < utf8.count {
            guard utf8[index] == UInt8(ascii: "\\") else {
                index += 1
                continue
            }
            let escape = utf8[min(index + 1, utf8.count)..<min(index + 6, utf8.count)]
            if escape.elementsEqual("u0000".utf8) {
                elements.writeBytes(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: utf8[start..<index])))
                elements.writeStaticString(#"\ufffd"#)
                index += 6
                start = index
            } else {
                index += 2
            }
        }
        elements.writeBytes(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: utf8[start..<utf8.count])))
        elements.setInteger(Int32(elements.writerIndex - lengthAt - 4), at: lengthAt)
    }

    private mutating func writeElement(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            let lengthAt = elements.writerIndex
            elements.writeInteger(0, as: Int32.self)
            var start = 0
            while let nul = utf8[start...].firstIndex(of: 0) {
                elements.writeBytes(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: utf8[start..<nul])))
                elements.writeBytes(Self.replacementCharacter)
                start = nul + 1
            }
            elements.writeBytes(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: utf8[start...])))
            elements.setInteger(Int32(elements.writerIndex - lengthAt - 4), at: lengthAt)
        }
    }

    func encode<JSONEncoder: PostgresJSONEncoder>(
        into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>
    ) {
        buffer.writeInteger(count == 0 ? 0 : 1, as: Int32.self)
        buffer.writeInteger(hasNull ? 1 : 0, as: Int32.self)
        buffer.writeInteger(PostgresDataType.text.rawValue)
        guard count > 0 else { return }
        buffer.writeInteger(count)
        buffer.writeInteger(1, as: Int32.self)
        var elements = elements
        buffer.writeBuffer(&elements)
    }

    private static let replacementCharacter: [UInt8] = [0xEF, 0xBF, 0xBD]
}
