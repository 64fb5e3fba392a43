import ArgumentParser
import BuiltinPlugins
import Foundation
import Logging
import Operations
import Pipeline
import PipelineRuntime
import RelationalSinks
import Sinks
import Synchronization
import Watch

/// `trialpipe bench`: throughput, latency and memory on a generated corpus, on this machine.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure throughput, latency and memory on a generated corpus.",
        discussion: """
            Generates a deterministic corpus (every layout: MedPath, trial details, overview, condition \
            listing, ClinicalTrials.gov JSON and XML, with varied ids, drugs, criteria, outcomes, text lengths, \
            see-also lists and cross-references) in a temporary folder, then measures on the default stages:
            - `run --once` throughput (documents/s and MB/s) with the JSON Lines sink, the XML sink, and both;
            - peak resident memory of each run;
            - in daemon mode, drop-to-durable latency (p50, p99, max) with documents dropped at a steady rate.

            Examples:
              trialpipe bench                       # 2,000 documents, 500 documents/s for the latency run
              trialpipe bench --docs 100000 --json  # a large run, machine-readable
              trialpipe bench --docs 500 --keep     # keep the corpus and outputs to look at
              trialpipe bench --metrics             # the same with metrics and health recorded, as in production
              trialpipe bench --stage-costs         # CPU per document of each step (read, each stage, JSON)
              trialpipe bench --stage-costs --corpus Inbox   # the same over your own documents
              trialpipe bench --sink sqlite --records trials.jsonl   # records/s, SQLite
              trialpipe bench --sink postgres --records trials.jsonl --url postgres://db/t

            With --sink, the records of a JSON Lines file (as `run --once` with the jsonl sink writes them) are \
            written in the file's order, in batches of --batch-size as the runner commits them, into a new \
            SQLite file or a new PostgreSQL schema (dropped afterwards unless --keep); the writes and the \
            closing are timed.
            """)

    @Option(name: .long, help: "Documents in the generated corpus.")
    var docs = 2000

    @Option(name: .long, help: "Documents per second dropped in the latency run.")
    var rate = 500.0

    @Option(name: .long, help: "Seconds of dropping in the latency run (at most --docs documents).")
    var seconds = 4.0

    @Flag(name: .long, help: "Keep the generated corpus and outputs, and print where they are.")
    var keep = false

    @Flag(name: .long, help: "Print the results as JSON.")
    var json = false

    @OptionGroup var logging: LoggingOptions

    @Flag(
        name: .long,
        help: "Record metrics and health as `run --metrics-address` does, and render the exposition every second.")
    var metrics = false

    @Flag(
        name: .long,
        help:
            "Time each step of a document's path (read and hash, each default stage, the JSON line, the XML document) in CPU per document, one thread, and stop."
    )
    var stageCosts = false

    @Option(name: .long, help: "With --stage-costs: time the documents of this folder instead of a generated corpus.")
    var corpus: String?

    @Option(
        name: .long,
        help: "Measure records/s into this relational sink (sqlite or postgres) instead, from --records.")
    var sink: String?

    @Option(name: .long, help: "With --sink: the JSON Lines file of records to write.")
    var records: String?

    @Option(name: .long, help: "With --sink: records a batch.")
    var batchSize = 256

    @Option(name: .long, help: "With --sink postgres: the server, as the postgres sink's `url:` option.")
    var url: String?

    @Option(name: .long, help: "With --sink postgres: connections a batch is split over, as the sink's option.")
    var connections = PostgresSink.defaultConnections

    func validate() throws {
        if let sink {
            guard SinkThroughput.Kind(rawValue: sink) != nil else {
                throw ValidationError("--sink is sqlite or postgres, e.g. `--sink sqlite --records trials.jsonl`")
            }
            guard let records, FileManager.default.fileExists(atPath: records) else {
                throw ValidationError(
                    "--sink needs --records FILE, a JSON Lines file of records, e.g. Outbox/trials.jsonl")
            }
            guard sink != "postgres" || url != nil else {
                throw ValidationError("--sink postgres needs --url, e.g. --url postgres://me@localhost:5432/trials")
            }
            guard batchSize >= 1 else { throw ValidationError("--batch-size must be at least 1") }
            let counts = PostgresSink.connectionCounts
            guard counts.contains(connections) else {
                throw ValidationError("--connections is \(counts.lowerBound) to \(counts.upperBound)")
            }
        } else if records != nil || url != nil {
            throw ValidationError("--records and --url go with --sink, e.g. `--sink sqlite --records trials.jsonl`")
        }
        guard docs >= 1 else { throw ValidationError("--docs must be at least 1") }
        guard rate > 0 else { throw ValidationError("--rate must be above 0") }
        if let corpus {
            guard stageCosts else {
                throw ValidationError(
                    "--corpus goes with --stage-costs, e.g. `trialpipe bench --stage-costs --corpus Inbox`")
            }
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: corpus, isDirectory: &isFolder), isFolder.boolValue else {
                throw ValidationError("--corpus \(corpus) is not a folder: give a folder of documents")
            }
        }
    }

    func run() async throws {
        var logger = LogSetup.logger(format: logging.logFormat)
        logger.logLevel = .error
        let work = FileManager.default.temporaryDirectory.path + "/trialpipe-bench-" + UUID().uuidString
        defer {
            if !keep { try? FileManager.default.removeItem(atPath: work) }
        }
        let progress = Progress(quiet: json)
        if let sink, let kind = SinkThroughput.Kind(rawValue: sink), let records {
            try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
            try await measureSink(kind, records: records, work: work, progress: progress)
            return
        }
        if self.corpus == nil { progress.say("generating \(docs) documents in \(work)") }
        let corpus = self.corpus ?? work + "/corpus"
        let staging = work + "/staging"
        try FileManager.default.createDirectory(atPath: corpus, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        var totalBytes = 0
        var docs = self.docs
        if self.corpus == nil {
            var generator = BenchCorpus(count: docs)
            for index in 0..<docs {
                let document = generator.document(index)
                totalBytes += document.bytes.count
                try Data(document.bytes).write(to: URL(fileURLWithPath: corpus + "/" + document.name))
            }
        } else {
            let names = try FileManager.default.contentsOfDirectory(atPath: corpus).filter { !$0.hasPrefix(".") }
            docs = names.count
            for name in names {
                let size = (try? FileManager.default.attributesOfItem(atPath: corpus + "/" + name)[.size]) as? Int
                totalBytes += size ?? 0
            }
        }
        let stages = try BuiltinPlugins.defaultStages()
        if stageCosts {
            for stage in stages { try await stage.prepare() }
            progress.say("timing each step over \(docs) documents, three passes")
            let measured = try await StageCost(stages: stages).measure(folder: corpus, logger: logger)
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                print(String(decoding: try encoder.encode(measured.steps), as: UTF8.self))
            } else {
                print(StageCost.table(documents: measured.documents, steps: measured.steps))
            }
            return
        }
        var results = BenchResults(
            documents: docs, corpusBytes: totalBytes, cores: ProcessInfo.processInfo.activeProcessorCount)

        let factory = CatalogMetricsFactory()
        let events: any PipelineEvents =
            metrics ? PipelineEventsFanOut([PipelineMetrics(factory: factory), HealthState()]) : NoPipelineEvents()
        let scraper = Task {
            while metrics, !Task.isCancelled {
                _ = factory.exposition()
                try? await Task.sleep(for: .seconds(1))
            }
        }
        defer { scraper.cancel() }
        if metrics { progress.say("metrics on: every event recorded, the exposition rendered every second") }
        for variant in ["jsonl", "xml", "jsonl+xml"] {
            let outbox = work + "/out-" + variant.replacingOccurrences(of: "+", with: "-")
            var sinks: [any Sink] = []
            if variant.contains("jsonl") { sinks.append(JSONLinesSink(path: outbox + "/trials.jsonl")) }
            if variant.contains("xml") { sinks.append(XMLFolderSink(folder: outbox + "/xml")) }
            let spec = PipelineSpec(
                name: "bench", file: "bench", source: SourceSpec(inbox: corpus), stages: stages, sinks: sinks,
                stateDirectory: outbox + "/.state", concurrency: PipelineSpec.defaultConcurrency)
            progress.say("run --once with \(variant)")
            Memory.resetPeak()
            let runner = try PipelineRunner(spec: spec, logger: logger, events: events)
            try await runner.start()
            let clock = ContinuousClock()
            let started = clock.now
            let summary = await runner.run(runner.inboxSource(.once))
            let elapsed = started.duration(to: clock.now)
            await runner.stop()
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            results.throughput.append(
                .init(
                    sinks: variant, seconds: seconds, documents: summary.processed, failed: summary.failed,
                    documentsPerSecond: Double(summary.processed) / seconds,
                    megabytesPerSecond: Double(totalBytes) / 1_048_576 / seconds, peakRSSMiB: Memory.peakMiB()))
        }

        // The runs above leave their output to the kernel's writeback: flushed here, it is not charged to the
        // latency run's first commits (the XML sink's flush is the filesystem's, `syncfs`).
        sync()
        progress.say("daemon latency at \(Int(rate)) documents/s")
        results.latency = try await latencyRun(
            corpus: corpus, staging: staging, work: work, stages: stages, logger: logger, events: events)
        results.peakRSSMiB = Memory.peakMiB()
        if metrics {
            let cost = MetricsCost.microsecondsPerDocument()
            let perDocument = results.throughput.map { 1e6 / $0.documentsPerSecond }.min() ?? .nan
            progress.say(
                String(
                    format: "metrics cost %.2f µs per document, %.2f %% of the fastest run's %.0f µs per document",
                    cost, cost / perDocument * 100, perDocument))
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(results), as: UTF8.self))
        } else {
            print(results.table)
        }
        if keep { print("kept: \(work)") }
    }

    /// `--sink`: records/s into one relational sink.
    private func measureSink(_ kind: SinkThroughput.Kind, records file: String, work: String, progress: Progress)
        async throws
    {
        progress.say("reading the records of \(file)")
        let records = try SinkThroughput.records(inJSONLines: file)
        progress.say("writing \(records.count) records into \(kind.rawValue)")
        let bench = SinkThroughput(
            kind: kind, batchSize: batchSize, postgresURL: url, connections: connections, work: work, keep: keep)
        let result = try await bench.measure(records)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(result), as: UTF8.self))
        } else {
            print(SinkThroughput.line(result))
        }
        if keep { print("kept: \(result.wroteTo)") }
    }

    /// Drops documents into a watched inbox at a steady rate and measures each one's drop-to-durable time.
    private func latencyRun(
        corpus: String, staging: String, work: String, stages: [any Stage], logger: Logger,
        events: any PipelineEvents
    ) async throws -> BenchResults.Latency {
        let inbox = work + "/latency-inbox"
        let outbox = work + "/latency-out"
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        let count = max(1, min(docs, Int(rate * seconds)))
        let names = Array(try FileManager.default.contentsOfDirectory(atPath: corpus).sorted().prefix(count))
        for name in names {
            try FileManager.default.copyItem(atPath: corpus + "/" + name, toPath: staging + "/" + name)
        }
        var source = SourceSpec(inbox: inbox)
        source.rescanInterval = 3600
        let spec = PipelineSpec(
            name: "bench", file: "bench", source: source, stages: stages,
            sinks: [JSONLinesSink(path: outbox + "/trials.jsonl"), XMLFolderSink(folder: outbox + "/xml")],
            stateDirectory: outbox + "/.state", concurrency: PipelineSpec.defaultConcurrency)
        let clock = ContinuousClock()
        let committed = CommitTimes(clock: clock)
        let service = try InboxWatchService(
            spec: spec, logger: logger, events: PipelineEventsFanOut([committed, events]))
        let task = Task { try await service.run() }
        try await Task.sleep(for: .milliseconds(300))
        var dropped: [String: ContinuousClock.Instant] = [:]
        let start = clock.now
        let interval = 1.0 / rate
        for (index, name) in names.enumerated() {
            let due = start.advanced(by: .nanoseconds(Int64(Double(index) * interval * 1e9)))
            if clock.now < due { try await clock.sleep(until: due) }
            dropped[name] = clock.now
            rename(staging + "/" + name, inbox + "/" + name)
        }
        let deadline = clock.now.advanced(by: .seconds(60))
        while committed.count < names.count, clock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        service.stop()
        try await task.value
        let done = committed.times
        var latencies: [Double] = []
        for (name, droppedAt) in dropped {
            guard let at = done[name] else { continue }
            let duration = droppedAt.duration(to: at)
            latencies.append(
                (Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18) * 1000)
        }
        latencies.sort()
        func percentile(_ p: Double) -> Double {
            guard !latencies.isEmpty else { return .nan }
            return latencies[min(latencies.count - 1, Int((p * Double(latencies.count)).rounded(.up)) - 1)]
        }
        return .init(
            rate: rate, documents: names.count, durable: latencies.count, p50Milliseconds: percentile(0.5),
            p99Milliseconds: percentile(0.99), maxMilliseconds: latencies.last ?? .nan)
    }
}

/// Progress lines on stderr, unless quiet.
struct Progress {
    var quiet: Bool
    func say(_ line: String) {
        if !quiet { FileHandle.standardError.write(Data(("bench: " + line + "\n").utf8)) }
    }
}

/// When each document's records became durable, as the runner reports committed batches.
final class CommitTimes: PipelineEvents {
    let clock: ContinuousClock
    private let committed = Mutex<[String: ContinuousClock.Instant]>([:])

    init(clock: ContinuousClock) { self.clock = clock }

    var count: Int { committed.withLock { $0.count } }
    var times: [String: ContinuousClock.Instant] { committed.withLock { $0 } }

    func batchCommitted(pipeline: String, batch: CommittedBatch) {
        let now = clock.now
        committed.withLock { for document in batch.documents { $0[document.name] = now } }
    }
}
