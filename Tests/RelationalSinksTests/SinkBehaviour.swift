import Foundation
import Pipeline
import PipelineTesting
import Testing
import TrialModel

@testable import RelationalSinks

/// A relational sink under test and the database it writes, read back.
struct SinkUnderTest {
    /// Makes a new sink on the same database (as a restarted daemon would).
    let make: @Sendable () -> any Sink
    let database: any TestDatabase
}

/// What both relational sinks must do, written once and run by each engine's suite.
enum SinkBehaviour {
    static func record(_ id: String, at time: String, conditions: [String], referencedBy: [String] = []) -> TrialRecord
    {
        var record = TrialRecord(
            id: id,
            provenance: Provenance(
                sourcePath: id + ".txt", sha256: "00", bytes: 10, layout: "test", pipeline: "trials",
                processedAt: time))
        record.nctId = id
        record.briefTitle = "Study " + id
        record.conditions = conditions
        record.referencedBy = referencedBy
        return record
    }

    /// Random records (escaping-hostile text included) in several batches: the tables agree with the records
    /// field by field, and `studies.record` gives each record back.
    static func randomRecordsRoundTrip(_ subject: SinkUnderTest) async throws {
        var generator = RandomRecords(seed: 13, wild: true)
        var written: [String: TrialRecord] = [:]
        let sink = subject.make()
        try await sink.open()
        for day in 1...4 {
            var batch: [TrialRecord] = []
            for _ in 0..<40 {
                var record = generator.fullRecord()
                record.id = "NCT" + String(format: "%08d", Int.random(in: 0..<100, using: &generator.rng))
                record.provenance.processedAt = "2026-01-0\(day)T00:00:00.000Z"
                batch.append(record)
            }
            _ = try await sink.checkpoint()
            try await sink.write(batch)
            for record in batch { written[record.id] = record }
        }
        try await sink.close()
        try await TableAgreement.expectAgreement(subject.database)
        let stored = try await TableAgreement.storedRecords(subject.database)
        #expect(stored.count == written.count)
        for record in stored {
            var expected = try #require(written[record.id])
            if subject.database.engine == .postgres { expected = withoutNUL(expected) }
            #expect(RecordJSONWriter.encode(record) == RecordJSONWriter.encode(expected), "\(record.id)")
        }
    }

    /// PostgreSQL text cannot hold NUL; the sink writes U+FFFD instead.
    static func withoutNUL(_ record: TrialRecord) -> TrialRecord {
        let json = String(decoding: RecordJSONWriter.encode(record), as: UTF8.self)
            .replacingOccurrences(of: "\\u0000", with: "\u{FFFD}")
        return (try? JSONDecoder().decode(TrialRecord.self, from: Data(json.utf8))) ?? record
    }

    /// A newer version (a backlink added, a condition dropped) replaces every row of its record; an older one
    /// is ignored; other records are untouched.
    static func newerVersionReplacesRowsOlderIsIgnored(_ subject: SinkUnderTest) async throws {
        let sink = subject.make()
        try await sink.open()
        let first = record("NCT00000001", at: "2026-01-01T00:00:00.000Z", conditions: ["Asthma", "COPD"])
        let other = record("NCT00000002", at: "2026-01-01T00:00:00.000Z", conditions: ["Gout"])
        try await sink.write([first, other])
        let relinked = record(
            "NCT00000001", at: "2026-01-01T00:00:00.000Z", conditions: ["Asthma"], referencedBy: ["NCT00000002"])
        try await sink.write([relinked])
        let database = subject.database
        #expect(
            try await database.rows("SELECT record_id, referencing_record_id FROM referenced_by") == [
                ["NCT00000001", "NCT00000002"]
            ])
        #expect(
            try await database.rows("SELECT record_id, name FROM conditions ORDER BY record_id, ordinal") == [
                ["NCT00000001", "Asthma"], ["NCT00000002", "Gout"],
            ])
        let older = record("NCT00000001", at: "2025-12-31T23:59:59.000Z", conditions: ["Old"])
        try await sink.write([older])
        #expect(try await database.count("conditions") == 2)
        #expect(try await database.count("studies") == 2)
        try await TableAgreement.expectAgreement(database)
        try await sink.close()
    }

    /// After a crash between the sink's commit and the ledger's, the runner rolls back (nothing to do) and
    /// writes the same batch again: the tables are exactly as after one write.
    static func rollbackIsANoOpBecauseReplayingABatchReplacesItsRows(_ subject: SinkUnderTest) async throws {
        var generator = RandomRecords(seed: 21, wild: false)
        let batch = (0..<30).map { _ in generator.fullRecord() }
        let sink = subject.make()
        try await sink.open()
        let checkpoint = try await sink.checkpoint()
        try await sink.write(batch)
        let once = try await TableAgreement.counts(subject.database)
        try await sink.close()

        let restarted = subject.make()
        try await restarted.open()
        try await restarted.rollback(to: checkpoint)
        #expect(try await TableAgreement.counts(subject.database) == once, "rollback changed the tables")
        try await restarted.write(batch)
        #expect(try await TableAgreement.counts(subject.database) == once)
        try await TableAgreement.expectAgreement(subject.database)
        try await restarted.close()
    }
}
