import Foundation
public import Logging
import Synchronization
public import TrialModel

/// Runs one pipeline over documents in its inbox: stages in parallel across documents (a bounded window),
/// then batches committed to the sinks in order, with the ledger recording intent before and completion
/// after, so nothing is lost or doubled across crashes. One document's failure never stops the others.
public final class PipelineRunner: Sendable {
    /// The pipeline.
    public let spec: PipelineSpec
    /// The ledger and corpus index.
    public let store: StateStore
    let corpus: SQLiteCorpusIndex
    let logger: Logger
    let quarantine: Quarantine
    let chain: StageChain
    /// Documents per committed batch at most.
    public let batchSize: Int
    private let inFlight = Mutex<Set<String>>([])
    private let stopping = Atomic<Bool>(false)
    /// One batch is committed at a time, whoever calls ``process(names:progress:)``.
    private let commitGate = AsyncGate()
    /// Size and modification time of inbox files known to be done, so a rescan does not read them again.
    private let known = Mutex<[String: FileStamp]>([:])

    /// Told the inbox names of every batch once its records are durable (for latency measurements).
    let onCommit: (@Sendable ([String]) -> Void)?
    /// Whether done files are remembered by size and modification time, so later rescans skip them unread
    /// (for the daemon; a single pass has no later rescans and keeps memory flat without it).
    let remembersDoneFiles: Bool
    /// Told what happens to documents and batches (metrics, health, progress).
    let events: any PipelineEvents

    /// A runner for a pipeline; opens its state folder.
    public init(
        spec: PipelineSpec, logger: Logger, batchSize: Int = 256, remembersDoneFiles: Bool = false,
        onCommit: (@Sendable ([String]) -> Void)? = nil, events: any PipelineEvents = NoPipelineEvents()
    ) throws {
        self.events = events
        self.onCommit = onCommit
        self.remembersDoneFiles = remembersDoneFiles
        self.spec = spec
        self.logger = logger
        self.batchSize = max(1, batchSize)
        self.store = try StateStore(directory: spec.stateDirectory)
        self.corpus = SQLiteCorpusIndex(store: store)
        self.quarantine = Quarantine(directory: spec.source.quarantineDirectory)
        self.chain = StageChain(stages: spec.stages)
    }

    /// Opens the sinks and finishes what a crash left: an unfinished batch is rolled back in every sink and
    /// its documents are processed again.
    public func start() async throws {
        try FileManager.default.createDirectory(atPath: spec.source.inbox, withIntermediateDirectories: true)
        for sink in spec.sinks { try await sink.open() }
        if let batch = try store.unfinishedBatch() {
            for (sink, checkpoint) in zip(spec.sinks, batch.checkpoints) {
                try await sink.rollback(to: checkpoint)
            }
            try store.abandonBatch(batch.id)
            logger.notice(
                "recovered an unfinished batch: its \(batch.documents.count) documents will be processed again",
                metadata: ["pipeline": "\(spec.name)"])
        }
    }

    /// Closes the sinks and shuts the stages down.
    public func stop() async {
        for stage in spec.stages { await stage.shutdown() }
        for sink in spec.sinks {
            do { try await sink.close() } catch {
                logger.error("closing sink \(sink.name) failed: \(error)", metadata: ["pipeline": "\(spec.name)"])
            }
        }
    }

    /// The candidate documents in the inbox now, sorted by name.
    public func listInbox() throws -> [String] {
        try InboxListing.candidates(in: spec.source.inbox, include: spec.source.include)
    }

    /// Processes the named inbox files (names relative to the inbox); returns when all are committed.
    public func process(names: [String], progress: (@Sendable (RunSummary) -> Void)? = nil) async -> RunSummary {
        let window = spec.concurrency
        var summary = RunSummary()
        var pending: [Outcome.Success] = []
        var names = names[...]
        let arrived = ContinuousClock.now
        await withTaskGroup(of: Outcome.self) { group in
            var running = 0
            while true {
                while running < window, !stopping.load(ordering: .relaxed), let name = names.popFirst() {
                    guard claim(name) else { continue }
                    group.addTask { await self.processOne(name, arrived: arrived) }
                    running += 1
                }
                events.backlogChanged(pipeline: spec.name, waiting: names.count, inFlight: running)
                guard let outcome = await group.next() else { break }
                running -= 1
                switch outcome {
                case .success(let success):
                    pending.append(success)
                    if pending.count >= batchSize || (running == 0 && names.isEmpty) {
                        summary.add(await commit(pending))
                        pending.removeAll(keepingCapacity: true)
                        progress?(summary)
                    }
                case .failure(let name):
                    release(name)
                    summary.failed += 1
                case .skipped(let name):
                    release(name)
                    summary.skipped += 1
                    events.documentSkipped(pipeline: spec.name, name: name)
                }
            }
        }
        if !pending.isEmpty { summary.add(await commit(pending)) }
        events.backlogChanged(pipeline: spec.name, waiting: names.count, inFlight: 0)
        return summary
    }

    /// Stops taking new documents; those in flight finish and are committed.
    public func requestStop() { stopping.store(true, ordering: .relaxed) }

    /// Whether ``requestStop()`` was called.
    public var isStopping: Bool { stopping.load(ordering: .relaxed) }

    private func claim(_ name: String) -> Bool { inFlight.withLock { $0.insert(name).inserted } }
    private func release(_ name: String) { _ = inFlight.withLock { $0.remove(name) } }

    enum Outcome: Sendable {
        struct Success: Sendable {
            var name: String
            var document: PipelineDocument
            var stamp: FileStamp?
            var arrived: ContinuousClock.Instant
        }
        case success(Success)
        case failure(String)
        case skipped(String)
    }

    private func processOne(_ name: String, arrived: ContinuousClock.Instant) async -> Outcome {
        let source = spec.source
        let stamp = remembersDoneFiles ? FileStamp(path: source.inbox + "/" + name) : nil
        if let stamp, known.withLock({ $0[name] }) == stamp { return .skipped(name) }
        let bytes: [UInt8]
        switch InboxFileReader.read(folder: source.inbox, name: name, maxBytes: source.maxBytes) {
        case .vanished:
            return .skipped(name)
        case .refused(let code, let reason):
            fail(name: name, sha256: nil, stage: "source", code: code, message: name + " is " + reason)
            return .failure(name)
        case .bytes(let read):
            bytes = read
        }
        let sha = SHA256.hex(bytes)
        do {
            if let entry = try store.entry(path: name, sha256: sha), entry.state != .inFlight {
                if entry.state == .done {
                    remember(name, stamp)
                    finishInbox(name)
                }
                return .skipped(name)
            }
        } catch {
            logger.error("ledger read failed for \(name): \(error)", metadata: ["pipeline": "\(spec.name)"])
            return .skipped(name)
        }
        let context = StageContext(pipeline: spec.name, processedAt: Timestamp.now(), logger: logger, events: events)
        var document: PipelineDocument
        do {
            document = try await chain.process(
                PipelineDocument(sourcePath: name, bytes: bytes, sha256: sha), context: context)
        } catch {
            fail(name: name, sha256: sha, stage: error.stage, code: error.code, message: error.message)
            return .failure(name)
        }
        document.bytes = []
        return .success(.init(name: name, document: document, stamp: stamp, arrived: arrived))
    }

    private func fail(name: String, sha256: String?, stage: String, code: String, message: String) {
        let metadata: Logger.Metadata = ["pipeline": "\(spec.name)", "file": "\(name)", "stage": "\(stage)"]
        events.documentFailed(pipeline: spec.name, name: name, stage: stage, code: code)
        do {
            let target = try quarantine.quarantine(
                inbox: spec.source.inbox, name: name, stage: stage, code: code, message: message, sha256: sha256,
                pipeline: spec.name)
            logger.warning("quarantined: \(message)", metadata: metadata.merging(["to": "\(target)"]) { $1 })
        } catch {
            logger.error(
                "could not quarantine (left in the inbox): \(error); reason was: \(message)", metadata: metadata)
        }
        do {
            try store.markFailed(path: name, sha256: sha256 ?? "", stage: stage, reason: "\(code): \(message)")
        } catch {
            logger.error("ledger write failed: \(error)", metadata: metadata)
        }
    }

    /// Links, writes and records one batch; returns its counts.
    private func commit(_ batch: [Outcome.Success]) async -> RunSummary {
        await commitGate.run { await commitAlone(batch) }
    }

    private func commitAlone(_ batch: [Outcome.Success]) async -> RunSummary {
        var summary = RunSummary()
        var records = batch.flatMap(\.document.records)
        var failingSink: String?
        do {
            let again = try chain.link(&records, corpus: corpus)
            let output = records + again
            var checkpoints: [String] = []
            for sink in spec.sinks {
                failingSink = sink.name
                checkpoints.append(try await sink.checkpoint())
            }
            let id = try store.beginBatch(
                documents: batch.map { (path: $0.name, sha256: $0.document.sha256) }, checkpoints: checkpoints)
            do {
                for sink in spec.sinks {
                    failingSink = sink.name
                    try await sink.write(output)
                }
                failingSink = nil
            } catch {
                for (sink, checkpoint) in zip(spec.sinks, checkpoints) { try? await sink.rollback(to: checkpoint) }
                try? store.abandonBatch(id)
                throw error
            }
            try store.completeBatch(
                id, documents: batch.map { ($0.name, $0.document.sha256, $0.document.records.map(\.id)) },
                corpus: corpus)
            summary.processed = batch.count
            summary.records = output.count
            onCommit?(batch.map(\.name))
            events.batchCommitted(pipeline: spec.name, batch: committedBatch(batch, records: output.count))
        } catch {
            events.batchDeferred(pipeline: spec.name, documents: batch.count, sink: failingSink, error: error)
            corpus.discardPending()
            logger.error(
                "writing a batch of \(batch.count) documents failed; they stay in the inbox and are tried again: \(error)",
                metadata: ["pipeline": "\(spec.name)"])
            summary.deferred = batch.count
        }
        for item in batch {
            if summary.processed > 0 {
                remember(item.name, item.stamp)
                finishInbox(item.name)
            }
            release(item.name)
        }
        return summary
    }

    /// What observers learn of a durable batch: each document's layout and wait, records per sink.
    private func committedBatch(_ batch: [Outcome.Success], records: Int) -> CommittedBatch {
        let now = ContinuousClock.now
        let documents = batch.map { item in
            let waited = item.arrived.duration(to: now)
            return CommittedBatch.Document(
                name: item.name, layout: item.document.records.first?.provenance.layout,
                latency: Double(waited.components.seconds) + Double(waited.components.attoseconds) / 1e18)
        }
        return CommittedBatch(
            documents: documents, recordsBySink: spec.sinks.map { ($0.name, records) },
            committedAt: Date().timeIntervalSince1970)
    }

    private func remember(_ name: String, _ stamp: FileStamp?) {
        guard remembersDoneFiles, spec.source.after == .keep, let stamp else { return }
        known.withLock { $0[name] = stamp }
    }

    /// Applies `after:` to a document whose records are durable.
    private func finishInbox(_ name: String) {
        let source = spec.source
        let path = source.inbox + "/" + name
        switch source.after {
        case .keep:
            return
        case .delete:
            if unlink(path) != 0, errno != ENOENT {
                logger.error("cannot delete \(name) after processing: \(String(cString: strerror(errno)))")
            }
        case .move:
            do {
                try FileManager.default.createDirectory(
                    atPath: source.processedDirectory, withIntermediateDirectories: true)
                var target = source.processedDirectory + "/" + name
                var counter = 1
                while FileManager.default.fileExists(atPath: target) {
                    target = source.processedDirectory + "/" + name + "." + String(counter)
                    counter += 1
                }
                if rename(path, target) != 0, errno != ENOENT {
                    logger.error("cannot move \(name) after processing: \(String(cString: strerror(errno)))")
                }
            } catch {
                logger.error("cannot create \(source.processedDirectory): \(error)")
            }
        }
    }
}

/// A file's identity and version as `stat` sees it: inode, size and modification time.
struct FileStamp: Equatable, Sendable {
    var inode: UInt64
    var size: Int64
    var modified: Int64

    init?(path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    }
}
