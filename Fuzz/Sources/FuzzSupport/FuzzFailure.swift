import Foundation

/// Stops a fuzz target on a broken invariant: the message goes to stderr and the process aborts, so libFuzzer
/// keeps the input as a crash.
public enum FuzzFailure {
    /// Reports `message` and aborts.
    public static func stop(_ message: String) -> Never {
        FileHandle.standardError.write(Data("invariant broken: \(message)\n".utf8))
        abort()
    }
}
