import Foundation
public import Logging
public import Pipeline
import Synchronization
import Watch

/// Keeps one pipeline running: processes the inbox backlog, then every document the watcher reports,
/// until asked to stop; waits out a vanished inbox instead of spinning.
public final class InboxWatchService: Sendable {
    /// The pipeline's runner.
    public let runner: PipelineRunner
    let logger: Logger
    private let watcher = Mutex<(any DirectoryWatcher)?>(nil)
    private let stopped = Atomic<Bool>(false)
    /// Called after every processed batch of names (for tests and progress).
    let onPass: (@Sendable (RunSummary) -> Void)?
    /// Told what the source sees: its start, rescans, the inbox vanishing and returning.
    let events: any PipelineEvents

    /// A service for a pipeline.
    public init(
        spec: PipelineSpec, logger: Logger, onPass: (@Sendable (RunSummary) -> Void)? = nil,
        onCommit: (@Sendable ([String]) -> Void)? = nil, events: any PipelineEvents = NoPipelineEvents()
    ) throws {
        self.runner = try PipelineRunner(
            spec: spec, logger: logger, remembersDoneFiles: true, onCommit: onCommit, events: events)
        self.events = events
        self.logger = logger
        self.onPass = onPass
    }

    /// The pipeline.
    public var spec: PipelineSpec { runner.spec }

    /// Stops taking new documents; the documents in flight finish, then ``run()`` returns.
    public func stop() {
        stopped.store(true, ordering: .relaxed)
        runner.requestStop()
        watcher.withLock { $0?.stop() }
    }

    /// Runs until ``stop()``.
    public func run() async throws {
        try await runner.start()
        let source = spec.source
        let metadata: Logger.Metadata = ["pipeline": "\(spec.name)"]
        let settle = Duration.milliseconds(Int(source.settle * 1000))
        defer { logger.info("stopped", metadata: metadata) }
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
            await pass(names: try listing(), settle: settle)
            for await batch in current.batches {
                if stopped.load(ordering: .relaxed) { break }
                let names = Set(batch.names.filter { InboxListing.isCandidate($0, include: source.include) })
                var discovered: [String] = []
                if batch.rescan { discovered = (try? listing()) ?? [] }
                if batch.rescan { events.inboxRescanned(pipeline: spec.name, overflow: batch.overflow) }
                discovered.removeAll { names.contains($0) }
                await pass(names: Array(names).sorted(), settle: .zero)
                if !discovered.isEmpty { await pass(names: discovered, settle: settle) }
                if batch.rootGone {
                    logger.warning("inbox \(source.inbox) disappeared", metadata: metadata)
                    events.inboxAvailabilityChanged(pipeline: spec.name, available: false, path: source.inbox)
                    break
                }
            }
            current.stop()
            watcher.withLock { $0 = nil }
        }
        await runner.stop()
    }

    private func listing() throws -> [String] {
        try InboxListing.candidates(in: spec.source.inbox, include: spec.source.include)
    }

    /// Processes names; those found by listing must have stayed unchanged for `settle` first.
    private func pass(names: [String], settle: Duration) async {
        guard !names.isEmpty else { return }
        var ready = names
        if settle > .zero {
            var waiting: [String] = []
            ready = []
            let now = Date()
            for name in names {
                let attributes = try? FileManager.default.attributesOfItem(atPath: spec.source.inbox + "/" + name)
                let modified = attributes?[.modificationDate] as? Date ?? .distantPast
                if now.timeIntervalSince(modified) >= Double(settle.components.seconds) + Double(
                    settle.components.attoseconds) / 1e18
                {
                    ready.append(name)
                } else {
                    waiting.append(name)
                }
            }
            if !waiting.isEmpty {
                // Look again once they have had time to settle.
                Task {
                    try? await Task.sleep(for: settle)
                    if !self.stopped.load(ordering: .relaxed) { await self.pass(names: waiting, settle: settle) }
                }
            }
        }
        guard !ready.isEmpty else { return }
        events.documentsDiscovered(pipeline: spec.name, count: ready.count)
        let summary = await runner.process(names: ready)
        if summary.processed + summary.failed + summary.deferred > 0 {
            logger.info("\(summary.line)", metadata: ["pipeline": "\(spec.name)"])
        }
        onPass?(summary)
    }
}
