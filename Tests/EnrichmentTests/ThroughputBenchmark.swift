import Enrichment
import Foundation
import Testing
import TrialModel

/// Drug-class enrichment throughput over seed-sized records; prints figures, asserts none.
/// Run with `TRIALPIPE_BENCH=1 swift test -c release --filter ThroughputBenchmark`.
@Suite("Throughput benchmark", .enabled(if: ProcessInfo.processInfo.environment["TRIALPIPE_BENCH"] != nil))
struct ThroughputBenchmark {
    static let recordCount = 1_000

    @Test("drug-class enrichment: bundled dictionary and a synthetic 500-drug dictionary")
    func enrichmentThroughput() throws {
        let seeds = try SeedFiles.seeds()
        let records: [TrialRecord] = (0..<Self.recordCount).map { index in
            let text = seeds[index % seeds.count].text
            var record = makeRecord()
            record.briefSummary = String(text.prefix(600))
            record.detailedDescription = text
            return record
        }
        let bytes = records.reduce(0) {
            $0 + ($1.briefSummary?.utf8.count ?? 0) + ($1.detailedDescription?.utf8.count ?? 0)
        }

        let bundled = try DrugDictionary.bundled()
        measure("bundled dictionary (\(bundled.count) drugs)", dictionary: bundled, records: records, bytes: bytes)
        let synthetic = try SyntheticDictionary.make(drugCount: 500, base: bundled)
        measure(
            "synthetic dictionary (\(synthetic.count) drugs)", dictionary: synthetic, records: records, bytes: bytes)
    }

    private func measure(_ label: String, dictionary: DrugDictionary, records: [TrialRecord], bytes: Int) {
        let clock = ContinuousClock()
        var enricher: DrugClassEnricher?
        let build = clock.measure { enricher = DrugClassEnricher(dictionary: dictionary) }
        guard let enricher else { return }
        var found = 0
        var best = Duration.seconds(1_000)
        for _ in 0..<3 {
            var batch = records
            let elapsed = clock.measure {
                for index in batch.indices { enricher.enrich(&batch[index], annotations: RecordAnnotations()) }
            }
            found = batch.reduce(0) { $0 + $1.drugs.count }
            best = min(best, elapsed)
        }
        let seconds = Double(best.components.seconds) + Double(best.components.attoseconds) / 1e18
        let docsPerSecond = Double(records.count) / seconds
        let megabytesPerSecond = Double(bytes) / seconds / 1_000_000
        print(
            "\(label): matcher built in \(build); \(records.count) records in \(best) (best of 3): "
                + String(format: "%.0f docs/s, %.1f MB/s, %d drugs found", docsPerSecond, megabytesPerSecond, found))
    }
}
