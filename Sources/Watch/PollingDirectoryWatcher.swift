import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Watches a directory by listing it every `interval`, for filesystems without change events.
///
/// Each tick lists the directory and compares every entry's (inode, size, modification time) with
/// the previous listing. When anything was added or changed it emits a batch with `rescan` set and
/// no names: polling cannot tell a complete file from one still being written, so the consumer's
/// settle check decides. A directory that disappears, or is replaced by another one, ends the
/// sequence with `rootGone`.
public final class PollingDirectoryWatcher: DirectoryWatcher {
    /// What one tick remembers of the previous listing.
    private struct Memory {
        var identity: DirectoryIdentity
        var entries: [String: FileSnapshot]
    }

    private enum Lifecycle {
        case idle
        case running
        case stopped
    }

    /// The watched directory's path.
    public let path: String
    /// The time between listings.
    public let interval: Duration

    private let coalescer = BatchCoalescer()
    private let queue = DispatchQueue(label: "trialpipe.watch.polling", qos: .utility)
    private let lifecycle = Mutex(Lifecycle.idle)

    // A Dispatch timer is thread-safe, but corelibs Dispatch does not mark it `Sendable`. It is
    // assigned in `start()` and cancelled in `stop()`, both while holding `lifecycle`'s lock.
    nonisolated(unsafe) private var timer: (any DispatchSourceTimer)?

    /// Creates a watcher that lists `path` every `interval` (at least 10 ms) once started.
    public init(path: String, interval: Duration = .seconds(2)) {
        self.path = path
        self.interval = max(interval, .milliseconds(10))
    }

    deinit { stop() }

    public var batches: WatchBatches { coalescer.batches }

    /// Takes the first listing (what later ticks compare with) and starts the timer.
    /// - Throws: ``WatchError`` when the directory is missing or not a directory, or when the
    ///   watcher was already started.
    public func start() throws {
        try lifecycle.withLock { (state: inout Lifecycle) throws(WatchError) in
            guard case .idle = state else {
                throw .alreadyStarted(path: path)
            }
            let identity = try DirectoryListing.requireDirectory(at: path)
            guard let listing = DirectoryListing.entries(at: path) else {
                throw .systemCall("opendir", path: path, errno: errno)
            }
            let memory = PollingMemory(Memory(identity: identity, entries: Self.snapshots(listing)))
            let timer = DispatchSource.makeTimerSource(queue: queue)
            let (path, coalescer) = (path, coalescer)
            timer.schedule(
                deadline: .now() + interval.dispatchInterval, repeating: interval.dispatchInterval,
                leeway: (interval / 10).dispatchInterval)
            // Captures the path, the memory, the coalescer and the timer, never `self`; the timer
            // holds this handler until it is cancelled.
            timer.setEventHandler {
                guard let batch = memory.tick(path: path) else { return }
                coalescer.merge(batch)
                if batch.rootGone {
                    timer.cancel()
                    coalescer.finish()
                }
            }
            timer.activate()
            self.timer = timer
            state = .running
        }
    }

    /// Cancels the timer and ends the sequence after what is pending.
    public func stop() {
        lifecycle.withLock { state in
            state = .stopped
            timer?.cancel()
        }
        coalescer.finish()
    }

    private static func snapshots(_ listing: [DirectoryListing.Entry]) -> [String: FileSnapshot] {
        Dictionary(listing.map { ($0.name, $0.snapshot) }, uniquingKeysWith: { first, _ in first })
    }

    /// The previous listing, shared between timer ticks.
    private final class PollingMemory: Sendable {
        private let memory: Mutex<Memory>

        init(_ memory: Memory) { self.memory = Mutex(memory) }

        /// Lists `path` and compares with the previous listing: `rootGone`, a rescan, or nothing.
        func tick(path: String) -> WatchBatch? {
            let identity = DirectoryListing.directoryIdentity(at: path)
            let listing = identity == nil ? nil : DirectoryListing.entries(at: path)
            return memory.withLock { memory in
                guard let identity, let listing, identity == memory.identity else {
                    return WatchBatch(rootGone: true)
                }
                let current = PollingDirectoryWatcher.snapshots(listing)
                defer { memory.entries = current }
                let changed = current.contains { name, snapshot in memory.entries[name] != snapshot }
                return changed ? WatchBatch(rescan: true) : nil
            }
        }
    }
}
