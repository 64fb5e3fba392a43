public import Pipeline

/// Why a relational sink could not open or write, and what to do about it.
public struct RelationalSinkError: DescribedError, Sendable, CustomStringConvertible {
    /// A stable code, e.g. `schema-version`.
    public var code: TrialpipeError.Code
    /// What went wrong and how to fix it.
    public var message: String
    /// The error underneath, if any.
    public var cause: (any Error & Sendable)?
    /// How the cause reads in logs (for PostgreSQL the server's SQLSTATE and message), if not its description.
    public var causeSummary: String?

    /// Creates an error.
    public init(
        code: TrialpipeError.Code, message: String, cause: (any Error & Sendable)? = nil, causeSummary: String? = nil
    ) {
        self.code = code
        self.message = message
        self.cause = cause
        self.causeSummary = causeSummary
    }

    public var description: String {
        guard let summary = causeSummary ?? cause.map({ "\($0)" }) else { return message }
        return "\(message) (\(summary))"
    }

    public var errorCode: TrialpipeError.Code { code }
    public var errorMessage: String { message }
    public var errorCause: (any Error & Sendable)? { cause }
}
