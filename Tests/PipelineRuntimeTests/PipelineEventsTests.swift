import Foundation
import Pipeline
import PipelineRuntime
import PipelineTesting
import Testing
import TrialModel

@Suite("Runner events")
struct PipelineEventsTests {
    func runner(_ folder: TemporaryFolder, sink: MemorySink, events: RecordingPipelineEvents, batchSize: Int = 256)
        throws -> PipelineRunner
    {
        let spec = PipelineSpec(
            name: "test", file: "test.yaml", source: SourceSpec(inbox: folder.path + "/Inbox"),
            stages: [LineRecordStage()], sinks: [sink], stateDirectory: folder.path + "/state", concurrency: 2)
        return try PipelineRunner(spec: spec, logger: testLogger, batchSize: batchSize, events: events)
    }

    @Test func reportsStagesCommitsFailuresSkipsAndTheBacklog() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        for index in 0..<5 { try folder.write("Inbox/doc\(index).txt", String(format: "NCT%08d\n", index)) }
        try folder.write("Inbox/bad.txt", "FAIL please")
        let events = RecordingPipelineEvents()
        let runner = try runner(folder, sink: MemorySink(), events: events, batchSize: 3)
        try await runner.start()
        _ = await runner.process(names: try runner.listInbox())

        #expect(events.events(startingWith: "stage test line-record ok").count == 6)
        #expect(events.events(startingWith: "failed ") == ["failed test bad.txt line-record test-failure"])
        let commits = events.events(startingWith: "committed ")
        #expect(commits.count == 2)
        #expect(commits.map { $0.components(separatedBy: ":test").count - 1 }.sorted() == [2, 3])
        #expect(commits.allSatisfy { $0.hasSuffix("latency ok") })
        #expect(Set(commits.map { $0.contains("[memory=3]") || $0.contains("[memory=2]") }) == [true])
        let backlog = events.events(startingWith: "backlog ")
        #expect(backlog.first == "backlog test 4 2")
        #expect(backlog.last == "backlog test 0 0")

        _ = await runner.process(names: try runner.listInbox())
        #expect(events.events(startingWith: "skipped ").count == 5)
    }

    @Test func aFailingSinkIsNamedInTheDeferredBatch() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        try folder.write("Inbox/a.txt", "NCT00000001\n")
        let sink = MemorySink()
        await sink.setFailNextWrite(true)
        let events = RecordingPipelineEvents()
        let runner = try runner(folder, sink: sink, events: events)
        try await runner.start()
        let summary = await runner.process(names: ["a.txt"])
        #expect(summary.deferred == 1)
        #expect(events.events(startingWith: "deferred ") == ["deferred test 1 memory"])
        #expect(events.events(startingWith: "committed ").isEmpty)
    }

    /// Sinks write a batch at the same time; when one fails, every sink returns to its checkpoint and the batch
    /// is tried again whole.
    @Test func whenOneOfSeveralSinksFailsEveryOneIsRolledBackAndTheBatchIsTriedAgain() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        for index in 0..<4 { try folder.write("Inbox/doc\(index).txt", String(format: "NCT%08d\n", index)) }
        let (healthy, failing) = (MemorySink(), MemorySink())
        await failing.setFailNextWrite(true)
        let spec = PipelineSpec(
            name: "test", file: "test.yaml", source: SourceSpec(inbox: folder.path + "/Inbox"),
            stages: [LineRecordStage()], sinks: [healthy, failing], stateDirectory: folder.path + "/state",
            concurrency: 2)
        let events = RecordingPipelineEvents()
        let runner = try PipelineRunner(spec: spec, logger: testLogger, events: events)
        try await runner.start()
        let first = await runner.process(names: try runner.listInbox())
        #expect(first.deferred == 4)
        #expect(await healthy.records.isEmpty)
        #expect(await failing.records.isEmpty)
        #expect(events.events(startingWith: "deferred ") == ["deferred test 4 memory"])
        let second = await runner.process(names: try runner.listInbox())
        #expect(second.processed == 4)
        #expect(await healthy.records.map(\.id).sorted() == (0..<4).map { String(format: "NCT%08d", $0) })
        #expect(await failing.records.map(\.id).sorted() == (0..<4).map { String(format: "NCT%08d", $0) })
    }
}
