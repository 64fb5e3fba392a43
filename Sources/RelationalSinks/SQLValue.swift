/// One column value of a relational row, as both engines bind it.
public enum SQLValue: Sendable, Equatable {
    /// SQL NULL.
    case null
    /// Text (also dates, enum values and JSON).
    case text(String)
    /// A whole number.
    case integer(Int)
    /// A truth value (INTEGER 0/1 in SQLite, BOOLEAN in PostgreSQL).
    case boolean(Bool)
    /// JSON text as the UTF-8 bytes `RecordJSONWriter` writes: valid UTF-8 with no NUL byte (it escapes every
    /// control character), so it is bound as it is, without making a `String` of it or searching it for NUL.
    case json([UInt8])

    /// Text, or NULL for nil.
    static func optional(_ text: String?) -> SQLValue { text.map(SQLValue.text) ?? .null }
}
