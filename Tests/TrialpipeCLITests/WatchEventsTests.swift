import BuiltinPlugins
import Foundation
import Pipeline
import PipelineRuntime
import PipelineTesting
import Testing
import TrialpipeCLI

/// What the watching service reports: its start, what it discovers, rescans, the inbox leaving and returning.
@Suite("Watch events", .serialized, .timeLimit(.minutes(2)))
struct WatchEventsTests {
    @Test func theServiceReportsItsStartRescansAndTheInboxLeavingAndReturning() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        try installDefaultPipeline(in: folder.path)
        try folder.write(
            "Pipelines/default.yaml",
            try #require(folder.read("Pipelines/default.yaml")).replacingOccurrences(
                of: "  after: keep", with: "  after: keep\n  rescan-interval: 0.3"))
        try folder.write("Inbox/first.txt", DaemonTests.document)
        let spec = try PipelineLoader(registry: BuiltinPlugins.registry(), environment: [:], baseDirectory: folder.path)
            .load(file: folder.path + "/Pipelines/default.yaml")
        let events = RecordingPipelineEvents()
        let service = try InboxWatchService(spec: spec, logger: testLogger, events: events)
        let task = Task { try await service.run() }
        defer { service.stop() }

        #expect(await waitUntil(seconds: 60) { events.events(startingWith: "committed ").count == 1 })
        #expect(Array(events.events.prefix(2)) == ["inbox trials available", "started trials"])
        #expect(events.events.contains("discovered trials 1"))
        #expect(await waitUntil(seconds: 60) { !events.events(startingWith: "rescan trials overflow=false").isEmpty })

        try FileManager.default.removeItem(atPath: folder.path + "/Inbox")
        #expect(await waitUntil(seconds: 60) { events.events.contains("inbox trials missing") })
        try FileManager.default.createDirectory(atPath: folder.path + "/Inbox", withIntermediateDirectories: true)
        #expect(await waitUntil(seconds: 60) { events.events(startingWith: "inbox trials available").count == 2 })
        service.stop()
        try await task.value
    }
}
