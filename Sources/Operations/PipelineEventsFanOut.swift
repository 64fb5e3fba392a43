public import Pipeline

/// Passes every pipeline event on to several observers, in order (metrics, health, progress).
public struct PipelineEventsFanOut: PipelineEvents {
    /// The observers.
    public let observers: [any PipelineEvents]

    /// A fan-out to `observers`.
    public init(_ observers: [any PipelineEvents]) { self.observers = observers }

    public func sourceStarted(pipeline: String) {
        for observer in observers { observer.sourceStarted(pipeline: pipeline) }
    }
    public func documentsDiscovered(pipeline: String, count: Int) {
        for observer in observers { observer.documentsDiscovered(pipeline: pipeline, count: count) }
    }
    public func stageFinished(pipeline: String, stage: String, seconds: Double) {
        for observer in observers { observer.stageFinished(pipeline: pipeline, stage: stage, seconds: seconds) }
    }
    public func documentFailed(pipeline: String, name: String, stage: String, code: String) {
        for observer in observers {
            observer.documentFailed(pipeline: pipeline, name: name, stage: stage, code: code)
        }
    }
    public func documentSkipped(pipeline: String, name: String) {
        for observer in observers { observer.documentSkipped(pipeline: pipeline, name: name) }
    }
    public func batchCommitted(pipeline: String, batch: CommittedBatch) {
        for observer in observers { observer.batchCommitted(pipeline: pipeline, batch: batch) }
    }
    public func batchDeferred(pipeline: String, documents: Int, sink: String?, error: any Error) {
        for observer in observers {
            observer.batchDeferred(pipeline: pipeline, documents: documents, sink: sink, error: error)
        }
    }
    public func backlogChanged(pipeline: String, waiting: Int, inFlight: Int) {
        for observer in observers { observer.backlogChanged(pipeline: pipeline, waiting: waiting, inFlight: inFlight) }
    }
    public func inboxRescanned(pipeline: String, overflow: Bool) {
        for observer in observers { observer.inboxRescanned(pipeline: pipeline, overflow: overflow) }
    }
    public func inboxAvailabilityChanged(pipeline: String, available: Bool, path: String) {
        for observer in observers {
            observer.inboxAvailabilityChanged(pipeline: pipeline, available: available, path: path)
        }
    }
    public func subprocessRestarted(pipeline: String, stage: String) {
        for observer in observers { observer.subprocessRestarted(pipeline: pipeline, stage: stage) }
    }
}
