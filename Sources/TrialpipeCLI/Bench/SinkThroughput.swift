import Foundation
import Pipeline
import RelationalSinks
import TrialModel

/// `bench --sink`: records per second into one relational sink, from a JSON Lines file of records (what
/// `run --once` with the `jsonl` sink writes), in batches as the runner commits them.
///
/// Every line is written, in the file's order, so that later versions of a record replace earlier ones as
/// they would in a run. The SQLite database goes to a new temporary file; PostgreSQL writes a new schema
/// named `trialpipe_bench_…`, which is dropped afterwards unless `--keep` is given.
struct SinkThroughput {
    /// The relational sinks it measures.
    enum Kind: String, CaseIterable {
        case sqlite
        case postgres
    }

    /// What one measurement found.
    struct Result: Encodable {
        var sink: String
        var records: Int
        var batchSize: Int
        var seconds: Double
        var recordsPerSecond: Double
        /// CPU seconds (user and system) this process spent in the writes and the closing; a PostgreSQL server's are
        /// not counted.
        var cpuSeconds: Double
        /// Where the rows were written (a file, or a PostgreSQL schema).
        var wroteTo: String
    }

    let kind: Kind
    let batchSize: Int
    let postgresURL: String?
    /// Connections the postgres sink splits a batch over.
    let connections: Int
    let work: String
    let keep: Bool

    /// The records of a JSON Lines file, in its order.
    static func records(inJSONLines path: String) throws -> [TrialRecord] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        var records: [TrialRecord] = []
        // Line ends found with memchr over the bytes: searching `Data` slices byte by byte was most of the load.
        try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            guard let base = bytes.baseAddress else { return }
            var start = 0
            while start < bytes.count {
                let found = memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start)
                let end = found.map { base.distance(to: UnsafeRawPointer($0)) } ?? bytes.count
                if end > start {
                    records.append(
                        try RecordJSONReader.record(
                            from: UnsafeRawBufferPointer(start: base + start, count: end - start)))
                }
                start = end + 1
            }
        }
        return records
    }

    /// Writes the records through a new sink and times the writes and the closing (opening not counted).
    func measure(_ records: [TrialRecord]) async throws -> Result {
        let sink: any Sink
        let place: String
        var postgres: (location: PostgresLocation, schema: String)?
        switch kind {
        case .sqlite:
            place = work + "/bench.sqlite"
            sink = SQLiteSink(path: place)
        case .postgres:
            let location = try PostgresLocation(url: postgresURL ?? "")
            let schema = "trialpipe_bench_" + UUID().uuidString.prefix(8).lowercased()
            postgres = (location, schema)
            place = location.display + " schema " + schema
            sink = PostgresSink(location: location, schema: schema, connections: connections)
        }
        try await sink.open()
        // The runner encodes a batch's JSON once for all its sinks, just before they write: not timed, and done for
        // every batch first, so that nothing the sink does in the background (SQLite's checkpoints) runs in
        // untimed gaps between the batches.
        let batches = stride(from: 0, to: records.count, by: batchSize).map { start in
            let batch = Array(records[start..<min(start + batchSize, records.count)])
            return (records: batch, json: batch.map { RecordJSONWriter.encode($0) })
        }
        let clock = ContinuousClock()
        let cpuBefore = Self.cpuSeconds()
        let elapsed = try await clock.measure {
            for batch in batches {
                _ = try await sink.checkpoint()
                try await sink.write(batch.records, json: batch.json)
            }
            // Closing finishes what the writes left to do (the last checkpoint of SQLite's log).
            try await sink.close()
        }
        let cpu = Self.cpuSeconds() - cpuBefore
        if let postgres, !keep {
            try await PostgresSink(location: postgres.location, schema: postgres.schema).dropSchema()
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Result(
            sink: kind.rawValue, records: records.count, batchSize: batchSize, seconds: seconds,
            recordsPerSecond: Double(records.count) / seconds, cpuSeconds: cpu, wroteTo: place)
    }

    /// CPU seconds (user and system, every thread) of this process so far.
    static func cpuSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// The result as a line for people.
    static func line(_ result: Result) -> String {
        String(
            format: "%@: %d records in batches of %d, %.2f s, %.0f records/s (this process: %.2f CPU s)", result.sink,
            result.records, result.batchSize, result.seconds, result.recordsPerSecond, result.cpuSeconds)
    }
}
