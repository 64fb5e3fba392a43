import Foundation
import Pipeline
import PipelineTesting
import Testing
import TrialModel

@testable import RelationalSinks

/// Records per second into each relational sink, for release builds; skipped unless `TRIALPIPE_SINK_BENCH`
/// names a JSON Lines file of records (e.g. the output of `trialpipe run --once` over the 20,000-document
/// corpus of `../shared/bench/make_corpus.py`). Batches of 256 records, as the runner commits them.
@Suite("Relational sink throughput", .serialized)
struct SinkThroughputTests {
    static let file = ProcessInfo.processInfo.environment["TRIALPIPE_SINK_BENCH"]

    static func records() throws -> [TrialRecord] {
        try TableAgreement.latestRecords(inJSONLines: file ?? "").values.sorted { $0.id < $1.id }
    }

    static func measure(_ sink: any Sink, _ records: [TrialRecord]) async throws -> Double {
        try await sink.open()
        let clock = ContinuousClock()
        let elapsed = try await clock.measure {
            var start = 0
            while start < records.count {
                let end = min(start + 256, records.count)
                _ = try await sink.checkpoint()
                try await sink.write(Array(records[start..<end]))
                start = end
            }
        }
        try await sink.close()
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    static func report(_ name: String, _ count: Int, _ seconds: Double) {
        print(
            "\(name): \(count) records in \(String(format: "%.2f", seconds)) s = \(Int(Double(count) / seconds)) records/s"
        )
    }

    @Test(.enabled(if: file != nil)) func sqlite() async throws {
        let records = try Self.records()
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let seconds = try await Self.measure(SQLiteSink(path: folder.path + "/bench.sqlite"), records)
        Self.report("sqlite", records.count, seconds)
        #expect(try await SQLiteTestDatabase(path: folder.path + "/bench.sqlite").count("studies") == records.count)
    }

    @Test(.enabled(if: file != nil && PostgresTestDatabase.serverURL != nil)) func postgres() async throws {
        let records = try Self.records()
        let schema = PostgresTestDatabase.uniqueSchema("bench")
        let location = try PostgresLocation(url: PostgresTestDatabase.serverURL ?? "")
        let seconds = try await Self.measure(PostgresSink(location: location, schema: schema), records)
        Self.report("postgres", records.count, seconds)
        #expect(try await PostgresTestDatabase(schema: schema).count("studies") == records.count)
    }
}
