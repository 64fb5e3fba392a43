import BuiltinPlugins
import Foundation
import Pipeline
import PipelineRuntime
import PipelineTesting
import Testing
import TrialModel

/// Record A names record B, B does not name A: in every arrival order, the latest version of A says B is in
/// the corpus and the latest version of B lists A in `referencedBy`.
@Suite("One-way backlinks", .timeLimit(.minutes(1)))
struct OneWayBacklinkTests {
    static let a = "NCT00000111"
    static let b = "NCT00000222"

    static func page(_ own: String, mentioning other: String?) -> String {
        """
        Clinical Trial Details — Status: Recruiting

        Administrative data

        NCT number \(own)
        Phase Phase 2

        Clinical Trial Summary

        A study of lenalidomide.\(other.map { " Patients from the earlier study \($0) may enrol." } ?? "")
        """
    }

    enum Arrival: String, CaseIterable, CustomTestStringConvertible {
        case aThenB, bThenA, oneBatch, aThenRestartThenB, bThenRestartThenA
        var testDescription: String { rawValue }
    }

    func runner(_ folder: TemporaryFolder, sink: MemorySink) throws -> PipelineRunner {
        let spec = PipelineSpec(
            name: "links", file: "links.yaml", source: SourceSpec(inbox: folder.path + "/Inbox"),
            stages: try BuiltinPlugins.defaultStages(), sinks: [sink], stateDirectory: folder.path + "/state",
            concurrency: 2)
        return try PipelineRunner(spec: spec, logger: testLogger)
    }

    @Test(arguments: Arrival.allCases)
    func latestVersionsAgreeWithTheCorpus(_ arrival: Arrival) async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let sink = MemorySink()
        var runner = try runner(folder, sink: sink)
        try await runner.start()
        try folder.write("Inbox/a.txt", Self.page(Self.a, mentioning: Self.b))
        try folder.write("Inbox/b.txt", Self.page(Self.b, mentioning: nil))
        let batches: [[String]]
        switch arrival {
        case .aThenB, .aThenRestartThenB: batches = [["a.txt"], ["b.txt"]]
        case .bThenA, .bThenRestartThenA: batches = [["b.txt"], ["a.txt"]]
        case .oneBatch: batches = [["a.txt", "b.txt"]]
        }
        for (number, names) in batches.enumerated() {
            if number > 0, arrival == .aThenRestartThenB || arrival == .bThenRestartThenA {
                await runner.stop()
                runner = try self.runner(folder, sink: sink)
                try await runner.start()
            }
            let summary = await runner.process(names: names)
            #expect(summary.processed == names.count)
        }
        await runner.stop()
        let written = await sink.records
        let latestA = try #require(written.last { $0.id == Self.a })
        let latestB = try #require(written.last { $0.id == Self.b })
        #expect(latestA.crossReferences.map(\.nctId) == [Self.b])
        #expect(latestA.crossReferences.first?.inCorpus == true)
        #expect(latestB.crossReferences.isEmpty)
        #expect(latestB.referencedBy == [Self.a])
        #expect(latestA.referencedBy.isEmpty)
    }

    @Test func theLaterRecordIsWrittenOnceAndTheEarlierOneAgain() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let sink = MemorySink()
        let runner = try runner(folder, sink: sink)
        try await runner.start()
        try folder.write("Inbox/a.txt", Self.page(Self.a, mentioning: Self.b))
        _ = await runner.process(names: ["a.txt"])
        let first = try #require(await sink.records.last)
        #expect(first.crossReferences.first?.inCorpus == false)
        try folder.write("Inbox/b.txt", Self.page(Self.b, mentioning: nil))
        let summary = await runner.process(names: ["b.txt"])
        await runner.stop()
        #expect(summary.records == 2)
        let ids = await sink.records.map(\.id)
        #expect(ids == [Self.a, Self.b, Self.a] || ids == [Self.a, Self.a, Self.b])
    }
}
