/// Waits, without spinning, for a vanished inbox folder to come back.
///
/// It checks every `initialInterval` at first and doubles the pause after each miss up to
/// `maxInterval` (by default 1 s, 2 s, 4 s, then every 5 s). When it returns, make a new watcher,
/// start it, then rescan the folder.
public struct InboxWaiter: Sendable {
    /// The first pause between checks.
    public let initialInterval: Duration
    /// The longest pause between checks.
    public let maxInterval: Duration

    /// Creates a waiter; `maxInterval` is raised to `initialInterval` if smaller.
    public init(initialInterval: Duration = .seconds(1), maxInterval: Duration = .seconds(5)) {
        self.initialInterval = max(initialInterval, .milliseconds(1))
        self.maxInterval = max(maxInterval, self.initialInterval)
    }

    /// The pauses taken after each of the first `count` misses.
    public func pauses(count: Int) -> [Duration] {
        var pauses: [Duration] = []
        var pause = initialInterval
        for _ in 0..<max(0, count) {
            pauses.append(pause)
            pause = min(pause * 2, maxInterval)
        }
        return pauses
    }

    /// Returns once `path` is a directory (at once if it already is).
    /// - Parameter onMissing: called after each miss with the pause that follows, for logging.
    /// - Returns: how many checks found it missing.
    /// - Throws: `CancellationError` when the task is cancelled.
    @discardableResult
    public func waitForDirectory(
        at path: String, onMissing: (Duration) -> Void = { _ in }
    ) async throws -> Int {
        try await waitUntil(
            { DirectoryListing.directoryIdentity(at: path) != nil },
            sleep: { try await Task.sleep(for: $0) },
            onMissing: onMissing)
    }

    /// Returns once `isPresent()` is true, sleeping with `sleep` between checks; the testable core.
    /// - Returns: how many checks found it missing.
    /// - Throws: `CancellationError` when the task is cancelled, or what `sleep` throws.
    @discardableResult
    public func waitUntil(
        _ isPresent: () -> Bool,
        sleep: (Duration) async throws -> Void,
        onMissing: (Duration) -> Void = { _ in }
    ) async throws -> Int {
        var misses = 0
        var pause = initialInterval
        while true {
            try Task.checkCancellation()
            if isPresent() { return misses }
            misses += 1
            onMissing(pause)
            try await sleep(pause)
            pause = min(pause * 2, maxInterval)
        }
    }
}
