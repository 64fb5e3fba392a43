/// Why a relational sink could not open or write, and what to do about it.
public struct RelationalSinkError: Error, Sendable, CustomStringConvertible {
    /// A stable code, e.g. `schema-version`.
    public var code: String
    /// What went wrong and how to fix it.
    public var message: String
    /// The underlying error's description, if any.
    public var cause: String?

    /// Creates an error.
    public init(code: String, message: String, cause: String? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    public var description: String { cause.map { "\(message) (\($0))" } ?? message }
}
