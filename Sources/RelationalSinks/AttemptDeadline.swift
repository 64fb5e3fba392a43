import Synchronization

/// An operation that did not finish in its time.
struct AttemptTimedOut: Error, CustomStringConvertible {
    /// The time it had, in seconds.
    var seconds: Double

    var description: String { "no answer within \(seconds) s" }
}

/// Runs an operation with a deadline, and returns at the deadline even when the operation never does.
///
/// PostgresNIO can leave a query issued just as the server closes the connection waiting forever; a batch
/// must then be tried again on a new connection, not wait with it. At the deadline the operation is cancelled
/// and left to end on its own; its result, if it ever comes, is dropped.
enum AttemptDeadline {
    /// The operation's result, or ``AttemptTimedOut`` after `seconds`.
    static func run<Value: Sendable>(
        seconds: Double, _ operation: @escaping @Sendable () async throws -> Value
    ) async throws -> Value {
        let race = Race<Value>()
        return try await withCheckedThrowingContinuation { continuation in
            race.waiting.withLock { $0 = continuation }
            let work = Task {
                let result: Result<Value, any Error>
                do { result = .success(try await operation()) } catch { result = .failure(error) }
                race.timer.withLock { $0 }?.cancel()
                race.waiting.withLock { $0.take() }?.resume(with: result)
            }
            let deadline = Task {
                try? await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
                guard !Task.isCancelled, let continuation = race.waiting.withLock({ $0.take() }) else { return }
                work.cancel()
                continuation.resume(throwing: AttemptTimedOut(seconds: seconds))
            }
            race.timer.withLock { $0 = deadline }
        }
    }
}

/// The operation and the timer of one ``AttemptDeadline/run(seconds:_:)``: whichever ends first resumes the caller.
private final class Race<Value: Sendable>: Sendable {
    let waiting = Mutex<CheckedContinuation<Value, any Error>?>(nil)
    let timer = Mutex<Task<Void, Never>?>(nil)
}
