/// What a running pipeline tells observers (metrics, progress, tests) as documents move through it.
///
/// Every method has an empty default, so an observer implements only what it needs. Methods are called on
/// the pipeline's own tasks and must return quickly: record a number, never block or wait.
public protocol PipelineEvents: Sendable {
    /// The source has started its first listing of the inbox (the pipeline is ready).
    func sourceStarted(pipeline: String)
    /// Documents were found waiting in the inbox (a listing or a watcher batch): `count` new candidates.
    func documentsDiscovered(pipeline: String, count: Int)
    /// One stage finished one document (or failed on it).
    func stageFinished(pipeline: String, stage: String, seconds: Double)
    /// A document was quarantined: the stage that failed (or `source`) and the error code.
    func documentFailed(pipeline: String, name: String, stage: String, code: String)
    /// A document was skipped unread or unprocessed because the ledger already knows it.
    func documentSkipped(pipeline: String, name: String)
    /// A batch is durable in every sink.
    func batchCommitted(pipeline: String, batch: CommittedBatch)
    /// A batch could not be written; its documents stay pending and are tried again.
    func batchDeferred(pipeline: String, documents: Int, sink: String?, error: any Error)
    /// How many documents are waiting and how many are being processed now.
    func backlogChanged(pipeline: String, waiting: Int, inFlight: Int)
    /// The source listed the inbox again (`overflow`: because the kernel's event queue overflowed).
    func inboxRescanned(pipeline: String, overflow: Bool)
    /// The inbox folder is missing (`false`) or present and watched (`true`).
    func inboxAvailabilityChanged(pipeline: String, available: Bool, path: String)
    /// A stage restarted a subprocess it depends on (`exec`).
    func subprocessRestarted(pipeline: String, stage: String)
}

/// What one committed batch held.
public struct CommittedBatch: Sendable {
    /// One committed document.
    public struct Document: Sendable {
        /// The inbox name.
        public var name: String
        /// The layout extract recognised, when it said.
        public var layout: String?
        /// Seconds from the file's arrival (first seen) to its records being durable.
        public var latency: Double?

        /// Creates a document entry.
        public init(name: String, layout: String?, latency: Double?) {
            self.name = name
            self.layout = layout
            self.latency = latency
        }
    }

    /// The documents, in commit order.
    public var documents: [Document]
    /// Records written to each sink, by sink type name (a rewritten earlier record counts too).
    public var recordsBySink: [(sink: String, records: Int)]
    /// When the batch became durable (seconds since 1970).
    public var committedAt: Double

    /// Creates a batch description.
    public init(documents: [Document], recordsBySink: [(sink: String, records: Int)], committedAt: Double) {
        self.documents = documents
        self.recordsBySink = recordsBySink
        self.committedAt = committedAt
    }
}

extension PipelineEvents {
    public func sourceStarted(pipeline: String) {}
    public func documentsDiscovered(pipeline: String, count: Int) {}
    public func stageFinished(pipeline: String, stage: String, seconds: Double) {}
    public func documentFailed(pipeline: String, name: String, stage: String, code: String) {}
    public func documentSkipped(pipeline: String, name: String) {}
    public func batchCommitted(pipeline: String, batch: CommittedBatch) {}
    public func batchDeferred(pipeline: String, documents: Int, sink: String?, error: any Error) {}
    public func backlogChanged(pipeline: String, waiting: Int, inFlight: Int) {}
    public func inboxRescanned(pipeline: String, overflow: Bool) {}
    public func inboxAvailabilityChanged(pipeline: String, available: Bool, path: String) {}
    public func subprocessRestarted(pipeline: String, stage: String) {}
}

/// Observers that want nothing.
public struct NoPipelineEvents: PipelineEvents {
    /// Creates the empty observer.
    public init() {}
}
