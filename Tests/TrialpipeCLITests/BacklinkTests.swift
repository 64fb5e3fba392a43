import BuiltinPlugins
import Foundation
import Pipeline
import PipelineRuntime
import PipelineTesting
import Testing
import TrialModel

/// Two documents that name each other, in both orders and across a restart.
@Suite("Backlinks", .timeLimit(.minutes(1)))
struct BacklinkTests {
    static func page(_ own: String, mentions other: String) -> String {
        """
        Clinical Trial Details — Status: Recruiting

        Administrative data

        NCT number \(own)
        Phase Phase 2

        Clinical Trial Summary

        A study of lenalidomide. Patients from the earlier study \(other) may enrol.
        """
    }

    func runner(_ folder: TemporaryFolder) throws -> (PipelineRunner, MemorySink) {
        let sink = MemorySink()
        let spec = PipelineSpec(
            name: "links", file: "links.yaml", source: SourceSpec(inbox: folder.path + "/Inbox"),
            stages: try BuiltinPlugins.defaultStages(), sinks: [sink], stateDirectory: folder.path + "/state",
            concurrency: 2)
        return (try PipelineRunner(spec: spec, logger: testLogger), sink)
    }

    @Test(arguments: [false, true])
    func theEarlierRecordIsWrittenAgainWithItsBacklink(restartBetween: Bool) async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        var (runner, sink) = try runner(folder)
        try await runner.start()
        try folder.write("Inbox/a.txt", Self.page("NCT00000011", mentions: "NCT00000022"))
        _ = await runner.process(names: ["a.txt"])
        let first = try #require(await sink.records.last)
        #expect(first.id == "NCT00000011")
        #expect(first.crossReferences.map(\.nctId) == ["NCT00000022"])
        #expect(first.crossReferences.first?.inCorpus == false)
        #expect(first.referencedBy.isEmpty)
        if restartBetween {
            await runner.stop()
            (runner, sink) = try self.runner(folder)
            try await runner.start()
        }
        try folder.write("Inbox/b.txt", Self.page("NCT00000022", mentions: "NCT00000011"))
        let summary = await runner.process(names: ["b.txt"])
        #expect(summary.processed == 1)
        #expect(summary.records == 2)
        let written = await sink.records.suffix(2)
        let newer = try #require(written.first { $0.id == "NCT00000022" })
        let again = try #require(written.first { $0.id == "NCT00000011" })
        #expect(newer.crossReferences.first?.nctId == "NCT00000011")
        #expect(newer.crossReferences.first?.inCorpus == true)
        #expect(newer.referencedBy == ["NCT00000011"])
        #expect(again.referencedBy == ["NCT00000022"])
        #expect(again.briefTitle == first.briefTitle)
    }

    @Test func bothInOneBatchLinkEachOther() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let (runner, sink) = try runner(folder)
        try await runner.start()
        try folder.write("Inbox/a.txt", Self.page("NCT00000011", mentions: "NCT00000022"))
        try folder.write("Inbox/b.txt", Self.page("NCT00000022", mentions: "NCT00000011"))
        _ = await runner.process(names: ["a.txt", "b.txt"])
        let records = await sink.records
        #expect(records.count == 2)
        let a = try #require(records.first { $0.id == "NCT00000011" })
        let b = try #require(records.first { $0.id == "NCT00000022" })
        #expect(a.referencedBy == ["NCT00000022"])
        #expect(b.referencedBy == ["NCT00000011"])
    }
}
