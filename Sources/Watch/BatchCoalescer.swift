import Synchronization

/// Merges watcher events into one pending ``WatchBatch`` and wakes a single consumer.
///
/// Producers (Dispatch handlers) never queue events: under a lock they fold them into the pending
/// batch and ring a doorbell that holds at most one ring. The consumer takes the whole batch when it
/// wakes. While the consumer is busy, memory is bounded by the number of distinct pending names, and
/// by `maxPendingNames` at most: past it the names are dropped and `rescan` is set instead, so
/// nothing is lost silently.
public final class BatchCoalescer: Sendable {
    private struct State {
        var pending = WatchBatch()
        var finished = false
    }

    /// What the consumer finds when it looks.
    enum Take {
        case batch(WatchBatch)
        case nothingYet
        case finished
    }

    /// The most names held before they are traded for a rescan.
    public let maxPendingNames: Int

    private let state = Mutex(State())
    private let doorbell: AsyncStream<Void>
    private let bell: AsyncStream<Void>.Continuation

    /// Creates an empty coalescer.
    /// - Parameter maxPendingNames: the most distinct names kept while the consumer is away.
    public init(maxPendingNames: Int = 100_000) {
        self.maxPendingNames = max(1, maxPendingNames)
        (doorbell, bell) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// The batches, for one consumer; the sequence ends after ``finish()``.
    public var batches: WatchBatches { WatchBatches(coalescer: self, doorbell: doorbell) }

    /// Adds one entry name.
    public func add(name: String) { merge(WatchBatch(names: [name])) }

    /// Asks the consumer to list the directory.
    public func requestRescan() { merge(WatchBatch(rescan: true)) }

    /// Reports that the watched directory is gone.
    public func reportRootGone() { merge(WatchBatch(rootGone: true)) }

    /// Folds `batch` into the pending batch and wakes the consumer; ignored once finished.
    public func merge(_ batch: WatchBatch) {
        guard !batch.isEmpty else { return }
        let accepted = state.withLock { state -> Bool in
            guard !state.finished else { return false }
            state.pending.merge(batch)
            if state.pending.names.count > maxPendingNames {
                state.pending.names = []
                state.pending.rescan = true
            }
            return true
        }
        if accepted { bell.yield(()) }
    }

    /// Wakes the consumer without a batch, so it can look at something else it waits for (a file's settle
    /// time); ignored once finished.
    func ring() { bell.yield(()) }

    /// Ends the sequence: the consumer gets what is pending, then the end.
    public func finish() {
        state.withLock { $0.finished = true }
        bell.finish()
    }

    /// Whether ``finish()`` was called.
    public var isFinished: Bool { state.withLock { $0.finished } }

    /// Takes the pending batch, or says there is none yet, or that the sequence is over.
    func take() -> Take {
        state.withLock { state in
            if !state.pending.isEmpty {
                let batch = state.pending
                state.pending = WatchBatch()
                return .batch(batch)
            }
            return state.finished ? .finished : .nothingYet
        }
    }
}
