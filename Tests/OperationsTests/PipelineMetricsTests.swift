import Operations
import Pipeline
import Testing

@Suite("Metrics")
struct PipelineMetricsTests {
    func exposition(_ factory: CatalogMetricsFactory) -> String {
        String(decoding: factory.exposition(), as: UTF8.self)
    }

    @Test func eventsBecomeCountersHistogramsAndGaugesWithHelpAndLabels() {
        let factory = CatalogMetricsFactory()
        let metrics = PipelineMetrics(factory: factory)
        metrics.sourceStarted(pipeline: "trials")
        metrics.stageFinished(pipeline: "trials", stage: "extract", seconds: 0.003)
        metrics.stageFinished(pipeline: "trials", stage: "extract", seconds: 0.2)
        metrics.documentFailed(pipeline: "trials", name: "x.txt", stage: "source", code: "too-large")
        metrics.documentSkipped(pipeline: "trials", name: "y.txt")
        metrics.batchCommitted(
            pipeline: "trials",
            batch: CommittedBatch(
                documents: [
                    .init(name: "a.xml", layout: "ctgov-xml", latency: 0.012),
                    .init(name: "b.xml", layout: "ctgov-xml", latency: 0.020),
                    .init(name: "c.txt", layout: "medpath", latency: nil),
                ],
                recordsBySink: [("jsonl", 4), ("xml", 4)], committedAt: 1_700_000_000.5))
        metrics.backlogChanged(pipeline: "trials", waiting: 7, inFlight: 2)
        metrics.inboxRescanned(pipeline: "trials", overflow: true)
        metrics.inboxRescanned(pipeline: "trials", overflow: false)
        metrics.subprocessRestarted(pipeline: "trials", stage: "exec")
        metrics.batchDeferred(pipeline: "trials", documents: 2, sink: "xml", error: CancellationError())
        let text = exposition(factory)
        let expected = [
            "# TYPE trialpipe_documents_processed_total counter",
            #"trialpipe_documents_processed_total{pipeline="trials",layout="ctgov-xml"} 2"#,
            #"trialpipe_documents_processed_total{pipeline="trials",layout="medpath"} 1"#,
            #"trialpipe_documents_failed_total{pipeline="trials",stage="source",code="too-large"} 1"#,
            #"trialpipe_documents_skipped_total{pipeline="trials"} 1"#,
            #"trialpipe_records_written_total{pipeline="trials",sink="jsonl"} 4"#,
            #"trialpipe_stage_duration_seconds_count{pipeline="trials",stage="extract"} 2"#,
            #"trialpipe_stage_duration_seconds_bucket{pipeline="trials",stage="extract",le="0.005"} 1"#,
            #"trialpipe_drop_to_durable_seconds_count{pipeline="trials"} 2"#,
            #"trialpipe_batch_documents_sum{pipeline="trials"} 3.0"#,
            #"trialpipe_backlog_documents{pipeline="trials"} 7.0"#,
            #"trialpipe_in_flight_documents{pipeline="trials"} 2.0"#,
            #"trialpipe_last_commit_timestamp_seconds{pipeline="trials"} 1700000000.5"#,
            #"trialpipe_inbox_rescans_total{pipeline="trials"} 2"#,
            #"trialpipe_inotify_overflows_total{pipeline="trials"} 1"#,
            #"trialpipe_exec_restarts_total{pipeline="trials",stage="exec"} 1"#,
            #"trialpipe_batches_deferred_total{pipeline="trials",sink="xml"} 1"#,
            "# HELP trialpipe_stage_duration_seconds Seconds one stage spent on one document.",
        ]
        for line in expected {
            #expect(text.contains(line + "\n"), "missing: \(line)")
        }
    }

    @Test func everyMetricFollowsThePrometheusNamingRules() {
        for metric in TrialpipeMetric.allCases {
            #expect(metric.name.hasPrefix("trialpipe_"))
            #expect(metric.name.allSatisfy { $0.isLowercase || $0 == "_" })
            if case .counter = metric.kind { #expect(metric.name.hasSuffix("_total")) }
            if case .durationHistogram = metric.kind { #expect(metric.name.hasSuffix("_seconds")) }
            #expect(metric.help.hasSuffix("."))
        }
    }
}
