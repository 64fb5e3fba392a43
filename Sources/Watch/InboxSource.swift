import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The inbox as one asynchronous sequence of entries ready to read: the only place that chooses a watcher,
/// waits for a missing inbox, lists it, classifies entries and decides when a file is complete.
///
/// Each element is the entries that became ready together, classified once (``InboxEntry``). A name the
/// kernel reported as written and closed, or moved in, is ready at once; a name found by listing (the first
/// listing, a rescan, a poll) is ready once two looks `settleInterval` apart agree on its size, inode and
/// modification time (``FileSettleTracker``), so a file still growing is never handed out, and no file's
/// clock is compared with ours. A rescan hands out every listed entry again; the consumer skips the ones it
/// already knows by their snapshot, without reading them.
///
/// With ``Mode-swift.enum/once`` the sequence is one listing, then the end (`run --once`). Watching, it ends
/// after ``stop()``. One consumer: its iterator is used by one task at a time.
public final class InboxSource: AsyncSequence, Sendable {
    public typealias Element = [InboxEntry]
    public typealias Failure = Never

    /// How the inbox is read.
    public enum Mode: Sendable, Hashable {
        /// One listing, handed out at once without settling; then the end.
        case once
        /// Only these names, classified, in this order; then the end.
        case names([String])
        /// Kernel events (inotify, or a vnode source on macOS), plus a listing every `rescanInterval`.
        case events(rescanInterval: Duration)
        /// A listing every `interval`, for filesystems without change events.
        case polling(interval: Duration)
    }

    /// What the source tells its owner about the inbox (for logs, metrics and readiness).
    public enum Notice: Sendable, Hashable {
        /// The inbox is about to be listed once (the pipeline is ready).
        case listing
        /// The one listing found this many candidate names; they are handed out a chunk at a time.
        case listed(Int)
        /// The inbox is watched: its listing follows at once (the pipeline is ready).
        case watching
        /// The inbox is missing; the source waits for it.
        case missing
        /// The watched inbox disappeared.
        case gone
        /// The inbox was listed again (`overflow`: the kernel's event queue overflowed).
        case rescanned(overflow: Bool)
        /// The inbox cannot be watched or listed now, for this reason; the source tries again in a second.
        case failed(String)
    }

    /// The inbox folder.
    public let path: String
    /// How it is read.
    public let mode: Mode
    /// Which names may be documents.
    public let filter: InboxNameFilter
    /// Regular files larger than this are refused unread.
    public let maxBytes: Int
    /// How long a listed file must stay unchanged.
    public let settleInterval: Duration
    let waiter: InboxWaiter
    let notify: @Sendable (Notice) -> Void
    private let control = Mutex<Control>(Control())

    private struct Control {
        var stopped = false
        var watcher: (any DirectoryWatcher)?
    }

    /// Creates a source; nothing is read until it is iterated.
    /// - Parameters:
    ///   - waiter: how a missing inbox is waited for.
    ///   - notify: hears what happens to the inbox; called on the consumer's task, must return quickly.
    public init(
        path: String, mode: Mode, filter: InboxNameFilter = InboxNameFilter(), maxBytes: Int = .max,
        settleInterval: Duration = .milliseconds(200), waiter: InboxWaiter = InboxWaiter(),
        notify: @escaping @Sendable (Notice) -> Void = { _ in }
    ) {
        self.path = path
        self.mode = mode
        self.filter = filter
        self.maxBytes = maxBytes
        self.settleInterval = Swift.max(settleInterval, .zero)
        self.waiter = waiter
        self.notify = notify
    }

    /// Ends the sequence: a waiting consumer gets `nil` (a missing inbox is looked at once more first).
    public func stop() {
        let watcher = control.withLock { control in
            control.stopped = true
            return control.watcher
        }
        watcher?.stop()
    }

    /// Whether ``stop()`` was called.
    public var isStopped: Bool { control.withLock { $0.stopped } }

    /// The candidate entries in the inbox now, classified and sorted by name.
    /// - Throws: ``WatchError`` when the inbox cannot be listed.
    public func list() throws(WatchError) -> [InboxEntry] {
        guard let listing = DirectoryListing.entries(at: path) else {
            throw .systemCall("opendir", path: path, errno: errno)
        }
        return listing.filter { filter.isCandidate($0.name) }
            .compactMap { classify($0) }
            .sorted { $0.name < $1.name }
    }

    /// Makes the iterator; iterate from one consumer only.
    public func makeAsyncIterator() -> Iterator { Iterator(source: self) }

    /// The inbox entry of this name now (one `lstat`), or nil when it is not there or not a candidate kind.
    fileprivate func classify(named name: String) -> InboxEntry? {
        InboxEntry.classify(folder: path, name: name, maxBytes: maxBytes)
    }

    fileprivate func classify(_ listed: DirectoryListing.Entry) -> InboxEntry? {
        InboxEntry.classify(
            name: listed.name, fileType: listed.fileType, snapshot: listed.snapshot, maxBytes: maxBytes)
    }

    /// Starts a watcher, waiting first for a missing inbox; `nil` once stopped.
    fileprivate func startWatcher() async -> (any DirectoryWatcher)? {
        while !isStopped {
            if DirectoryListing.directoryIdentity(at: path) == nil {
                notify(.missing)
                do {
                    try await waiter.waitUntil(
                        { isStopped || DirectoryListing.directoryIdentity(at: path) != nil },
                        sleep: { try await Task.sleep(for: $0) })
                } catch { return nil }
                continue
            }
            let watcher: any DirectoryWatcher
            switch mode {
            case .polling(let interval): watcher = PollingDirectoryWatcher(path: path, interval: interval)
            case .events(let rescanInterval):
                watcher = NativeDirectoryWatcher(path: path, rescanInterval: rescanInterval)
            case .once, .names: return nil
            }
            do {
                try watcher.start()
            } catch {
                notify(.failed("cannot watch \(path): \(error)"))
                try? await Task.sleep(for: .seconds(1))
                continue
            }
            let stopped = control.withLock { control in
                control.watcher = watcher
                return control.stopped
            }
            if stopped { watcher.stop() }
            return watcher
        }
        return nil
    }

    fileprivate func watcherEnded() { control.withLock { $0.watcher = nil } }

    /// Hands out the inbox's ready entries; used by one task at a time (a reference, so a consumer may pass it
    /// from one child task to the next, each awaited before the next starts).
    public final class Iterator: AsyncIteratorProtocol, @unchecked Sendable {
        /// The watcher now running, with the consumer's end of its coalescer.
        private struct Watching {
            var watcher: any DirectoryWatcher
            var coalescer: BatchCoalescer
            var bells: AsyncStream<Void>.Iterator
        }

        private let source: InboxSource
        private let clock = ContinuousClock()
        private var watching: Watching?
        private var finished = false
        private var tracker: FileSettleTracker
        /// Listed names waiting for their next look, and when it is due.
        private var due: [String: ContinuousClock.Instant] = [:]
        /// When the consumer has asked to be woken for the next look.
        private var alarm: ContinuousClock.Instant?
        /// The sorted candidate names of the one listing (`.once`), and the first not yet handed out.
        private var listed: [String]?
        private var listedNext = 0

        init(source: InboxSource) {
            self.source = source
            self.tracker = FileSettleTracker(settleInterval: source.settleInterval)
        }

        /// The next entries that are ready; `nil` after the one listing, or once stopped.
        public func next() async -> [InboxEntry]? {
            guard !finished else { return nil }
            switch source.mode {
            case .once:
                return nextListed()
            case .names(let names):
                finished = true
                return names.compactMap { source.classify(named: $0) }
            case .events, .polling:
                return await nextWatched()
            }
        }

        /// The next names of the one listing, classified ``listingChunk`` at a time (one `lstat` each, just
        /// before they are handed out): a consumer holds a chunk, not a large inbox's whole listing.
        private func nextListed() -> [InboxEntry]? {
            if listed == nil {
                source.notify(.listing)
                guard let names = DirectoryListing.names(at: source.path) else {
                    let error = WatchError.systemCall("opendir", path: source.path, errno: errno)
                    source.notify(.failed(error.message))
                    finished = true
                    return nil
                }
                let candidates = names.filter(source.filter.isCandidate).sorted()
                listed = candidates
                source.notify(.listed(candidates.count))
            }
            guard let names = listed else { return nil }
            while listedNext < names.count {
                let end = Swift.min(names.count, listedNext + Self.listingChunk)
                let entries = names[listedNext..<end].compactMap { source.classify(named: $0) }
                listedNext = end
                if !entries.isEmpty { return entries }
            }
            finished = true
            listed = nil
            return nil
        }

        /// How many listed names are classified and handed out together.
        static let listingChunk = 1024

        private func nextWatched() async -> [InboxEntry]? {
            while true {
                guard let current = watching else {
                    guard let listed = await watch() else { return finish() }
                    if !listed.isEmpty { return listed }
                    continue
                }
                var ready = lookAgain()
                switch current.coalescer.take() {
                case .batch(let batch):
                    ready += handle(batch)
                    if batch.rootGone {
                        source.notify(.gone)
                        endWatching()
                    }
                case .finished:
                    endWatching()
                    if source.isStopped { return ready.isEmpty ? finish() : ready }
                case .nothingYet:
                    guard ready.isEmpty else { return ready }
                    scheduleAlarm(for: current.coalescer)
                    var bells = current.bells
                    _ = await bells.next()
                    watching?.bells = bells
                    continue
                }
                if !ready.isEmpty { return ready }
            }
        }

        /// Starts watching (after waiting for a missing inbox), then lists: nothing slips between. Returns the
        /// listed entries already ready (a settle interval of zero), or `nil` once stopped.
        private func watch() async -> [InboxEntry]? {
            guard let watcher = await source.startWatcher() else { return nil }
            let batches = watcher.batches
            watching = Watching(
                watcher: watcher, coalescer: batches.coalescer, bells: batches.doorbell.makeAsyncIterator())
            source.notify(.watching)
            return listForSettling(excluding: [])
        }

        /// The entries of one batch that are ready now; a rescan's listed names start settling.
        private func handle(_ batch: WatchBatch) -> [InboxEntry] {
            let reported = batch.names.filter(source.filter.isCandidate).sorted()
            var ready: [InboxEntry] = []
            for name in reported {
                due[name] = nil
                tracker.forget(name)
                if let entry = source.classify(named: name) { ready.append(entry) }
            }
            if batch.rescan, !batch.rootGone {
                source.notify(.rescanned(overflow: batch.overflow))
                ready += listForSettling(excluding: Set(reported))
            }
            return ready
        }

        /// Lists the inbox: each candidate not already waiting gets its first look. Returns those already
        /// ready (a settle interval of zero).
        private func listForSettling(excluding reported: Set<String>) -> [InboxEntry] {
            guard let listing = DirectoryListing.entries(at: source.path) else { return [] }
            let now = clock.now
            var ready: [InboxEntry] = []
            var listed: Set<String> = []
            for item in listing where source.filter.isCandidate(item.name) && !reported.contains(item.name) {
                listed.insert(item.name)
                guard due[item.name] == nil else { continue }
                switch tracker.decide(name: item.name, origin: .discovered, snapshot: item.snapshot, now: now) {
                case .ready:
                    if let entry = source.classify(item) { ready.append(entry) }
                case .recheck(let after):
                    due[item.name] = now + after
                }
            }
            tracker.retain(only: listed.union(due.keys))
            return ready.sorted { $0.name < $1.name }
        }

        /// Looks again at the listed names whose time has come: those unchanged since the last look are ready.
        private func lookAgain() -> [InboxEntry] {
            let now = clock.now
            var ready: [InboxEntry] = []
            for (name, at) in due where at <= now {
                guard let entry = source.classify(named: name) else {
                    due[name] = nil
                    tracker.forget(name)
                    continue
                }
                switch tracker.decide(name: name, origin: .discovered, snapshot: entry.snapshot, now: now) {
                case .ready:
                    due[name] = nil
                    ready.append(entry)
                case .recheck(let after):
                    due[name] = now + after
                }
            }
            return ready.sorted { $0.name < $1.name }
        }

        /// Asks for a wake-up when the earliest waiting name is due, unless one is already asked for by then.
        private func scheduleAlarm(for coalescer: BatchCoalescer) {
            guard let earliest = due.values.min() else { return }
            let now = clock.now
            if let alarm, alarm > now, alarm <= earliest { return }
            alarm = earliest
            let delay = Swift.max(now.duration(to: earliest), .zero)
            DispatchQueue.global(qos: .utility).asyncAfter(deadline: .now() + delay.dispatchInterval) {
                coalescer.ring()
            }
        }

        private func endWatching() {
            watching?.watcher.stop()
            watching = nil
            source.watcherEnded()
            due.removeAll()
            alarm = nil
            tracker = FileSettleTracker(settleInterval: source.settleInterval)
        }

        private func finish() -> [InboxEntry]? {
            if watching != nil { endWatching() }
            finished = true
            return nil
        }
    }
}
