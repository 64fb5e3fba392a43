import Dispatch

/// Runs blocking system calls (`fsync`, `syncfs`, SQLite transactions with `synchronous=FULL`) on threads of
/// their own, so the cooperative pool's few threads keep processing documents meanwhile.
///
/// Calls run at the same time: a batch's sinks and its corpus log each wait on their own syncs (one thread
/// for all of them made a batch's commit take the sum of their times). Callers that must not overlap await
/// one call before making the next.
public enum BlockingIO {
    private static let queue = DispatchQueue(
        label: "trialpipe.blocking-io", qos: .userInitiated, attributes: .concurrent)

    /// Runs `body` on a blocking-I/O thread and returns its result to the caller's task.
    public static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try body() }) }
        }
    }
}
