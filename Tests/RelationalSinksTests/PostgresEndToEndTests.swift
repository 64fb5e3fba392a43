import Foundation
import PipelineTesting
import Testing

@testable import RelationalSinks

/// The real binary writing PostgreSQL; part of the serialized PostgreSQL suite (one test stops the server).
extension PostgresSinkTests {
    @Test func seedsAndExamplesGiveTheRowsOfTheirJSONRecords() async throws {
        try await EndToEnd.seedsAndExamples(postgresSchema: PostgresTestDatabase.uniqueSchema("seeds"))
    }

    @Test func killedMidBacklogThenRestartedEachRecordIsThereOnce() async throws {
        try await EndToEnd.killedMidBacklog(
            postgresSchemas: (PostgresTestDatabase.uniqueSchema("crashed"), PostgresTestDatabase.uniqueSchema("clean")))
    }

    /// Two daemons, each with its own inbox and state, write one schema at once; half their documents are the
    /// same. Every record ends up once, with rows agreeing with it, and neither run met a deadlock.
    @Test func twoDaemonsWritingOneDatabaseKeepEachRecordOnce() async throws {
        let schema = PostgresTestDatabase.uniqueSchema("shared")
        let first = try PipelineFolder(postgresSchema: schema)
        let second = try PipelineFolder(postgresSchema: schema)
        defer {
            first.cleanup()
            second.cleanup()
        }
        try first.dropBacklog(0..<300)
        try second.dropBacklog(150..<450)
        let out = [first.path + "/run.stderr", second.path + "/run.stderr"]
        let runs = [
            try first.start(["run", "--once"], stderr: out[0]), try second.start(["run", "--once"], stderr: out[1]),
        ]
        for run in runs {
            run.waitUntilExit()
            #expect(run.terminationStatus == 0)
        }
        for file in out {
            let log = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
            #expect(!log.contains("40P01") && !log.contains("deadlock"), "\(log)")
        }
        let database = try PostgresTestDatabase(schema: schema)
        #expect(try await database.count("studies") == 450)
        try await TableAgreement.expectAgreement(database)
    }

    /// The server stops while the daemon works through a backlog: the batch waits, nothing is quarantined,
    /// and once the server is back every record is in the database.
    @Test func aDaemonWaitsOutAStoppedServerAndLosesNothing() async throws {
        let control = try #require(ProcessInfo.processInfo.environment["TRIALPIPE_TEST_POSTGRES_CONTROL"])
        let schema = PostgresTestDatabase.uniqueSchema("outage")
        let folder = try PipelineFolder(postgresSchema: schema)
        defer { folder.cleanup() }
        let total = 600
        try folder.dropBacklog(0..<total)
        let daemon = try folder.start(["run"], stderr: folder.path + "/daemon.stderr")
        #expect(await waitUntil(seconds: 120) { lineCount(ofFile: folder.jsonl) >= 1 })
        try Self.server(control, "stop")
        try await Task.sleep(for: .seconds(3))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/Inbox/.failed"), "a document was quarantined")
        #expect(daemon.isRunning)
        try Self.server(control, "start")
        let database = try PostgresTestDatabase(schema: schema)
        let done = await waitUntil(seconds: 120) {
            lineCount(ofFile: folder.jsonl) >= total && FileManager.default.fileExists(atPath: folder.jsonl)
        }
        #expect(done)
        // The last batch reaches PostgreSQL after the JSON Lines file; give it the time to.
        var count = 0
        for _ in 0..<100 {
            count = (try? await database.count("studies")) ?? 0
            if count == total { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        kill(daemon.processIdentifier, SIGTERM)
        daemon.waitUntilExit()
        #expect(count == total)
        try await TableAgreement.expectAgreement(database)
        let log = (try? String(contentsOfFile: folder.path + "/daemon.stderr", encoding: .utf8)) ?? ""
        #expect(log.contains("is unreachable"), "the outage was not noticed: \(log)")
        let status = try folder.run(["status"])
        #expect(status.stdout.contains("failed 0, pending 0"), "\(status.stdout)")
    }
}
