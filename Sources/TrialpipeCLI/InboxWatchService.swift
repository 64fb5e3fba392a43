public import Logging
public import Pipeline
public import PipelineRuntime
import Synchronization

/// Keeps one pipeline running: its runner's one loop over the inbox source (the backlog, then every document
/// that arrives, waiting out a vanished inbox), until asked to stop.
public final class InboxWatchService: Sendable {
    /// The pipeline's runner.
    public let runner: PipelineRunner
    let logger: Logger
    private let started = Atomic<Bool>(false)

    /// A service for a pipeline; `events` hears what it does (the runner's events and the inbox's).
    public init(spec: PipelineSpec, logger: Logger, events: any PipelineEvents = NoPipelineEvents()) throws {
        self.runner = try PipelineRunner(spec: spec, logger: logger, events: events)
        self.logger = logger
    }

    /// The pipeline.
    public var spec: PipelineSpec { runner.spec }

    /// Stops taking new documents; the documents in flight finish, then ``run()`` returns.
    public func stop() { runner.requestStop() }

    /// Prepares the stages, opens the sinks and recovers an unfinished batch; ``run()`` does it when not done yet.
    public func start() async throws {
        guard !started.exchange(true, ordering: .relaxed) else { return }
        try await runner.start()
    }

    /// Runs until ``stop()``.
    public func run() async throws {
        try await start()
        let summary = await runner.run(runner.inboxSource())
        logger.info("\(summary.line)", metadata: ["pipeline": "\(spec.name)"])
        await runner.stop()
        logger.info("stopped", metadata: ["pipeline": "\(spec.name)"])
    }
}
