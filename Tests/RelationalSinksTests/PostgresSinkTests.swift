import Foundation
import Logging
import Pipeline
import PipelineTesting
import Synchronization
import Testing
import TrialModel

@testable import RelationalSinks

/// The `postgres` sink against the real server `Scripts/with-postgres` starts. One serialized suite: one of its
/// tests stops and restarts the server.
@Suite(
    "PostgreSQL sink", .serialized, .timeLimit(.minutes(5)),
    .enabled(if: PostgresTestDatabase.serverURL != nil, PostgresTestDatabase.skipReason))
struct PostgresSinkTests {
    static func subject(_ prefix: String) throws -> SinkUnderTest {
        let schema = PostgresTestDatabase.uniqueSchema(prefix)
        let location = try PostgresLocation(url: PostgresTestDatabase.serverURL ?? "")
        return SinkUnderTest(
            make: { PostgresSink(location: location, schema: schema, retryDelays: (0.05, 0.5)) },
            database: try PostgresTestDatabase(schema: schema))
    }

    @Test func randomRecordsRoundTrip() async throws {
        try await SinkBehaviour.randomRecordsRoundTrip(try Self.subject("random"))
    }

    @Test func newerVersionReplacesRowsOlderIsIgnored() async throws {
        try await SinkBehaviour.newerVersionReplacesRowsOlderIsIgnored(try Self.subject("newer"))
    }

    @Test func aVersion1SchemaIsMigratedInPlace() async throws {
        let subject = try Self.subject("migrate")
        let database = try #require(subject.database as? PostgresTestDatabase)
        try await database.execute("CREATE SCHEMA \"\(database.schema)\"")
        try await SchemaMigrationCheck.version1IsMigratedInPlace(subject) { sql in try await database.execute(sql) }
    }

    @Test func rollbackIsANoOpBecauseReplayingABatchReplacesItsRows() async throws {
        try await SinkBehaviour.rollbackIsANoOpBecauseReplayingABatchReplacesItsRows(try Self.subject("replay"))
    }

    @Test func theShippedDDLHasExactlyTheTablesAndColumnsTheSinkFills() async throws {
        let subject = try Self.subject("ddl")
        let sink = subject.make()
        try await sink.open()
        try await sink.close()
        guard let database = subject.database as? PostgresTestDatabase else { return }
        for table in RelationalSchema.allTables {
            let columns = try await database.rows(
                """
                SELECT column_name::text FROM information_schema.columns
                WHERE table_schema = '\(database.schema)' AND table_name = '\(table.name)' ORDER BY ordinal_position
                """
            ).map { $0[0] ?? "" }
            #expect(columns == table.storedColumns, "\(table.name)")
        }
        #expect(
            try await database.rows(
                "SELECT data_type::text FROM information_schema.columns WHERE table_schema = '\(database.schema)' AND column_name = 'record'"
            ) == [["jsonb"]])
    }

    @Test func anotherSchemaVersionIsAClearErrorSayingWhatToDo() async throws {
        let subject = try Self.subject("version")
        let sink = subject.make()
        try await sink.open()
        try await sink.close()
        guard let database = subject.database as? PostgresTestDatabase else { return }
        try await database.execute("UPDATE trialpipe_schema SET version = 7")
        await #expect {
            try await subject.make().open()
        } throws: { error in
            let error = error as? RelationalSinkError
            return error?.code == "schema-version" && error?.message.contains("version 7") == true
                && error?.message.contains("Point `schema:` at a new database") == true
        }
    }

    /// A batch split over four connections lands whole; after a crash that left only some parts committed,
    /// the batch written again gives exactly the rows of one clean write.
    @Test func aBatchSplitOverConnectionsLandsWholeAndAPartlyWrittenOneIsMadeWhole() async throws {
        var generator = RandomRecords(seed: 34, wild: false)
        var batch = (0..<300).map { _ in generator.fullRecord() }
        for index in batch.indices { batch[index].id = String(format: "NCT3%07d", index) }
        let location = try PostgresLocation(url: PostgresTestDatabase.serverURL ?? "")

        let cleanSchema = PostgresTestDatabase.uniqueSchema("parts_clean")
        let clean = PostgresSink(location: location, schema: cleanSchema, connections: 4)
        try await clean.open()
        try await clean.write(batch)
        await clean.close()
        let cleanDatabase = try PostgresTestDatabase(schema: cleanSchema)
        #expect(try await cleanDatabase.count("studies") == 300)
        try await TableAgreement.expectAgreement(cleanDatabase)

        let crashedSchema = PostgresTestDatabase.uniqueSchema("parts_crashed")
        let crashedDatabase = try PostgresTestDatabase(schema: crashedSchema)
        let parts = PostgresSink.parts(of: LatestVersions.of(batch), count: 4)
        #expect(parts.count == 4)
        let before = PostgresSink(location: location, schema: crashedSchema, connections: 1)
        try await before.open()
        for part in [parts[1], parts[3]] { try await before.write(part) }
        await before.close()
        let restarted = PostgresSink(location: location, schema: crashedSchema, connections: 4)
        try await restarted.open()
        await restarted.rollback(to: restarted.checkpoint())
        try await restarted.write(batch)
        await restarted.close()
        #expect(try await TableAgreement.counts(crashedDatabase) == TableAgreement.counts(cleanDatabase))
        try await TableAgreement.expectAgreement(crashedDatabase)
    }

    /// Replacing records deletes their old rows through each table's primary key, however small the tables were
    /// when the connection first deleted: a plan kept from then read every child table whole on every batch.
    @Test func replacedRecordsAreDeletedThroughTheKeyNotByReadingWholeTables() async throws {
        let schema = PostgresTestDatabase.uniqueSchema("deletes")
        let database = try PostgresTestDatabase(schema: schema)
        let sink = PostgresSink(
            location: try PostgresLocation(url: PostgresTestDatabase.serverURL ?? ""), schema: schema, connections: 1)
        var generator = RandomRecords(seed: 51, wild: false)
        var records = (0..<1_540).map { _ in generator.fullRecord() }
        for index in records.indices {
            records[index].id = String(format: "NCT5%07d", index)
            records[index].provenance.processedAt = "2026-01-01T00:00:00.000Z"
        }
        func newer(_ part: ArraySlice<TrialRecord>) -> [TrialRecord] {
            part.map { record in
                var record = record
                record.provenance.processedAt = "2026-01-02T00:00:00.000Z"
                return record
            }
        }
        try await sink.open()
        // The first replacement comes while the tables hold a few pages: that is when a plan would be made.
        try await sink.write(Array(records[..<40]))
        try await sink.write(newer(records[..<40]))
        for start in stride(from: 40, to: records.count, by: 250) {
            try await sink.write(Array(records[start..<min(start + 250, records.count)]))
        }
        // Then small replacements among many rows, where a read through the key is the cheaper plan.
        for start in stride(from: 40, to: 240, by: 20) { try await sink.write(newer(records[start..<(start + 20)])) }
        await sink.close()

        // The server publishes a connection's counts once it has ended: wait for the 240 replaced studies.
        let deadline = ContinuousClock.now + .seconds(20)
        var updated = 0
        while updated < 240, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(100))
            updated =
                Int(
                    try await database.rows(
                        "SELECT n_tup_upd::text FROM pg_stat_user_tables WHERE schemaname = '\(schema)' AND relname = 'studies'"
                    ).first?[0] ?? "0") ?? 0
        }
        #expect(updated == 240)
        let counts =
            try await database.rows(
                """
                SELECT COALESCE(sum(seq_tup_read), 0)::text, COALESCE(sum(n_live_tup), 0)::text, \
                COALESCE(sum(n_tup_del), 0)::text FROM pg_stat_user_tables \
                WHERE schemaname = '\(schema)' AND relname <> 'studies' AND relname <> 'trialpipe_schema'
                """
            ).first ?? []
        let (scanned, rows, deleted) = (
            Int(counts[0] ?? "") ?? -1, Int(counts[1] ?? "") ?? -1, Int(counts[2] ?? "") ?? -1
        )
        #expect(deleted > 5_000)
        // Read whole on each of the ten later batches, the tables would give ten times `rows`.
        #expect(scanned >= 0 && scanned < rows / 4, "\(scanned) rows read by scans of \(rows) child rows")
    }

    @Test func anUnreachableServerAtStartUpIsAClearError() async throws {
        let location = try PostgresLocation(url: "postgres://nobody@127.0.0.1:1/none")
        await #expect {
            try await PostgresSink(location: location).open()
        } throws: { error in
            (error as? RelationalSinkError)?.message.contains("cannot connect to postgres://nobody@127.0.0.1:1/none")
                == true
        }
    }

    /// The server stops while a batch is written: the write waits, retrying, and lands once the server is
    /// back; nothing is lost and nothing doubled.
    @Test func aBatchWaitsForAStoppedServerAndLandsWhenItIsBack() async throws {
        let control = try #require(
            ProcessInfo.processInfo.environment["TRIALPIPE_TEST_POSTGRES_CONTROL"],
            "Scripts/with-postgres sets TRIALPIPE_TEST_POSTGRES_CONTROL")
        let subject = try Self.subject("dropped")
        var generator = RandomRecords(seed: 5, wild: false)
        var first = (0..<20).map { _ in generator.fullRecord() }
        // Enough records that the batch is split over the sink's connections while the server is away.
        var second = (0..<80).map { _ in generator.fullRecord() }
        for index in first.indices { first[index].id = String(format: "NCT1%07d", index) }
        for index in second.indices { second[index].id = String(format: "NCT2%07d", index) }
        let sink = subject.make()
        try await sink.open()
        try await sink.write(first)

        try Self.server(control, "stop")
        let landed = Flag()
        let writing = Task {
            try await sink.write(second)
            landed.raise()
        }
        try await Task.sleep(for: .seconds(2))
        #expect(!landed.isRaised, "the write returned while the server was down")
        try Self.server(control, "start")
        try await writing.value
        try await sink.close()

        #expect(try await subject.database.count("studies") == 100)
        try await TableAgreement.expectAgreement(subject.database)
    }

    /// Runs the server's control script and waits for it with `waitpid` (Foundation's `Process` waits for
    /// the descriptors the started server inherits, which stay open).
    static func server(_ control: String, _ verb: String) throws {
        var pid: pid_t = 0
        let arguments = [control, verb]
        var argv = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        let spawned = posix_spawn(&pid, control, nil, nil, &argv, environ)
        #expect(spawned == 0, "cannot run \(control)")
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        #expect(status == 0, "\(control) \(verb) failed with status \(status)")
    }
}

/// A flag one task raises and another reads.
final class Flag: Sendable {
    private let value = Atomic<Bool>(false)
    func raise() { value.store(true, ordering: .sequentiallyConsistent) }
    var isRaised: Bool { value.load(ordering: .sequentiallyConsistent) }
}
