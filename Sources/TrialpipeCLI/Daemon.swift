import BuiltinPlugins
import Foundation
import Logging
import Pipeline
import PipelineRuntime
import ServiceLifecycle
import Synchronization
import UnixSignals

/// The long-lived mode of `trialpipe run`: every pipeline watching its inbox until SIGTERM or SIGINT
/// (documents in flight finish, then exit 0); SIGHUP re-reads the pipeline files, restarting only the
/// pipelines whose files changed and keeping the old one running when a new file is broken.
///
/// A graceful shutdown takes at most ``shutdownTimeout``: a sink or stage that does not return by then is
/// abandoned with its documents, which stay in the inbox (the ledger holds their batch as unfinished, and
/// the next start rolls the sinks back and processes them again), and ``run()`` throws ``ShutdownTimedOut``.
struct Daemon: Service {
    /// How long a graceful shutdown may take unless told otherwise.
    static let defaultShutdownTimeout: Duration = .seconds(30)

    /// The pipelines as `run` loaded them.
    var specs: [PipelineSpec]
    var explicitFiles: [String]
    var logger: Logger
    /// Told what every pipeline does (metrics, health).
    var events: any PipelineEvents = NoPipelineEvents()
    /// How long the documents in flight may take to finish once a graceful shutdown begins.
    var shutdownTimeout: Duration = Daemon.defaultShutdownTimeout

    /// Runs the daemon in a service group that turns SIGTERM and SIGINT into a graceful shutdown.
    func runInServiceGroup() async throws {
        let group = ServiceGroup(
            configuration: .init(
                services: [.init(service: self)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }

    func run() async throws {
        let supervisor = PipelineSupervisor(explicitFiles: explicitFiles, logger: logger, events: events)
        try await supervisor.start(specs)
        logger.debug("every pipeline started")
        let signals = Task {
            for await _ in await UnixSignalsSequence(trapping: .sighup) {
                await supervisor.reload()
            }
        }
        defer { signals.cancel() }
        // Until SIGTERM or SIGINT (or the group is cancelled): then stop, within the bound.
        try? await gracefulShutdown()
        let unfinished = await supervisor.stopAll(within: shutdownTimeout)
        guard unfinished.isEmpty else {
            let error = ShutdownTimedOut(timeout: shutdownTimeout, pipelines: unfinished)
            logger.error("\(error.errorMessage)")
            throw error
        }
    }
}

/// Starts, stops and reloads the pipeline services of one daemon.
actor PipelineSupervisor {
    struct Running {
        var text: String
        var service: InboxWatchService
        var task: Task<Void, Never>
    }

    let explicitFiles: [String]
    let logger: Logger
    let events: any PipelineEvents
    private var running: [String: Running] = [:]
    private var stopping = false

    init(explicitFiles: [String], logger: Logger, events: any PipelineEvents) {
        self.explicitFiles = explicitFiles
        self.logger = logger
        self.events = events
    }

    private func files() throws -> [String] { try PipelineFiles.resolve(explicitFiles) }

    private static func text(of file: String) -> String {
        FileManager.default.contents(atPath: file).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// Starts the pipelines read at start-up; one that cannot start (a sink that cannot open, a database of
    /// another schema version) stops the others and is the error, so `run` exits 1 with the reason.
    func start(_ specs: [PipelineSpec]) async throws {
        for spec in specs {
            do { try await start(spec) } catch {
                await stopAll()
                throw PipelineStartFailure(pipeline: spec.name, file: spec.file, cause: error)
            }
        }
    }

    private func start(_ spec: PipelineSpec) async throws {
        let service = try InboxWatchService(spec: spec, logger: logger, events: events)
        do { try await service.start() } catch {
            await service.runner.stop()
            throw error
        }
        let logger = logger
        let task = Task {
            do { try await service.run() } catch {
                logger.error("pipeline '\(spec.name)' stopped: \(error)", metadata: ["pipeline": "\(spec.name)"])
            }
        }
        running[spec.file] = Running(text: Self.text(of: spec.file), service: service, task: task)
    }

    private func stop(_ file: String) async {
        guard let entry = running.removeValue(forKey: file) else { return }
        entry.service.stop()
        await entry.task.value
    }

    /// Re-reads the pipeline files: unchanged pipelines keep running, changed ones restart, removed ones
    /// stop, new ones start; a broken file is reported and its old pipeline (if any) keeps running.
    func reload() async {
        guard !stopping else { return }
        logger.notice("SIGHUP: re-reading pipeline files")
        let files: [String]
        do { files = try self.files() } catch {
            logger.error("reload: \(error); the running pipelines are kept")
            return
        }
        let loader = PipelineLoader(registry: BuiltinPlugins.registry())
        for file in running.keys where !files.contains(file) {
            logger.notice("reload: \(file) is gone; stopping its pipeline")
            await stop(file)
        }
        for file in files {
            let text = Self.text(of: file)
            if let current = running[file], current.text == text { continue }
            let spec: PipelineSpec
            do {
                let others = running.filter { $0.key != file }.map(\.key)
                spec = try loader.load(files: others + [file]).last!
            } catch {
                for problem in error.errors { logger.error("reload rejected: \(problem.description)") }
                if running[file] != nil { logger.notice("reload: keeping the running version of \(file)") }
                continue
            }
            await stop(file)
            do {
                try await start(spec)
                logger.notice("reload: (re)started pipeline '\(spec.name)' from \(file)")
            } catch {
                logger.error("reload: pipeline '\(spec.name)' cannot start: \(error)")
            }
        }
    }

    /// Stops every pipeline (documents in flight finish first).
    func stopAll() async {
        stopping = true
        for file in Array(running.keys) { await stop(file) }
    }

    /// Stops every pipeline at once and waits at most `limit` for their documents in flight; returns the
    /// names of the pipelines that did not stop in time (their tasks are left behind, and the process is
    /// expected to exit).
    func stopAll(within limit: Duration) async -> [String] {
        stopping = true
        let entries = running.values.map { (name: $0.service.spec.name, service: $0.service, task: $0.task) }
        running.removeAll()
        for entry in entries { entry.service.stop() }
        let stopped = Mutex<Set<String>>([])
        let (outcome, continuation) = AsyncStream<Void>.makeStream()
        // A pipeline's task cannot be cancelled out of a sink that never returns, so waiting for them and
        // waiting for the deadline are unstructured: whichever ends first ends the wait, the other is dropped.
        Task {
            for entry in entries {
                await entry.task.value
                stopped.withLock { _ = $0.insert(entry.name) }
            }
            continuation.finish()
        }
        let deadline = Task {
            try? await Task.sleep(for: limit)
            continuation.finish()
        }
        for await _ in outcome {}
        deadline.cancel()
        let done = stopped.withLock { $0 }
        return entries.map(\.name).filter { !done.contains($0) }.sorted()
    }
}

/// A graceful shutdown that did not finish in its time: the documents in flight were abandoned.
struct ShutdownTimedOut: DescribedError, CustomStringConvertible {
    /// The bound that passed.
    var timeout: Duration
    /// The pipelines still busy.
    var pipelines: [String]

    var errorCode: TrialpipeError.Code { .shutdownTimeout }

    var errorMessage: String {
        "graceful shutdown did not finish within \(timeout.components.seconds) s: abandoning the documents in "
            + "flight of pipeline \(pipelines.map { "'\($0)'" }.joined(separator: ", ")) (a sink or stage did not "
            + "return); they stay in the inbox and the next start processes them again"
    }

    var description: String { errorMessage }
}

/// A pipeline that could not start when the daemon did.
struct PipelineStartFailure: Error, CustomStringConvertible {
    var pipeline: String
    var file: String
    var cause: any Error

    var description: String { "pipeline '\(pipeline)' (\(file)) cannot start: \(cause)" }
}
