/// An error that says its own stable code, a message saying how to fix it, and its cause, so the runner, the
/// logs and `NAME.error.json` report it as it is meant; every module's errors adopt it.
public protocol DescribedError: Error {
    /// The stable code for `NAME.error.json` and logs.
    var errorCode: TrialpipeError.Code { get }
    /// What happened and how to fix it.
    var errorMessage: String { get }
    /// The error underneath, if any.
    var errorCause: (any Error & Sendable)? { get }
}

extension DescribedError {
    /// Errors that wrap nothing have no cause.
    public var errorCause: (any Error & Sendable)? { nil }
}

extension TrialpipeError: DescribedError {
    public var errorCode: Code { code }
    public var errorMessage: String { message }
    public var errorCause: (any Error & Sendable)? { cause }
}
