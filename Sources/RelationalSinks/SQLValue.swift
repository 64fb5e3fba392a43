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

    /// Text, or NULL for nil.
    static func optional(_ text: String?) -> SQLValue { text.map(SQLValue.text) ?? .null }
}
