import Synchronization

/// The inbox names waiting for a runner: the inbox source adds names as it finds them, the runner's one
/// loop takes everything waiting at once.
///
/// One consumer at a time. A name added while it is already waiting is kept once. ``finish()`` ends the
/// feed: the consumer gets what is waiting, then `nil`.
public final class DocumentFeed: Sendable {
    private struct State {
        var waiting: [String] = []
        var queued: Set<String> = []
        var finished = false
        var consumer: CheckedContinuation<[String]?, Never>?
    }
    private let state = Mutex(State())

    /// An empty, open feed.
    public init() {}

    /// A feed holding `names` and already finished: the runner processes them and stops.
    public convenience init(finishedWith names: [String]) {
        self.init()
        add(names)
        finish()
    }

    /// Adds names (duplicates of waiting names are dropped); ignored once finished.
    public func add(_ names: some Sequence<String>) {
        let wake = state.withLock { state -> (CheckedContinuation<[String]?, Never>, [String])? in
            guard !state.finished else { return nil }
            for name in names where state.queued.insert(name).inserted { state.waiting.append(name) }
            guard !state.waiting.isEmpty, let consumer = state.consumer else { return nil }
            state.consumer = nil
            return (consumer, take(&state))
        }
        if let (consumer, names) = wake { consumer.resume(returning: names) }
    }

    /// Ends the feed; a waiting consumer gets `nil` once nothing is waiting.
    public func finish() {
        let wake = state.withLock { state -> CheckedContinuation<[String]?, Never>? in
            state.finished = true
            defer { state.consumer = nil }
            return state.consumer
        }
        wake?.resume(returning: nil)
    }

    /// Whether ``finish()`` was called.
    public var isFinished: Bool { state.withLock { $0.finished } }

    /// How many names are waiting.
    public var count: Int { state.withLock { $0.waiting.count } }

    /// Every waiting name without waiting: empty when there are none.
    public func takeWaiting() -> [String] { state.withLock { take(&$0) } }

    /// Every waiting name; waits while there are none; `nil` once finished and empty.
    public func next() async -> [String]? {
        await withCheckedContinuation { (continuation: CheckedContinuation<[String]?, Never>) in
            let ready = state.withLock { state -> [String]?? in
                if !state.waiting.isEmpty { return .some(take(&state)) }
                if state.finished { return .some(nil) }
                precondition(state.consumer == nil, "DocumentFeed has one consumer at a time")
                state.consumer = continuation
                return .none
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }

    private func take(_ state: inout State) -> [String] {
        let names = state.waiting
        state.waiting.removeAll(keepingCapacity: true)
        state.queued.removeAll(keepingCapacity: true)
        return names
    }
}
