import Foundation
public import Logging
public import Pipeline
public import PipelineRuntime
import Synchronization
import Watch

/// Keeps one pipeline running: the backlog, then every document the watcher reports, until asked to stop;
/// waits out a vanished inbox instead of spinning.
///
/// Three tasks in one group: the watch loop finds names, the settler holds names found only by listing
/// until two looks at them `settle` apart agree (size, inode, modification time), and the runner's loop
/// processes and commits what they hand it.
public final class InboxWatchService: Sendable {
    /// The pipeline's runner.
    public let runner: PipelineRunner
    let logger: Logger
    let events: any PipelineEvents
    private let watcher = Mutex<(any DirectoryWatcher)?>(nil)
    private let stopped = Atomic<Bool>(false)
    private let started = Atomic<Bool>(false)
    /// Names found by listing, waiting to settle.
    private let unsettled = DocumentFeed()

    /// A service for a pipeline; `events` hears what it does (the runner's events and the inbox's).
    public init(spec: PipelineSpec, logger: Logger, events: any PipelineEvents = NoPipelineEvents()) throws {
        self.runner = try PipelineRunner(spec: spec, logger: logger, events: events)
        self.logger = logger
        self.events = events
    }

    /// The pipeline.
    public var spec: PipelineSpec { runner.spec }

    /// Stops taking new documents; the documents in flight finish, then ``run()`` returns.
    public func stop() {
        stopped.store(true, ordering: .relaxed)
        runner.requestStop()
        unsettled.finish()
        watcher.withLock { $0?.stop() }
    }

    /// Prepares the stages, opens the sinks and recovers an unfinished batch; ``run()`` does it when not done yet.
    public func start() async throws {
        guard !started.exchange(true, ordering: .relaxed) else { return }
        try await runner.start()
    }

    /// Runs until ``stop()``.
    public func run() async throws {
        try await start()
        let feed = DocumentFeed()
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                let summary = await self.runner.run(feed: feed)
                self.logger.info("\(summary.line)", metadata: ["pipeline": "\(self.spec.name)"])
            }
            group.addTask { await self.settle(into: feed) }
            await watch(into: feed)
            feed.finish()
            unsettled.finish()
        }
        await runner.stop()
        logger.info("stopped", metadata: ["pipeline": "\(spec.name)"])
    }

    /// Watches the inbox until stopped: reported names go to `feed` at once, listed names to the settler.
    private func watch(into feed: DocumentFeed) async {
        let source = spec.source
        let metadata: Logger.Metadata = ["pipeline": "\(spec.name)"]
        while !stopped.load(ordering: .relaxed) {
            if (try? FileManager.default.attributesOfItem(atPath: source.inbox)) == nil {
                logger.warning("inbox \(source.inbox) is missing; waiting for it to come back", metadata: metadata)
                events.inboxAvailabilityChanged(pipeline: spec.name, available: false, path: source.inbox)
                do {
                    try await InboxWaiter().waitUntil(
                        {
                            self.stopped.load(ordering: .relaxed)
                                || FileManager.default.fileExists(atPath: source.inbox)
                        },
                        sleep: { try await Task.sleep(for: $0) })
                } catch { break }
                continue
            }
            let current: any DirectoryWatcher =
                source.watch == .poll
                ? PollingDirectoryWatcher(path: source.inbox, interval: .milliseconds(Int(source.pollInterval * 1000)))
                : NativeDirectoryWatcher(
                    path: source.inbox, rescanInterval: .milliseconds(Int(source.rescanInterval * 1000)))
            do {
                try current.start()
            } catch {
                logger.error("cannot watch \(source.inbox): \(error); retrying in 1 s", metadata: metadata)
                try? await Task.sleep(for: .seconds(1))
                continue
            }
            watcher.withLock { $0 = current }
            if stopped.load(ordering: .relaxed) { current.stop() }
            logger.info("watching \(source.inbox)", metadata: metadata)
            events.inboxAvailabilityChanged(pipeline: spec.name, available: true, path: source.inbox)
            events.sourceStarted(pipeline: spec.name)
            // Watch first, then list: nothing slips between.
            unsettled.add((try? listing()) ?? [])
            for await batch in current.batches {
                if stopped.load(ordering: .relaxed) { break }
                let names = batch.names.filter { InboxListing.isCandidate($0, include: source.include) }
                feed.add(names.sorted())
                if batch.rescan {
                    events.inboxRescanned(pipeline: spec.name, overflow: batch.overflow)
                    unsettled.add(((try? listing()) ?? []).filter { !names.contains($0) })
                }
                if batch.rootGone {
                    logger.warning("inbox \(source.inbox) disappeared", metadata: metadata)
                    events.inboxAvailabilityChanged(pipeline: spec.name, available: false, path: source.inbox)
                    break
                }
            }
            current.stop()
            watcher.withLock { $0 = nil }
        }
    }

    private func listing() throws -> [String] {
        try InboxListing.candidates(in: spec.source.inbox, include: spec.source.include)
    }

    /// Hands names found by listing to `feed` once each has stayed unchanged for the settle interval (two
    /// looks agree on size, inode and modification time; the file's clock is never compared with ours).
    private func settle(into feed: DocumentFeed) async {
        let inbox = spec.source.inbox
        let clock = ContinuousClock()
        var tracker = FileSettleTracker(settleInterval: .milliseconds(Int(spec.source.settle * 1000)))
        var due: [String: ContinuousClock.Instant] = [:]
        while true {
            var incoming: [String]
            if due.isEmpty {
                guard let names = await unsettled.next() else { return }
                incoming = names
            } else {
                let next = due.values.min() ?? clock.now
                if next > clock.now { try? await clock.sleep(until: next) }
                if unsettled.isFinished || stopped.load(ordering: .relaxed) { return }
                incoming = unsettled.takeWaiting()
            }
            let now = clock.now
            for name in incoming where due[name] == nil { due[name] = now }
            var ready: [String] = []
            for (name, at) in due where at <= now {
                guard let snapshot = FileSnapshot.lstat(path: inbox + "/" + name) else {
                    due[name] = nil
                    tracker.forget(name)
                    continue
                }
                switch tracker.decide(name: name, origin: .discovered, snapshot: snapshot, now: now) {
                case .ready:
                    due[name] = nil
                    ready.append(name)
                case .recheck(let after):
                    due[name] = now + after
                }
            }
            if !ready.isEmpty { feed.add(ready.sorted()) }
        }
    }
}
