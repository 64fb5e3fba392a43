import Foundation
import Operations
import Pipeline

/// What recording metrics costs per document: the events one document causes with the default stages (four
/// stage durations, two backlog updates, its share of a 256-document batch), timed over many documents.
enum MetricsCost {
    /// Microseconds of metrics and health recording per document.
    static func microsecondsPerDocument(documents: Int = 102_400) -> Double {
        let factory = CatalogMetricsFactory()
        let events = PipelineEventsFanOut([PipelineMetrics(factory: factory), HealthState()])
        let stages = ["extract", "drug-class", "nct-xref", "see-also"]
        let batch = CommittedBatch(
            documents: (0..<256).map { .init(name: "d\($0).txt", layout: "medpath", latency: 0.01) },
            recordsBySink: [("jsonl", 300), ("xml", 300)], committedAt: Date().timeIntervalSince1970)
        let took = ContinuousClock().measure {
            for index in 0..<documents {
                for stage in stages { events.stageFinished(pipeline: "bench", stage: stage, seconds: 0.0004) }
                events.backlogChanged(pipeline: "bench", waiting: documents - index, inFlight: 2)
                events.backlogChanged(pipeline: "bench", waiting: documents - index, inFlight: 1)
                if index % 256 == 255 { events.batchCommitted(pipeline: "bench", batch: batch) }
            }
        }
        return (Double(took.components.seconds) * 1e6 + Double(took.components.attoseconds) / 1e12) / Double(documents)
    }
}
