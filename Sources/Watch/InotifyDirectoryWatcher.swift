#if os(Linux)
    import Dispatch
    import Glibc
    import Synchronization

    /// Watches a directory with inotify through a Dispatch read source (Linux).
    ///
    /// The watch asks for `IN_CLOSE_WRITE | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF` on the
    /// directory (with `IN_ONLYDIR | IN_EXCL_UNLINK`), so names arrive when files are complete.
    /// `IN_Q_OVERFLOW` becomes a rescan, and the directory's deletion, move or unmount becomes
    /// `rootGone`, after which the sequence ends. A timer adds a rescan every `rescanInterval`.
    /// When idle, nothing runs: the read source waits in the kernel and the timer fires once per
    /// interval.
    public final class InotifyDirectoryWatcher: DirectoryWatcher {
        private enum Lifecycle {
            case idle
            case running
            case stopped
        }

        /// The watched directory's path.
        public let path: String
        /// How often a rescan is requested regardless of events; `nil` for never.
        public let rescanInterval: Duration?

        private let coalescer: BatchCoalescer
        private let queue: DispatchQueue
        private let lifecycle = Mutex(Lifecycle.idle)

        // Dispatch sources are thread-safe objects, but corelibs Dispatch does not mark them
        // `Sendable`. Both are assigned once in `start()` and cancelled in `stop()`, each time
        // while holding `lifecycle`'s lock, so no two threads touch these properties at once.
        nonisolated(unsafe) private var readSource: (any DispatchSourceRead)?
        nonisolated(unsafe) private var rescanTimer: (any DispatchSourceTimer)?

        /// The size of each `read`; well above the minimum of 16 + NAME_MAX + 1 bytes.
        static let readBufferSize = 64 * 1024

        /// Creates a watcher for the directory at `path`; nothing happens until ``start()``.
        /// - Parameters:
        ///   - rescanInterval: how often to ask for a rescan anyway; `nil` for never.
        ///   - maxPendingNames: how many distinct names to hold before trading them for a rescan.
        public init(path: String, rescanInterval: Duration? = .seconds(60), maxPendingNames: Int = 100_000) {
            self.path = path
            self.rescanInterval = rescanInterval
            self.coalescer = BatchCoalescer(maxPendingNames: maxPendingNames)
            self.queue = DispatchQueue(label: "trialpipe.watch.inotify", qos: .utility)
        }

        deinit { stop() }

        public var batches: WatchBatches { coalescer.batches }

        /// Adds the inotify watch and starts reading events.
        /// - Throws: ``WatchError`` when the directory is missing, not a directory, or cannot be
        ///   watched, or when the watcher was already started.
        public func start() throws {
            try lifecycle.withLock { (state: inout Lifecycle) throws(WatchError) in
                guard case .idle = state else {
                    throw .alreadyStarted(path: path)
                }
                let fd = inotify_init1(Int32(IN_NONBLOCK) | Int32(IN_CLOEXEC))
                guard fd >= 0 else { throw .systemCall("inotify_init1", path: path, errno: errno) }
                guard inotify_add_watch(fd, path, InotifyEventMask.inboxWatch.rawValue) >= 0 else {
                    let number = errno
                    close(fd)
                    throw .systemCall("inotify_add_watch", path: path, errno: number)
                }
                let coalescer = coalescer
                let timer = rescanInterval.map { RescanTimer.start(every: $0, on: queue, coalescer: coalescer) }
                let source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
                // Captures the descriptor, the coalescer and the sources, never `self`. The source
                // holds this handler until it is cancelled, which ends that cycle.
                source.setEventHandler {
                    let rootGone = Self.drain(fd: fd, into: coalescer)
                    if rootGone {
                        timer?.cancel()
                        source.cancel()
                        coalescer.finish()
                    }
                }
                source.setCancelHandler { close(fd) }
                source.activate()
                readSource = source
                rescanTimer = timer
                state = .running
            }
        }

        /// Cancels the sources (the descriptor is closed once the read source is cancelled) and
        /// ends the sequence after what is pending.
        public func stop() {
            lifecycle.withLock { state in
                state = .stopped
                rescanTimer?.cancel()
                readSource?.cancel()
            }
            coalescer.finish()
        }

        /// Holds events in the kernel's queue until ``resumeReading()``; for overflow tests.
        func pauseReading() { lifecycle.withLock { _ in readSource?.suspend() } }

        /// Undoes one ``pauseReading()``.
        func resumeReading() { lifecycle.withLock { _ in readSource?.resume() } }

        /// Reads `fd` until it would block, merging each buffer's events into `coalescer`.
        /// - Returns: whether the watched directory is gone.
        static func drain(fd: Int32, into coalescer: BatchCoalescer) -> Bool {
            var rootGone = false
            withUnsafeTemporaryAllocation(byteCount: readBufferSize, alignment: 8) { buffer in
                while true {
                    let count = read(fd, buffer.baseAddress, buffer.count)
                    if count > 0 {
                        let bytes = UnsafeRawBufferPointer(rebasing: buffer[..<count])
                        var batch: WatchBatch
                        do {
                            batch = InotifyEventParser.batch(for: try InotifyEventParser.parse(bytes))
                        } catch {
                            // The kernel hands out whole events; if that ever fails, list instead.
                            batch = WatchBatch(rescan: true)
                        }
                        rootGone = rootGone || batch.rootGone
                        coalescer.merge(batch)
                        continue
                    }
                    if count < 0, errno == EINTR { continue }
                    if count < 0, errno == EAGAIN || errno == EWOULDBLOCK { return }
                    // End of file or an unexpected error: the events are lost, so ask for a listing.
                    coalescer.requestRescan()
                    return
                }
            }
            return rootGone
        }
    }
#endif
