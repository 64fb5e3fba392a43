import Foundation
public import Logging
public import Pipeline
import Synchronization
import TrialModel
public import Watch

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
    /// Who hears what the runner does (metrics, progress, latency measurements).
    let events: any PipelineEvents
    private let inFlight = Mutex<Set<String>>([])
    private let stopping = Atomic<Bool>(false)
    /// The source of the loop now running, so ``requestStop()`` can end it.
    private let currentSource = Mutex<InboxSource?>(nil)
    /// One batch is committed at a time, whichever loop asks.
    private let commitGate = AsyncGate()

    /// A runner for a pipeline; opens its state folder.
    public init(
        spec: PipelineSpec, logger: Logger, batchSize: Int = 256, events: any PipelineEvents = NoPipelineEvents()
    ) throws {
        self.spec = spec
        self.logger = logger
        self.events = events
        self.batchSize = max(1, batchSize)
        self.store = try StateStore(directory: spec.stateDirectory)
        self.corpus = SQLiteCorpusIndex(store: store)
        self.quarantine = Quarantine(directory: spec.source.quarantineDirectory)
        self.chain = StageChain(stages: spec.stages)
    }

    /// Prepares the stages, opens the sinks and finishes what a crash left: an unfinished batch is rolled back in every sink and
    /// its documents are processed again.
    public func start() async throws {
        try await chain.prepare()
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
        try InboxSource(spec.source, mode: .once).list().map(\.name)
    }

    /// Processes the named inbox files (names relative to the inbox); returns when all are committed.
    public func process(names: [String]) async -> RunSummary {
        await run(inboxSource(.names(names)))
    }

    /// The pipeline's inbox source, watching as its `source:` says unless `mode` says otherwise (`.once` for
    /// `run --once`); what happens to the inbox is logged and told to the runner's events.
    public func inboxSource(_ mode: InboxSource.Mode? = nil) -> InboxSource {
        let (logger, events, name, path) = (logger, events, spec.name, spec.source.inbox)
        let metadata: Logger.Metadata = ["pipeline": "\(name)"]
        return InboxSource(spec.source, mode: mode) { notice in
            switch notice {
            case .listing:
                events.sourceStarted(pipeline: name)
            case .listed(let count):
                events.documentsDiscovered(pipeline: name, count: count)
            case .watching:
                logger.info("watching \(path)", metadata: metadata)
                events.inboxAvailabilityChanged(pipeline: name, available: true, path: path)
                events.sourceStarted(pipeline: name)
            case .missing:
                logger.warning("inbox \(path) is missing; waiting for it to come back", metadata: metadata)
                events.inboxAvailabilityChanged(pipeline: name, available: false, path: path)
            case .gone:
                logger.warning("inbox \(path) disappeared", metadata: metadata)
                events.inboxAvailabilityChanged(pipeline: name, available: false, path: path)
            case .rescanned(let overflow):
                events.inboxRescanned(pipeline: name, overflow: overflow)
            case .failed(let reason):
                logger.error("\(reason); retrying in 1 s", metadata: metadata)
            }
        }
    }

    /// Processes every entry the source hands out until it ends (or ``requestStop()``), then commits what
    /// is pending and returns.
    ///
    /// Documents go through the stages in a bounded window, and batches are committed while the next
    /// documents are processed. While the source is watching, a batch is committed as soon as the previous
    /// commit is done and something is pending: a trickle is durable within one commit's time, and under load
    /// batches grow (up to ``batchSize``) on their own. Once the source has ended (`run --once` after its one
    /// listing), what it handed out is committed in full batches.
    public func run(_ source: InboxSource) async -> RunSummary {
        currentSource.withLock { $0 = source }
        if stopping.load(ordering: .relaxed) { source.stop() }
        defer { currentSource.withLock { $0 = nil } }
        let entries = source.makeAsyncIterator()
        // A listing (`run --once`, named files) is committed in full batches; one listing announces its whole
        // count at once (progress shows the real total), other modes count entries as they are handed out.
        let (watching, countsAsHandedOut): (Bool, Bool)
        switch source.mode {
        case .once: (watching, countsAsHandedOut) = (false, false)
        case .names: (watching, countsAsHandedOut) = (false, true)
        case .events, .polling: (watching, countsAsHandedOut) = (true, true)
        }
        let window = spec.concurrency
        let clock = ContinuousClock()
        var summary = RunSummary()
        var queue = WaitingQueue<(entry: InboxEntry, seen: ContinuousClock.Instant)>()
        var ready: [Work] = []
        var readyStart = 0
        var pending: [Outcome.Success] = []
        var refreshes: [(path: String, sha256: String, snapshot: FileSnapshot)] = []
        var reading = false
        var sourceOpen = true
        var committing = false
        var running = 0
        var reported = (waiting: 0, inFlight: 0)
        await withTaskGroup(of: LoopEvent.self) { group in
            while true {
                // The source is read ahead only while little waits: a large inbox is held a chunk at a time.
                if sourceOpen, !reading, queue.count + ready.count - readyStart < 2048 {
                    reading = true
                    group.addTask { .entries(await entries.next()) }
                }
                while readyStart == ready.count, !queue.isEmpty, !stopping.load(ordering: .relaxed) {
                    ready = claim(queue.take(upTo: 512))
                    readyStart = 0
                }
                // At most two batches wait while another is committed: the stages keep both cores busy through a
                // commit's syncs (with one, `run --once` over 20,000 pages took 3.7–4.4 s instead of 3.2–3.3),
                // and memory stays bounded when the sinks are slower than the stages.
                while running < window, pending.count + running < 2 * batchSize, readyStart < ready.count,
                    !stopping.load(ordering: .relaxed)
                {
                    let work = ready[readyStart]
                    readyStart += 1
                    running += 1
                    group.addTask { .document(await self.processOne(work)) }
                }
                // While the source is watching (the daemon) a batch goes as soon as the committer is free; a
                // backlog already known (`run --once`) is committed in full batches, and the rest at the end or
                // once a stop has let the documents in flight finish.
                let drained = !sourceOpen && queue.isEmpty && readyStart == ready.count && running == 0
                let stopped = stopping.load(ordering: .relaxed) && running == 0
                if !committing, !pending.isEmpty,
                    (sourceOpen && watching) || drained || stopped || pending.count >= batchSize
                {
                    let batch = Array(pending.prefix(batchSize))
                    pending.removeFirst(batch.count)
                    committing = true
                    group.addTask { .committed(await self.commit(batch)) }
                }
                let backlog = (waiting: queue.count + ready.count - readyStart, inFlight: running)
                if backlog != reported {
                    reported = backlog
                    events.backlogChanged(pipeline: spec.name, waiting: backlog.waiting, inFlight: backlog.inFlight)
                }
                guard let event = await group.next() else { break }
                switch event {
                case .entries(let found):
                    reading = false
                    guard let found else {
                        sourceOpen = false
                        continue
                    }
                    let now = clock.now
                    queue.append(contentsOf: found.lazy.map { (entry: $0, seen: now) })
                    if countsAsHandedOut { events.documentsDiscovered(pipeline: spec.name, count: found.count) }
                case .committed(let committed):
                    committing = false
                    summary.add(committed)
                case .document(let outcome):
                    running -= 1
                    switch outcome {
                    case .success(let success):
                        pending.append(success)
                    case .failure(let name):
                        release(name)
                        summary.failed += 1
                    case .skipped(let name, let refresh):
                        release(name)
                        summary.skipped += 1
                        events.documentSkipped(pipeline: spec.name, name: name)
                        if let refresh { refreshes.append(refresh) }
                        if refreshes.count >= 256 {
                            rememberSnapshots(refreshes)
                            refreshes.removeAll(keepingCapacity: true)
                        }
                    }
                }
            }
        }
        // Names taken but not started (a stop was requested) stay in the inbox for the next run.
        for work in ready[readyStart...] { release(work.name) }
        if !refreshes.isEmpty { rememberSnapshots(refreshes) }
        return summary
    }

    /// Stops taking new documents; those in flight finish and are committed.
    public func requestStop() {
        stopping.store(true, ordering: .relaxed)
        currentSource.withLock { $0 }?.stop()
    }

    /// Whether ``requestStop()`` was called.
    public var isStopping: Bool { stopping.load(ordering: .relaxed) }

    /// Claims entries not already being processed (a rescan hands out names in flight again) and looks them
    /// up in the ledger with one query.
    private func claim(_ entries: [(entry: InboxEntry, seen: ContinuousClock.Instant)]) -> [Work] {
        let claimed = inFlight.withLock { inFlight in entries.filter { inFlight.insert($0.entry.name).inserted } }
        let states: [String: [LedgerState]]
        do {
            states = try store.states(paths: claimed.map(\.entry.name))
        } catch {
            logger.error("ledger read failed: \(error); will retry", metadata: ["pipeline": "\(spec.name)"])
            for item in claimed { release(item.entry.name) }
            return []
        }
        return claimed.map { Work(entry: $0.entry, seen: $0.seen, ledger: states[$0.entry.name] ?? []) }
    }

    private func release(_ name: String) { _ = inFlight.withLock { $0.remove(name) } }

    private func rememberSnapshots(_ refreshes: [(path: String, sha256: String, snapshot: FileSnapshot)]) {
        do { try store.rememberSnapshots(refreshes) } catch {
            logger.warning("ledger write failed: \(error)", metadata: ["pipeline": "\(spec.name)"])
        }
    }

    /// One inbox entry claimed for processing, with what the ledger knows of it.
    struct Work: Sendable {
        var entry: InboxEntry
        var name: String { entry.name }
        var seen: ContinuousClock.Instant
        var ledger: [LedgerState]
    }

    enum Outcome: Sendable {
        struct Success: Sendable {
            var name: String
            var document: PipelineDocument
            var snapshot: FileSnapshot
            var seen: ContinuousClock.Instant
        }
        case success(Success)
        case failure(String)
        /// Already done or failed; `refresh` is a snapshot the ledger did not have yet for a done version.
        case skipped(String, refresh: (path: String, sha256: String, snapshot: FileSnapshot)?)
    }

    enum LoopEvent: Sendable {
        case entries([InboxEntry]?)
        case document(Outcome)
        case committed(RunSummary)
    }

    private func processOne(_ work: Work) async -> Outcome {
        let source = spec.source
        let name = work.name
        // A file the ledger knows by identity (the snapshot the source classified) is skipped unread.
        if let known = work.ledger.first(where: { $0.state != .inFlight && $0.describes(work.entry.snapshot) }) {
            if known.state == .done { finishInbox(name) }
            return .skipped(name, refresh: nil)
        }
        let bytes: [UInt8]
        let snapshot: FileSnapshot
        switch InboxFileReader.read(folder: source.inbox, entry: work.entry, maxBytes: source.maxBytes) {
        case .vanished:
            return .skipped(name, refresh: nil)
        case .refused(let code, let reason):
            fail(name: name, sha256: nil, stage: "source", code: code.rawValue, message: name + " is " + reason)
            return .failure(name)
        case .bytes(let read, let seen):
            bytes = read
            snapshot = seen
        }
        let sha = SHA256.hex(bytes)
        if let known = work.ledger.first(where: { $0.sha256 == sha && $0.state != .inFlight }) {
            guard known.state == .done else { return .skipped(name, refresh: nil) }
            finishInbox(name)
            return .skipped(name, refresh: source.after == .keep ? (name, sha, snapshot) : nil)
        }
        let context = StageContext(
            pipeline: spec.name, processedAt: Timestamp.now(), logger: logger, file: name, sha256: sha, events: events)
        var document: PipelineDocument
        do {
            document = try await chain.process(
                PipelineDocument(sourcePath: name, bytes: bytes, sha256: sha), context: context)
        } catch {
            fail(name: name, sha256: sha, stage: error.stage, code: error.code.rawValue, message: error.message)
            return .failure(name)
        }
        // Neither the bytes nor the stages' side data (the document's text among it) are needed once every
        // stage has run: the batch waiting for its commit holds only the records.
        document.bytes = []
        document.annotations = [:]
        return .success(.init(name: name, document: document, snapshot: snapshot, seen: work.seen))
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
        var failedSink: String?
        do {
            let chain = self.chain
            let index = self.corpus
            let again = try index.withOneRead { try chain.link(&records, corpus: index) }
            let output = records + again
            var checkpoints: [String] = []
            for sink in spec.sinks { checkpoints.append(try await sink.checkpoint()) }
            let store = self.store
            let intents = batch.map { (path: $0.name, sha256: $0.document.sha256) }
            let id = try await BlockingIO.run { [checkpoints] in
                try store.beginBatch(documents: intents, checkpoints: checkpoints)
            }
            // Each record is encoded once, for every sink and the corpus log; the corpus copies are appended and
            // synced while the sinks write.
            let json = output.map { RecordJSONWriter.encode($0) }
            let corpus = self.corpus
            async let logged = BlockingIO.run { try corpus.logPending(reusing: (output, json)) }
            do {
                try await Self.write(output, json: json, to: spec.sinks)
            } catch {
                let failure = error as? SinkWriteFailure
                failedSink = failure?.sink
                _ = try? await logged
                for (sink, checkpoint) in zip(spec.sinks, checkpoints) { try? await sink.rollback(to: checkpoint) }
                _ = try? await BlockingIO.run { try store.abandonBatch(id) }
                throw failure?.error ?? error
            }
            let done = batch.map { ($0.name, $0.document.sha256, $0.document.records.map(\.id)) }
            let snapshots = batch.map { spec.source.after == .keep ? $0.snapshot : nil }
            let copies = try await logged
            try await BlockingIO.run {
                try store.completeBatch(id, documents: done, snapshots: snapshots, corpus: corpus, logged: copies)
            }
            summary.processed = batch.count
            summary.records = output.count
            let now = ContinuousClock.now
            events.batchCommitted(
                pipeline: spec.name,
                batch: CommittedBatch(
                    documents: batch.map {
                        CommittedBatch.Document(
                            name: $0.name, layout: $0.document.records.first?.provenance.layout,
                            latency: $0.seen.secondsUntil(now))
                    },
                    recordsBySink: spec.sinks.map { (sink: $0.name, records: output.count) },
                    committedAt: Date().timeIntervalSince1970))
        } catch {
            corpus.discardPending()
            logger.error(
                "writing a batch of \(batch.count) documents failed; they stay in the inbox and are tried again: \(error)",
                metadata: ["pipeline": "\(spec.name)"])
            summary.deferred = batch.count
            events.batchDeferred(pipeline: spec.name, documents: batch.count, sink: failedSink, error: error)
        }
        for item in batch {
            if summary.processed > 0 { finishInbox(item.name) }
            release(item.name)
        }
        return summary
    }

    /// A sink's write failed: which sink, and why.
    private struct SinkWriteFailure: Error {
        let sink: String
        let error: any Error
    }

    /// Writes a batch into every sink, the sinks at the same time (one's sync overlaps another's work); the
    /// first failure is thrown once every write has ended.
    private static func write(_ records: [TrialRecord], json: [[UInt8]], to sinks: [any Sink]) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for sink in sinks {
                group.addTask {
                    do { try await sink.write(records, json: json) } catch {
                        throw SinkWriteFailure(sink: sink.name, error: error)
                    }
                }
            }
            try await group.waitForAll()
        }
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
