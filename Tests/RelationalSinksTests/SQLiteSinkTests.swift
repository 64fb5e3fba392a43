import Foundation
import GRDB
import GRDBSQLite
import Pipeline
import PipelineTesting
import Testing
import TrialModel

@testable import RelationalSinks

@Suite("SQLite sink", .timeLimit(.minutes(3)))
struct SQLiteSinkTests {
    static func subject(_ folder: TemporaryFolder) throws -> SinkUnderTest {
        let path = folder.path + "/trials.sqlite"
        return SinkUnderTest(make: { SQLiteSink(path: path) }, database: try SQLiteTestDatabase(path: path))
    }

    @Test func randomRecordsRoundTrip() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        try await SinkBehaviour.randomRecordsRoundTrip(try Self.subject(folder))
    }

    @Test func newerVersionReplacesRowsOlderIsIgnored() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        try await SinkBehaviour.newerVersionReplacesRowsOlderIsIgnored(try Self.subject(folder))
    }

    /// New records take growing study keys (their index entries go at the end); a replaced record's rows move to
    /// the next key, and nothing is left under its old one.
    @Test func studyKeysGrowAndAReplacedRecordMovesToTheNextKey() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let subject = try Self.subject(folder)
        let sink = subject.make()
        try await sink.open()
        let time = "2026-01-01T00:00:00.000Z"
        try await sink.write([
            SinkBehaviour.record("NCT00000002", at: time, conditions: ["Gout"]),
            SinkBehaviour.record("NCT00000001", at: time, conditions: ["Asthma", "COPD"]),
        ])
        try await sink.write([SinkBehaviour.record("NCT00000003", at: time, conditions: ["Flu"])])
        let keys = "SELECT CAST(study_key AS TEXT), record_id FROM studies ORDER BY study_key"
        let database = subject.database
        // A batch is written in id order.
        #expect(
            try await database.rows(keys) == [["1", "NCT00000001"], ["2", "NCT00000002"], ["3", "NCT00000003"]])
        try await sink.write([
            SinkBehaviour.record("NCT00000001", at: "2026-01-02T00:00:00.000Z", conditions: ["Asthma"])
        ])
        #expect(
            try await database.rows(keys) == [["2", "NCT00000002"], ["3", "NCT00000003"], ["4", "NCT00000001"]])
        #expect(
            try await database.rows("SELECT CAST(study_key AS TEXT), name FROM conditions ORDER BY study_key") == [
                ["2", "Gout"], ["3", "Flu"], ["4", "Asthma"],
            ])
        try await TableAgreement.expectAgreement(database)
        try await sink.close()
    }

    /// A batch's rows of one table go in statements of up to 64 rows, which cut across records: every row lands
    /// once, in its order, under its own record's key, however the records' rows fall on a statement's bounds.
    @Test func rowsOfManyStatementsLandOnceUnderTheirOwnRecords() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let subject = try Self.subject(folder)
        let sink = subject.make()
        try await sink.open()
        let time = "2026-01-01T00:00:00.000Z"
        let sizes = [150, 1, 63, 64, 65, 0, 128, 2]
        let records = sizes.enumerated().map { index, size in
            SinkBehaviour.record(
                String(format: "NCT%08d", index + 1), at: time,
                conditions: (0..<size).map { "Condition \(index)-\($0)" })
        }
        try await sink.write(records)
        let counted = try await subject.database.rows(
            """
            SELECT s.record_id, CAST(COUNT(c.ordinal) AS TEXT), CAST(COALESCE(SUM(c.ordinal), 0) AS TEXT), \
            CAST(SUM(c.name = 'Condition ' || (CAST(substr(s.record_id, 4) AS INTEGER) - 1) || '-' || c.ordinal) AS TEXT) \
            FROM studies s LEFT JOIN conditions c ON c.study_key = s.study_key GROUP BY s.record_id ORDER BY s.record_id
            """)
        let expected = sizes.enumerated().map { index, size -> [String?] in
            [
                String(format: "NCT%08d", index + 1), String(size), String(size * (size - 1) / 2),
                size == 0 ? nil : String(size),
            ]
        }
        #expect(counted == expected)
        try await TableAgreement.expectAgreement(subject.database)
        try await sink.close()
    }

    @Test func aVersion1DatabaseIsMigratedInPlace() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let subject = try Self.subject(folder)
        let database = try #require(subject.database as? SQLiteTestDatabase)
        try await SchemaMigrationCheck.version1IsMigratedInPlace(subject) { sql in
            try await database.queue.write { try $0.execute(sql: sql) }
        }
    }

    @Test func rollbackIsANoOpBecauseReplayingABatchReplacesItsRows() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        try await SinkBehaviour.rollbackIsANoOpBecauseReplayingABatchReplacesItsRows(try Self.subject(folder))
    }

    @Test func studiesKeepTheJSONTheRunnerEncodedForEachRecordsLastVersion() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let path = folder.path + "/trials.sqlite"
        var generator = RandomRecords(seed: 5, wild: false)
        let first = generator.fullRecord()
        var newer = first
        newer.referencedBy.append("NCT99999999")
        let other = generator.fullRecord()
        let records = [first, other, newer]
        // Bytes the sink would not write itself (sorted keys), to show it takes them instead of encoding.
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = try records.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        // As the runner holds it.
        let sink: any Sink = SQLiteSink(path: path)
        try await sink.write(records, json: json.map { Array($0.utf8) })
        try await sink.close()
        let database = try SQLiteTestDatabase(path: path)
        let stored = try await database.rows("SELECT record_id, CAST(record AS TEXT) FROM studies ORDER BY record_id")
        #expect(stored == [[first.id, json[2]], [other.id, json[1]]].sorted { $0[0]! < $1[0]! })
    }

    @Test func theDatabaseIsInWALModeAndRecordsTheSchemaVersion() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let sink = SQLiteSink(path: folder.path + "/trials.sqlite")
        try await sink.open()
        try await sink.close()
        let database = try SQLiteTestDatabase(path: folder.path + "/trials.sqlite")
        #expect(try await database.rows("PRAGMA journal_mode") == [["wal"]])
        #expect(try await database.rows("SELECT CAST(version AS TEXT) FROM trialpipe_schema") == [["2"]])
    }

    /// The WAL mode GRDB sets up makes `synchronous` NORMAL (durable only at checkpoints); the sink's connection
    /// must sync the WAL at every commit.
    @Test func commitsAreSyncedAndANewDatabaseHasLargePages() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let sink = SQLiteSink(path: folder.path + "/trials.sqlite")
        #expect(try await sink.setting("synchronous") == "2")
        #expect(try await sink.setting("wal_autocheckpoint") == "0")
        try await sink.close()
        let database = try SQLiteTestDatabase(path: folder.path + "/trials.sqlite")
        #expect(try await database.rows("PRAGMA page_size") == [["32768"]])
    }

    /// Checkpoints run beside the writer, and the writer restarts the log once it passes its limit: the log
    /// stays near the limit however much is written (a passive checkpoint alone never lets it start over while
    /// batches follow each other), and every batch is in the database file.
    @Test func theLogIsCopiedInTheBackgroundAndStaysNearItsLimit() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let path = folder.path + "/trials.sqlite"
        let limit = 256 << 10
        let sink = SQLiteSink(path: path, walLimitBytes: limit)
        var largestLog = 0
        let conditions = (0..<60).map { "Condition \($0) " + String(repeating: "x", count: 200) }
        for batch in 0..<40 {
            let records = (0..<8).map { index in
                SinkBehaviour.record(
                    String(format: "NCT%08d", batch * 8 + index), at: "2026-01-01T00:00:00.000Z",
                    conditions: conditions)
            }
            try await sink.write(records)
            let size = (try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
            largestLog = max(largestLog, size)
        }
        let database = try SQLiteTestDatabase(path: path)
        // Read while the sink is open: a new connection sees every committed batch.
        #expect(try await database.count("studies") == 320)
        #expect(try await database.count("conditions") == 320 * 60)
        try await sink.close()
        let fileSize = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        // Unrestarted, the log would hold every batch (118 MB here: each batch rewrites whole 32 KiB pages);
        // restarted past the limit, it holds the limit and a batch or two.
        #expect(fileSize > 16 * limit)
        #expect(largestLog > 0)
        #expect(largestLog < fileSize)
    }

    /// Someone querying the database holds the log while the sink goes on writing: the writer neither waits
    /// for the reader nor fails, and the reader keeps its snapshot.
    @Test func aReaderHoldingTheLogNeitherStallsNorFailsTheWriter() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let path = folder.path + "/trials.sqlite"
        let sink = SQLiteSink(path: path, walLimitBytes: 64 << 10)
        let conditions = (0..<40).map { "Condition \($0) " + String(repeating: "y", count: 200) }
        func batch(_ number: Int) -> [TrialRecord] {
            (0..<4).map { index in
                SinkBehaviour.record(
                    String(format: "NCT%08d", number * 4 + index), at: "2026-01-01T00:00:00.000Z",
                    conditions: conditions)
            }
        }
        try await sink.write(batch(0))
        var reader: OpaquePointer?
        #expect(sqlite3_open_v2(path, &reader, SQLITE_OPEN_READONLY, nil) == SQLITE_OK)
        defer { sqlite3_close(reader) }
        func studies() -> Int64 {
            var statement: OpaquePointer?
            sqlite3_prepare_v2(reader, "SELECT COUNT(*) FROM studies", -1, &statement, nil)
            defer { sqlite3_finalize(statement) }
            return sqlite3_step(statement) == SQLITE_ROW ? sqlite3_column_int64(statement, 0) : -1
        }
        // An open read transaction pins the log at its snapshot.
        #expect(sqlite3_exec(reader, "BEGIN", nil, nil, nil) == SQLITE_OK)
        #expect(studies() == 4)
        let clock = ContinuousClock()
        let started = clock.now
        for number in 1...12 { try await sink.write(batch(number)) }
        // Waiting for the reader (a busy timeout of 30 s) at any batch would have taken far longer.
        #expect(clock.now - started < .seconds(20))
        #expect(studies() == 4)
        #expect(sqlite3_exec(reader, "COMMIT", nil, nil, nil) == SQLITE_OK)
        #expect(studies() == 52)
        try await sink.write(batch(13))
        try await sink.close()
        #expect(try await SQLiteTestDatabase(path: path).count("studies") == 56)
    }

    /// A database made with SQLite's default page size keeps it.
    @Test func anExistingDatabaseKeepsItsPageSize() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let path = folder.path + "/trials.sqlite"
        let queue = try DatabaseQueue(path: path)
        try await queue.writeWithoutTransaction {
            try $0.execute(sql: "PRAGMA page_size = 4096")
            try $0.execute(sql: "CREATE TABLE notes (text TEXT)")
        }
        try queue.close()
        let sink = SQLiteSink(path: path)
        #expect(try await sink.setting("page_size") == "4096")
        #expect(try await sink.setting("wal_autocheckpoint") == "0")
        let record = SinkBehaviour.record("NCT00000001", at: "2026-01-01T00:00:00.000Z", conditions: ["Gout"])
        try await sink.write([record])
        try await sink.close()
        #expect(try await SQLiteTestDatabase(path: path).count("conditions") == 1)
    }

    @Test func anotherSchemaVersionIsAClearErrorSayingWhatToDo() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let path = folder.path + "/trials.sqlite"
        let sink = SQLiteSink(path: path)
        try await sink.open()
        try await sink.close()
        let queue = try DatabaseQueue(path: path)
        try await queue.write { try $0.execute(sql: "UPDATE trialpipe_schema SET version = 99") }
        try queue.close()
        await #expect {
            try await SQLiteSink(path: path).open()
        } throws: { error in
            let error = error as? RelationalSinkError
            return error?.code == "schema-version" && error?.message.contains("version 99") == true
                && error?.message.contains("writes version 2") == true
                && error?.message.contains("Point `path:` at a new database") == true
        }
    }

    @Test func tablesNotMadeByTrialpipeAreRefused() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let path = folder.path + "/trials.sqlite"
        let queue = try DatabaseQueue(path: path)
        try await queue.write { try $0.execute(sql: "CREATE TABLE studies (nct_id TEXT)") }
        try queue.close()
        await #expect {
            try await SQLiteSink(path: path).open()
        } throws: { error in
            (error as? RelationalSinkError)?.message.contains("trialpipe did not create") == true
        }
    }
}
