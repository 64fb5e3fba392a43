import Foundation
import Operations
import Pipeline
import Testing

@Suite("Metrics cost")
struct MetricsCostTests {
    /// The events one document causes in the runner with the default pipeline: four stage durations, two
    /// backlog updates and its share of a 256-document batch commit.
    @Test func recordingOneDocumentsEventsCostsMicroseconds() {
        let factory = CatalogMetricsFactory()
        let events = PipelineEventsFanOut([PipelineMetrics(factory: factory), HealthState()])
        let stages = ["extract", "drug-class", "nct-xref", "see-also"]
        let batch = CommittedBatch(
            documents: (0..<256).map { .init(name: "d\($0).txt", layout: "medpath", latency: 0.01) },
            recordsBySink: [("jsonl", 300), ("xml", 300)], committedAt: 1_700_000_000)
        let documents = 256 * 200
        let clock = ContinuousClock()
        let took = clock.measure {
            for index in 0..<documents {
                for stage in stages { events.stageFinished(pipeline: "trials", stage: stage, seconds: 0.0004) }
                events.backlogChanged(pipeline: "trials", waiting: index, inFlight: 2)
                events.backlogChanged(pipeline: "trials", waiting: index, inFlight: 1)
                if index % 256 == 255 { events.batchCommitted(pipeline: "trials", batch: batch) }
            }
        }
        let microseconds =
            (Double(took.components.seconds) * 1e6 + Double(took.components.attoseconds) / 1e12)
            / Double(documents)
        print("metrics: \(String(format: "%.2f", microseconds)) µs of events per document")
        // A regression guard, loose enough for a debug build on a busy machine; `trialpipe bench --metrics`
        // reports the cost against the measured time per document.
        #expect(microseconds < 250)
        let exposition = String(decoding: factory.exposition(), as: UTF8.self)
        #expect(exposition.contains(#"trialpipe_documents_processed_total{pipeline="trials",layout="medpath"} 51200"#))
    }
}
