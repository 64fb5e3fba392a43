import Foundation
import GRDB
import PipelineTesting
import Testing
import TrialModel

@testable import RelationalSinks

/// Checks shared by the end-to-end tests, which run the real binary.
enum EndToEnd {
    /// The database holds exactly the latest version of every record in the JSON Lines file, once, and its
    /// tables agree with those records field by field.
    static func expectSameRecords(_ database: some TestDatabase, as jsonl: String) async throws {
        let expected = try TableAgreement.latestRecords(inJSONLines: jsonl)
        let stored = try await TableAgreement.storedRecords(database)
        #expect(stored.map(\.id) == expected.keys.sorted(), "\(database.engine)")
        for record in stored {
            guard let want = expected[record.id] else { continue }
            #expect(
                RecordJSONWriter.encode(record) == RecordJSONWriter.encode(want), "\(database.engine) \(record.id)")
        }
        let rows = RecordRows(expected.values)
        for table in RelationalSchema.allTables {
            #expect(
                try await database.count(table.name) == rows.rowCount(table.name), "\(database.engine) \(table.name)")
        }
        try await TableAgreement.expectAgreement(database)
    }

    /// Drops the seeds and the ClinicalTrials.gov example into a pipeline writing JSON Lines, SQLite and (with
    /// a schema) PostgreSQL, runs it once, and compares every database with the JSON records.
    static func seedsAndExamples(postgresSchema: String?) async throws {
        let folder = try PipelineFolder(postgresSchema: postgresSchema)
        defer { folder.cleanup() }
        try folder.drop(ProjectFiles.seedsAndExamples)
        let run = try folder.run(["run", "--once"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("processed 7, failed 0"), "\(run.stdout)")
        try await expectSameRecords(try SQLiteTestDatabase(path: folder.sqlite), as: folder.jsonl)
        if let postgresSchema {
            try await expectSameRecords(try PostgresTestDatabase(schema: postgresSchema), as: folder.jsonl)
        }
        // A sample of columns against the JSON directly: the example study in both formats is one record.
        let database = try SQLiteTestDatabase(path: folder.sqlite)
        let study = try await database.rows(
            "SELECT nct_id, overall_status, phase, study_type, enrollment FROM studies WHERE record_id = 'NCT03377387'")
        let record = try #require(TableAgreement.latestRecords(inJSONLines: folder.jsonl)["NCT03377387"])
        #expect(
            study == [
                [
                    record.nctId, record.overallStatus?.rawValue,
                    record.phases.isEmpty ? nil : record.phases.map(\.rawValue).joined(separator: "/"),
                    record.studyType?.rawValue, record.enrollment.map { String($0.count) },
                ]
            ])
        let conditions = try await database.rows(
            "SELECT name FROM conditions WHERE record_id = 'NCT03377387' ORDER BY ordinal")
        #expect(conditions.map { $0[0] ?? "" } == record.conditions)
        let drugs = try await database.rows(
            "SELECT name FROM drugs WHERE record_id = 'NCT03377387' ORDER BY ordinal")
        #expect(drugs.map { $0[0] ?? "" } == record.drugs.map(\.name))
        #expect(!record.drugs.isEmpty)
    }

    /// A backlog of 900 documents; the daemon is killed with SIGKILL at three points, then a single pass
    /// finishes. Every table ends as after a clean run of the same documents, one `studies` row per record.
    ///
    /// The first kill comes 0.3 s after start; the others as soon as the restarted daemon has committed
    /// anything more (a commit holds at most 256 documents, so each lands in the middle of the backlog, however
    /// fast the machine).
    static func killedMidBacklog(postgresSchemas: (crashed: String, clean: String)?) async throws {
        let total = 900
        let crashed = try PipelineFolder(postgresSchema: postgresSchemas?.crashed)
        defer { crashed.cleanup() }
        try crashed.dropBacklog(0..<total)
        var killedBeforeTheEnd = 0
        // Progress is read from the file's size (one stat): counting the lines of megabytes every few
        // milliseconds would let the daemon finish between two looks.
        func size() -> Int64 {
            var info = stat()
            return stat(crashed.jsonl, &info) == 0 ? Int64(info.st_size) : 0
        }
        for round in 0..<3 {
            let before = size()
            let daemon = try crashed.start(["run"])
            // Waited for on this thread, not by suspending: on a busy test run a suspended test may not be
            // resumed for seconds, and the daemon would finish the backlog before the kill.
            if round == 0 {
                usleep(300_000)
            } else {
                let deadline = ContinuousClock.now.advanced(by: .seconds(120))
                while size() <= before, ContinuousClock.now < deadline { usleep(2000) }
                #expect(size() > before, "no commit within 120 s")
            }
            kill(daemon.processIdentifier, SIGKILL)
            daemon.waitUntilExit()
            if lineCount(ofFile: crashed.jsonl) < total { killedBeforeTheEnd += 1 }
        }
        #expect(killedBeforeTheEnd >= 2, "the backlog was done before the kills")
        let finish = try crashed.run(["run", "--once"])
        #expect(finish.status == 0, "\(finish.stderr)")

        let clean = try PipelineFolder(postgresSchema: postgresSchemas?.clean)
        defer { clean.cleanup() }
        try clean.dropBacklog(0..<total)
        let cleanRun = try clean.run(["run", "--once"])
        #expect(cleanRun.status == 0, "\(cleanRun.stderr)")

        var pairs: [(any TestDatabase, any TestDatabase)] = [
            (try SQLiteTestDatabase(path: crashed.sqlite), try SQLiteTestDatabase(path: clean.sqlite))
        ]
        if let postgresSchemas {
            pairs.append(
                (
                    try PostgresTestDatabase(schema: postgresSchemas.crashed),
                    try PostgresTestDatabase(schema: postgresSchemas.clean)
                ))
        }
        for (after, reference) in pairs {
            #expect(try await after.count("studies") == total, "\(after.engine)")
            #expect(try await TableAgreement.counts(after) == TableAgreement.counts(reference), "\(after.engine)")
            try await TableAgreement.expectAgreement(after)
        }
        try await expectSameRecords(try SQLiteTestDatabase(path: crashed.sqlite), as: crashed.jsonl)
    }
}

@Suite("Relational sinks end to end", .serialized, .timeLimit(.minutes(5)))
struct RelationalEndToEndTests {
    @Test func seedsAndExamplesGiveTheRowsOfTheirJSONRecords() async throws {
        try await EndToEnd.seedsAndExamples(postgresSchema: nil)
    }

    @Test func killedMidBacklogThenRestartedEachRecordIsThereOnce() async throws {
        try await EndToEnd.killedMidBacklog(postgresSchemas: nil)
    }

    @Test func anIncompatibleSchemaVersionStopsTheRunWithStatusOneAndSaysWhatToDo() async throws {
        let folder = try PipelineFolder(postgresSchema: nil)
        defer { folder.cleanup() }
        try folder.drop(Array(ProjectFiles.seedsAndExamples.prefix(1)))
        #expect(try folder.run(["run", "--once"]).status == 0)
        let database = try SQLiteTestDatabase(path: folder.sqlite)
        try await database.queue.write { try $0.execute(sql: "UPDATE trialpipe_schema SET version = 3") }
        let run = try folder.run(["run", "--once"])
        #expect(run.status == 1)
        #expect(
            run.stderr.contains("holds trialpipe schema version 3, but this trialpipe writes version 2"),
            "\(run.stderr)")
        // The daemon too: it does not keep watching with a pipeline that cannot write.
        let daemon = try folder.run(["run"])
        #expect(daemon.status == 1)
        #expect(daemon.stderr.contains("pipeline 'trials'"), "\(daemon.stderr)")
        #expect(daemon.stderr.contains("cannot start"), "\(daemon.stderr)")
        #expect(
            daemon.stderr.contains("holds trialpipe schema version 3, but this trialpipe writes version 2"),
            "\(daemon.stderr)")
    }

    @Test func thePluginListShowsBothSinksAndABadURLIsReportedWithItsPosition() throws {
        let folder = try PipelineFolder(postgresSchema: nil)
        defer { folder.cleanup() }
        let plugins = try folder.run(["plugins"])
        #expect(plugins.stdout.contains("sqlite") && plugins.stdout.contains("postgres"))
        try folder.folder.write(
            "bad.yaml",
            """
            name: bad
            source:
              type: inbox
              path: Inbox
            sinks:
              - type: postgres
                url: mysql://app@db/trials
            state: Outbox/.bad

            """)
        let validate = try folder.run(["validate", "bad.yaml"])
        #expect(validate.status == 78)
        #expect(validate.stderr.contains("bad.yaml:7:"), "\(validate.stderr)")
        #expect(validate.stderr.contains("must start with postgres://"), "\(validate.stderr)")
    }
}
