public import CoreMetrics
import Metrics
public import Pipeline
import Synchronization

/// Turns pipeline events into the metrics of ``TrialpipeMetric``, recorded through swift-metrics.
///
/// Each metric handle is made once per label set and kept, so an event costs a dictionary look-up under a
/// short lock and an atomic update; nothing here waits on I/O.
public final class PipelineMetrics: PipelineEvents {
    private let factory: any MetricsFactory
    private let counters = Mutex<[String: CoreMetrics.Counter]>([:])
    private let timers = Mutex<[String: CoreMetrics.Timer]>([:])
    private let recorders = Mutex<[String: Recorder]>([:])
    private let gauges = Mutex<[String: Gauge]>([:])

    /// An observer that records into `factory` (the global ``MetricsSystem`` factory by default).
    public init(factory: (any MetricsFactory)? = nil) {
        self.factory = factory ?? MetricsSystem.factory
    }

    private static func key(_ metric: TrialpipeMetric, _ dimensions: [(String, String)]) -> String {
        var key = metric.rawValue
        for (name, value) in dimensions {
            key += "\u{1F}" + name + "=" + value
        }
        return key
    }

    private func counter(_ metric: TrialpipeMetric, _ dimensions: [(String, String)]) -> CoreMetrics.Counter {
        let key = Self.key(metric, dimensions)
        return counters.withLock { cache in
            if let found = cache[key] { return found }
            let made = CoreMetrics.Counter(label: metric.rawValue, dimensions: dimensions, factory: factory)
            cache[key] = made
            return made
        }
    }

    private func timer(_ metric: TrialpipeMetric, _ dimensions: [(String, String)]) -> CoreMetrics.Timer {
        let key = Self.key(metric, dimensions)
        return timers.withLock { cache in
            if let found = cache[key] { return found }
            let made = CoreMetrics.Timer(label: metric.rawValue, dimensions: dimensions, factory: factory)
            cache[key] = made
            return made
        }
    }

    private func recorder(_ metric: TrialpipeMetric, _ dimensions: [(String, String)]) -> Recorder {
        let key = Self.key(metric, dimensions)
        return recorders.withLock { cache in
            if let found = cache[key] { return found }
            let made = Recorder(label: metric.rawValue, dimensions: dimensions, aggregate: true, factory: factory)
            cache[key] = made
            return made
        }
    }

    private func gauge(_ metric: TrialpipeMetric, _ dimensions: [(String, String)]) -> Gauge {
        let key = Self.key(metric, dimensions)
        return gauges.withLock { cache in
            if let found = cache[key] { return found }
            let made = Gauge(label: metric.rawValue, dimensions: dimensions, factory: factory)
            cache[key] = made
            return made
        }
    }

    public func sourceStarted(pipeline: String) {
        // Make the pipeline's counters visible at zero before the first document.
        counter(.documentsSkipped, [("pipeline", pipeline)]).increment(by: 0)
        counter(.rescans, [("pipeline", pipeline)]).increment(by: 0)
        counter(.inotifyOverflows, [("pipeline", pipeline)]).increment(by: 0)
        gauge(.backlog, [("pipeline", pipeline)]).record(0)
        gauge(.inFlight, [("pipeline", pipeline)]).record(0)
    }

    public func stageFinished(pipeline: String, stage: String, seconds: Double) {
        timer(.stageDuration, [("pipeline", pipeline), ("stage", stage)])
            .recordNanoseconds(Int64((seconds * 1e9).rounded()))
    }

    public func documentFailed(pipeline: String, name: String, stage: String, code: String) {
        counter(.documentsFailed, [("pipeline", pipeline), ("stage", stage), ("code", code)]).increment()
    }

    public func documentSkipped(pipeline: String, name: String) {
        counter(.documentsSkipped, [("pipeline", pipeline)]).increment()
    }

    public func batchCommitted(pipeline: String, batch: CommittedBatch) {
        var byLayout: [String: Int] = [:]
        let latency = timer(.dropToDurable, [("pipeline", pipeline)])
        for document in batch.documents {
            byLayout[document.layout ?? "unknown", default: 0] += 1
            if let seconds = document.latency { latency.recordNanoseconds(Int64((seconds * 1e9).rounded())) }
        }
        for (layout, count) in byLayout {
            counter(.documentsProcessed, [("pipeline", pipeline), ("layout", layout)]).increment(by: Int64(count))
        }
        for (sink, records) in batch.recordsBySink {
            counter(.recordsWritten, [("pipeline", pipeline), ("sink", sink)]).increment(by: Int64(records))
        }
        recorder(.batchSize, [("pipeline", pipeline)]).record(batch.documents.count)
        gauge(.lastCommit, [("pipeline", pipeline)]).record(batch.committedAt)
    }

    public func batchDeferred(pipeline: String, documents: Int, sink: String?, error: any Error) {
        counter(.batchesDeferred, [("pipeline", pipeline), ("sink", sink ?? "ledger")]).increment()
    }

    public func backlogChanged(pipeline: String, waiting: Int, inFlight: Int) {
        gauge(.backlog, [("pipeline", pipeline)]).record(waiting)
        gauge(.inFlight, [("pipeline", pipeline)]).record(inFlight)
    }

    public func inboxRescanned(pipeline: String, overflow: Bool) {
        counter(.rescans, [("pipeline", pipeline)]).increment()
        if overflow { counter(.inotifyOverflows, [("pipeline", pipeline)]).increment() }
    }

    public func inboxAvailabilityChanged(pipeline: String, available: Bool, path: String) {
        gauge(.inboxAvailable, [("pipeline", pipeline)]).record(available ? 1 : 0)
    }

    public func subprocessRestarted(pipeline: String, stage: String) {
        counter(.subprocessRestarts, [("pipeline", pipeline), ("stage", stage)]).increment()
    }
}
