public import CoreMetrics
import Metrics
public import Pipeline
import Synchronization

/// Turns pipeline events into the metrics of ``TrialpipeMetric``, recorded through swift-metrics.
///
/// Each metric handle is made once per label set and kept, so an event costs a dictionary look-up under a
/// short lock and an atomic update; nothing here waits on I/O.
public final class PipelineMetrics: PipelineEvents {
    /// A metric and its label values, in the order of ``TrialpipeMetric/labelNames``.
    private struct Key: Hashable {
        var metric: TrialpipeMetric
        var first: String
        var second = ""
        var third = ""
    }

    private let factory: any MetricsFactory
    private let counters = Mutex<[Key: CoreMetrics.Counter]>([:])
    private let timers = Mutex<[Key: CoreMetrics.Timer]>([:])
    private let recorders = Mutex<[Key: Recorder]>([:])
    private let gauges = Mutex<[Key: Gauge]>([:])

    /// An observer that records into `factory` (the global ``MetricsSystem`` factory by default).
    public init(factory: (any MetricsFactory)? = nil) {
        self.factory = factory ?? MetricsSystem.factory
    }

    /// The label pairs of a key, made only when a handle is first made.
    private static func dimensions(_ key: Key) -> [(String, String)] {
        Array(zip(key.metric.labelNames, [key.first, key.second, key.third]))
    }

    /// The handle cached under `key`, made by `make` the first time.
    private static func cached<Handle>(
        _ cache: borrowing Mutex<[Key: Handle]>, _ key: Key, make: ([(String, String)]) -> Handle
    ) -> Handle {
        cache.withLock { cache in
            if let found = cache[key] { return found }
            let made = make(dimensions(key))
            cache[key] = made
            return made
        }
    }

    private func counter(_ metric: TrialpipeMetric, _ pipeline: String, _ second: String = "", _ third: String = "")
        -> CoreMetrics.Counter
    {
        Self.cached(counters, Key(metric: metric, first: pipeline, second: second, third: third)) {
            CoreMetrics.Counter(label: metric.rawValue, dimensions: $0, factory: factory)
        }
    }

    private func timer(_ metric: TrialpipeMetric, _ pipeline: String, _ second: String = "") -> CoreMetrics.Timer {
        Self.cached(timers, Key(metric: metric, first: pipeline, second: second)) {
            CoreMetrics.Timer(label: metric.rawValue, dimensions: $0, factory: factory)
        }
    }

    private func recorder(_ metric: TrialpipeMetric, _ pipeline: String) -> Recorder {
        Self.cached(recorders, Key(metric: metric, first: pipeline)) {
            Recorder(label: metric.rawValue, dimensions: $0, aggregate: true, factory: factory)
        }
    }

    private func gauge(_ metric: TrialpipeMetric, _ pipeline: String) -> Gauge {
        Self.cached(gauges, Key(metric: metric, first: pipeline)) {
            Gauge(label: metric.rawValue, dimensions: $0, factory: factory)
        }
    }

    public func sourceStarted(pipeline: String) {
        // Make the pipeline's counters visible at zero before the first document.
        counter(.documentsSkipped, pipeline).increment(by: 0)
        counter(.rescans, pipeline).increment(by: 0)
        counter(.inotifyOverflows, pipeline).increment(by: 0)
        gauge(.backlog, pipeline).record(0)
        gauge(.inFlight, pipeline).record(0)
    }

    public func stageFinished(pipeline: String, stage: String, seconds: Double) {
        timer(.stageDuration, pipeline, stage)
            .recordNanoseconds(Int64((seconds * 1e9).rounded()))
    }

    public func documentFailed(pipeline: String, name: String, stage: String, code: String) {
        counter(.documentsFailed, pipeline, stage, code).increment()
    }

    public func documentSkipped(pipeline: String, name: String) {
        counter(.documentsSkipped, pipeline).increment()
    }

    public func batchCommitted(pipeline: String, batch: CommittedBatch) {
        var byLayout: [String: Int] = [:]
        let latency = timer(.dropToDurable, pipeline)
        for document in batch.documents {
            byLayout[document.layout ?? "unknown", default: 0] += 1
            if let seconds = document.latency { latency.recordNanoseconds(Int64((seconds * 1e9).rounded())) }
        }
        for (layout, count) in byLayout {
            counter(.documentsProcessed, pipeline, layout).increment(by: Int64(count))
        }
        for (sink, records) in batch.recordsBySink {
            counter(.recordsWritten, pipeline, sink).increment(by: Int64(records))
        }
        recorder(.batchSize, pipeline).record(batch.documents.count)
        gauge(.lastCommit, pipeline).record(batch.committedAt)
    }

    public func batchDeferred(pipeline: String, documents: Int, sink: String?, error: any Error) {
        counter(.batchesDeferred, pipeline, sink ?? "ledger").increment()
    }

    public func backlogChanged(pipeline: String, waiting: Int, inFlight: Int) {
        gauge(.backlog, pipeline).record(waiting)
        gauge(.inFlight, pipeline).record(inFlight)
    }

    public func inboxRescanned(pipeline: String, overflow: Bool) {
        counter(.rescans, pipeline).increment()
        if overflow { counter(.inotifyOverflows, pipeline).increment() }
    }

    public func inboxAvailabilityChanged(pipeline: String, available: Bool, path: String) {
        gauge(.inboxAvailable, pipeline).record(available ? 1 : 0)
    }

    public func subprocessRestarted(pipeline: String, stage: String) {
        counter(.subprocessRestarts, pipeline, stage).increment()
    }
}
