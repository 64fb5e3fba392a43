public import Pipeline
import Synchronization

/// A pipeline-events observer that keeps every event as a line of text, for tests to look at.
public final class RecordingPipelineEvents: PipelineEvents {
    private let lines = Mutex<[String]>([])

    /// An empty recording.
    public init() {}

    /// The events so far, oldest first, e.g. `failed test bad.txt line-record test-failure`.
    public var events: [String] { lines.withLock { $0 } }

    /// The events so far that start with `prefix`.
    public func events(startingWith prefix: String) -> [String] { events.filter { $0.hasPrefix(prefix) } }

    private func add(_ line: String) { lines.withLock { $0.append(line) } }

    public func sourceStarted(pipeline: String) { add("started \(pipeline)") }
    public func documentsDiscovered(pipeline: String, count: Int) { add("discovered \(pipeline) \(count)") }
    public func stageFinished(pipeline: String, stage: String, seconds: Double) {
        add("stage \(pipeline) \(stage) \(seconds >= 0 ? "ok" : "negative")")
    }
    public func documentFailed(pipeline: String, name: String, stage: String, code: String) {
        add("failed \(pipeline) \(name) \(stage) \(code)")
    }
    public func documentSkipped(pipeline: String, name: String) { add("skipped \(pipeline) \(name)") }
    public func batchCommitted(pipeline: String, batch: CommittedBatch) {
        let documents = batch.documents.map { "\($0.name):\($0.layout ?? "-")" }.joined(separator: ",")
        let sinks = batch.recordsBySink.map { "\($0.sink)=\($0.records)" }.joined(separator: ",")
        let waited = batch.documents.allSatisfy { ($0.latency ?? -1) >= 0 }
        add("committed \(pipeline) [\(documents)] [\(sinks)] latency \(waited ? "ok" : "missing")")
    }
    public func batchDeferred(pipeline: String, documents: Int, sink: String?, error: any Error) {
        add("deferred \(pipeline) \(documents) \(sink ?? "ledger")")
    }
    public func backlogChanged(pipeline: String, waiting: Int, inFlight: Int) {
        add("backlog \(pipeline) \(waiting) \(inFlight)")
    }
    public func inboxRescanned(pipeline: String, overflow: Bool) { add("rescan \(pipeline) overflow=\(overflow)") }
    public func inboxAvailabilityChanged(pipeline: String, available: Bool, path: String) {
        add("inbox \(pipeline) \(available ? "available" : "missing")")
    }
    public func subprocessRestarted(pipeline: String, stage: String) { add("restarted \(pipeline) \(stage)") }
}
