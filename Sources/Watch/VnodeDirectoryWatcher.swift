#if canImport(Darwin)
    import Darwin
    import Dispatch
    import Synchronization

    /// Watches a directory with a kqueue vnode source through Dispatch (macOS).
    ///
    /// The kernel says only that the directory changed, not which entry, so every change is a
    /// rescan batch; the directory's deletion, rename or revocation is `rootGone`. A timer adds a
    /// rescan every `rescanInterval`.
    public final class VnodeDirectoryWatcher: DirectoryWatcher {
        private enum Lifecycle {
            case idle
            case running
            case stopped
        }

        /// The watched directory's path.
        public let path: String
        /// How often a rescan is requested regardless of events; `nil` for never.
        public let rescanInterval: Duration?

        private let coalescer = BatchCoalescer()
        private let queue = DispatchQueue(label: "trialpipe.watch.vnode", qos: .utility)
        private let lifecycle = Mutex(Lifecycle.idle)

        // Dispatch sources are thread-safe; they are assigned in `start()` and cancelled in
        // `stop()`, both while holding `lifecycle`'s lock.
        nonisolated(unsafe) private var source: (any DispatchSourceFileSystemObject)?
        nonisolated(unsafe) private var rescanTimer: (any DispatchSourceTimer)?

        /// Creates a watcher for the directory at `path`; nothing happens until ``start()``.
        public init(path: String, rescanInterval: Duration? = .seconds(60)) {
            self.path = path
            self.rescanInterval = rescanInterval
        }

        deinit { stop() }

        public var batches: WatchBatches { coalescer.batches }

        /// Opens the directory for events only and starts the vnode source.
        public func start() throws {
            try lifecycle.withLock { (state: inout Lifecycle) throws(WatchError) in
                guard case .idle = state else {
                    throw .alreadyStarted(path: path)
                }
                let fd = open(path, O_EVTONLY | O_DIRECTORY | O_CLOEXEC)
                guard fd >= 0 else { throw .systemCall("open", path: path, errno: errno) }
                let coalescer = coalescer
                let timer = rescanInterval.map { RescanTimer.start(every: $0, on: queue, coalescer: coalescer) }
                let source = DispatchSource.makeFileSystemObjectSource(
                    fileDescriptor: fd, eventMask: [.write, .delete, .rename, .revoke], queue: queue)
                source.setEventHandler {
                    if !source.data.isDisjoint(with: [.delete, .rename, .revoke]) {
                        coalescer.reportRootGone()
                        timer?.cancel()
                        source.cancel()
                        coalescer.finish()
                    } else {
                        coalescer.requestRescan()
                    }
                }
                source.setCancelHandler { close(fd) }
                source.activate()
                self.source = source
                rescanTimer = timer
                state = .running
            }
        }

        /// Cancels the sources and ends the sequence after what is pending.
        public func stop() {
            lifecycle.withLock { state in
                state = .stopped
                rescanTimer?.cancel()
                source?.cancel()
            }
            coalescer.finish()
        }
    }
#endif
