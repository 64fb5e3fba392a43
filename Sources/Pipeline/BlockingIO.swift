import Dispatch

/// Runs blocking system calls (`fsync`, `syncfs`, SQLite transactions with `synchronous=FULL`) on one
/// dedicated thread, so the cooperative pool's few threads keep processing documents meanwhile.
public enum BlockingIO {
    private static let queue = DispatchQueue(label: "trialpipe.blocking-io", qos: .userInitiated)

    /// Runs `body` on the blocking-I/O thread and returns its result to the caller's task.
    public static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try body() }) }
        }
    }
}
