/// The asynchronous sequence of coalesced batches from a ``BatchCoalescer``; single consumer.
///
/// Each `next()` returns everything that accumulated since the previous one, waiting only when
/// nothing is pending. The sequence ends after the coalescer is finished and drained, or when the
/// consuming task is cancelled.
public struct WatchBatches: AsyncSequence, Sendable {
    public typealias Element = WatchBatch
    public typealias Failure = Never

    let coalescer: BatchCoalescer
    let doorbell: AsyncStream<Void>

    /// Makes the iterator; iterate from one task only.
    public func makeAsyncIterator() -> Iterator {
        Iterator(coalescer: coalescer, bells: doorbell.makeAsyncIterator())
    }

    /// Takes whole pending batches, waiting on the doorbell in between.
    public struct Iterator: AsyncIteratorProtocol {
        let coalescer: BatchCoalescer
        var bells: AsyncStream<Void>.Iterator

        /// The next non-empty batch, or `nil` when the watcher has finished.
        public mutating func next() async -> WatchBatch? {
            await next(isolation: nil)
        }

        /// The next non-empty batch, or `nil` when the watcher has finished.
        public mutating func next(isolation actor: isolated (any Actor)?) async -> WatchBatch? {
            while true {
                switch coalescer.take() {
                case .batch(let batch): return batch
                case .finished: return nil
                case .nothingYet:
                    // A ring that arrives after `take` stays buffered, so no wake-up is lost; a ring
                    // for a batch already taken costs one more empty look. The doorbell ends after
                    // `finish`, or for good when the consuming task is cancelled.
                    if await bells.next(isolation: actor) == nil {
                        if case .batch(let batch) = coalescer.take() { return batch }
                        return nil
                    }
                }
            }
        }
    }
}
