import Foundation
import Operations
import Pipeline
import PipelineTesting
import Testing

@Suite("Health and readiness")
struct HealthStateTests {
    struct DiskFull: Error, CustomStringConvertible {
        var description: String { "no space left on device" }
    }

    @Test func healthyUntilTheInboxGoesAndAgainOnceItIsWatchedAgain() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        try folder.write("Inbox/.keep", "")
        try folder.write("state/.keep", "")
        let health = HealthState()
        health.expect(pipeline: "trials", inbox: folder.path + "/Inbox", stateDirectory: folder.path + "/state")
        health.sourceStarted(pipeline: "trials")
        #expect(health.report().httpStatus == 200)

        try FileManager.default.removeItem(atPath: folder.path + "/Inbox")
        let missing = health.report()
        #expect(missing.httpStatus == 503)
        #expect(missing.problems.map(\.check) == ["inbox-missing"])
        #expect(missing.json.contains("\"check\":\"inbox-missing\""))

        health.inboxAvailabilityChanged(pipeline: "trials", available: false, path: folder.path + "/Inbox")
        try folder.write("Inbox/.keep", "")
        #expect(health.report().problems.map(\.check) == ["watcher-stopped"])
        health.inboxAvailabilityChanged(pipeline: "trials", available: true, path: folder.path + "/Inbox")
        #expect(health.report().isHealthy)
    }

    @Test func aFailingSinkOrLedgerIsNamedUntilABatchIsCommitted() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        try folder.write("Inbox/.keep", "")
        let health = HealthState()
        health.expect(pipeline: "trials", inbox: folder.path + "/Inbox", stateDirectory: folder.path + "/state")
        // The state folder does not exist yet: the ledger cannot be written.
        #expect(health.report().problems.map(\.check) == ["ledger-unwritable"])
        try folder.write("state/.keep", "")

        health.batchDeferred(pipeline: "trials", documents: 3, sink: "jsonl", error: DiskFull())
        let report = health.report()
        #expect(report.problems.map(\.check) == ["sink-failing"])
        #expect(report.problems.first?.message.contains("jsonl") == true)
        #expect(report.problems.first?.message.contains("no space left on device") == true)
        health.batchDeferred(pipeline: "trials", documents: 3, sink: nil, error: DiskFull())
        #expect(health.report().problems.map(\.check) == ["sink-failing", "ledger-unwritable"])

        health.batchCommitted(
            pipeline: "trials", batch: CommittedBatch(documents: [], recordsBySink: [], committedAt: 0))
        #expect(health.report().isHealthy)
    }

    @Test func readyOnceEveryExpectedPipelineHasStartedItsListing() {
        let health = HealthState()
        #expect(!health.isReady)
        health.expect(pipeline: "a", inbox: "/nonexistent/a", stateDirectory: "/nonexistent/a-state")
        health.expect(pipeline: "b", inbox: "/nonexistent/b", stateDirectory: "/nonexistent/b-state")
        health.sourceStarted(pipeline: "a")
        #expect(!health.isReady)
        health.sourceStarted(pipeline: "b")
        #expect(health.isReady)
    }

    @Test func theReportIsValidJSONEvenWithQuotesInMessages() throws {
        let report = HealthReport(
            problems: [.init(pipeline: "p", check: "sink-failing", message: "said \"no\"\n\tthen \u{1}")],
            pipelines: ["p"])
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(report.json.utf8)) as? [String: Any])
        #expect(object["status"] as? String == "unhealthy")
        let problems = try #require(object["problems"] as? [[String: String]])
        #expect(problems.first?["message"] == "said \"no\"\n\tthen \u{1}")
    }
}
