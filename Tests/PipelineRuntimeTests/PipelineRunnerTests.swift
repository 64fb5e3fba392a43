import Foundation
import Pipeline
import PipelineRuntime
import PipelineTesting
import Testing
import TrialModel

@Suite("Runner")
struct PipelineRunnerTests {
    func spec(_ folder: TemporaryFolder, sink: MemorySink, after: AfterAction = .keep, maxBytes: Int? = nil)
        -> PipelineSpec
    {
        var source = SourceSpec(inbox: folder.path + "/Inbox")
        source.after = after
        if let maxBytes { source.maxBytes = maxBytes }
        return PipelineSpec(
            name: "test", file: "test.yaml", source: source, stages: [LineRecordStage()], sinks: [sink],
            stateDirectory: folder.path + "/state", concurrency: 2)
    }

    @Test func processesEveryDocumentQuarantinesFailuresAndSkipsOnTheSecondPass() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        for index in 0..<20 { try folder.write("Inbox/doc\(index).txt", String(format: "NCT%08d\n", index)) }
        try folder.write("Inbox/bad.txt", "FAIL please")
        let sink = MemorySink()
        let runner = try PipelineRunner(spec: spec(folder, sink: sink), logger: testLogger, batchSize: 7)
        try await runner.start()
        let first = await runner.process(names: try runner.listInbox())
        #expect(first.processed == 20)
        #expect(first.failed == 1)
        #expect(first.records == 20)
        #expect(await sink.records.count == 20)
        #expect(Set(await sink.records.map(\.id)).count == 20)

        let report = try #require(folder.read("Inbox/.failed/bad.txt.error.json"))
        let decoded = try JSONDecoder().decode(Quarantine.Report.self, from: Data(report.utf8))
        #expect(decoded.stage == "line-record")
        #expect(decoded.code == "test-failure")
        #expect(decoded.message == "the document asked to fail")
        #expect(decoded.time.hasSuffix("Z"))
        #expect(folder.read("Inbox/.failed/bad.txt") == "FAIL please")
        #expect(folder.read("Inbox/bad.txt") == nil)

        let second = await runner.process(names: try runner.listInbox())
        #expect(second.processed == 0)
        #expect(second.skipped == 20)
        #expect(await sink.records.count == 20)
        let entry = try runner.store.entry(path: "doc3.txt", sha256: SHA256.hex("NCT00000003\n"))
        #expect(entry?.state == .done)
        #expect(entry?.recordIds == ["NCT00000003"])
    }

    @Test func changedContentIsProcessedAgain() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        try folder.write("Inbox/a.txt", "NCT00000001\n")
        let sink = MemorySink()
        let runner = try PipelineRunner(spec: spec(folder, sink: sink), logger: testLogger)
        try await runner.start()
        _ = await runner.process(names: ["a.txt"])
        try folder.write("Inbox/a.txt", "NCT00000001\nNCT00000002\n")
        let again = await runner.process(names: ["a.txt"])
        #expect(again.processed == 1)
        #expect(await sink.records.count == 2)
    }

    @Test func aSinkFailureLosesNothingAndTheDocumentsAreTriedAgain() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        for index in 0..<5 { try folder.write("Inbox/d\(index).txt", String(format: "NCT%08d\n", index)) }
        let sink = MemorySink()
        await sink.setFailNextWrite(true)
        let runner = try PipelineRunner(spec: spec(folder, sink: sink, after: .delete), logger: testLogger)
        try await runner.start()
        let failed = await runner.process(names: try runner.listInbox())
        #expect(failed.deferred == 5)
        #expect(failed.processed == 0)
        #expect(await sink.records.isEmpty)
        #expect(try runner.listInbox().count == 5)
        let retried = await runner.process(names: try runner.listInbox())
        #expect(retried.processed == 5)
        #expect(await sink.records.count == 5)
        #expect(try runner.listInbox().isEmpty)
    }

    @Test func anUnfinishedBatchIsRolledBackAndProcessedExactlyOnce() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        for index in 0..<3 { try folder.write("Inbox/d\(index).txt", String(format: "NCT%08d\n", index)) }
        let sink = MemorySink()
        // A crash after the sink wrote but before the ledger recorded completion.
        do {
            let store = try StateStore(directory: folder.path + "/state")
            let checkpoint = try await sink.checkpoint()
            _ = try store.beginBatch(
                documents: (0..<3).map { (path: "d\($0).txt", sha256: SHA256.hex(String(format: "NCT%08d\n", $0))) },
                checkpoints: [checkpoint])
            var orphan = TrialRecord(
                id: "NCT00000000",
                provenance: Provenance(
                    sourcePath: "d0.txt", sha256: "", bytes: 0, layout: "test", pipeline: "test", processedAt: ""))
            orphan.nctId = "NCT00000000"
            try await sink.write([orphan])
        }
        let runner = try PipelineRunner(spec: spec(folder, sink: sink), logger: testLogger)
        try await runner.start()
        #expect(await sink.records.isEmpty)
        #expect(try runner.store.unfinishedBatch() == nil)
        let summary = await runner.process(names: try runner.listInbox())
        #expect(summary.processed == 3)
        #expect(await sink.records.map(\.id).sorted() == ["NCT00000000", "NCT00000001", "NCT00000002"])
    }

    @Test func afterMoveMovesOnlyOnceDurable() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        try folder.write("Inbox/a.txt", "NCT00000001\n")
        let sink = MemorySink()
        let runner = try PipelineRunner(spec: spec(folder, sink: sink, after: .move), logger: testLogger)
        try await runner.start()
        _ = await runner.process(names: ["a.txt"])
        #expect(folder.read("Inbox/a.txt") == nil)
        #expect(folder.read("Inbox/.processed/a.txt") == "NCT00000001\n")
    }

    @Test func unsafeEntriesAreQuarantinedUnread() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        try folder.write("outside.txt", "NCT00000009\n")
        try folder.write("Inbox/big.txt", String(repeating: "x", count: 5000))
        try FileManager.default.createSymbolicLink(
            atPath: folder.path + "/Inbox/link.txt", withDestinationPath: folder.path + "/outside.txt")
        #expect(mkfifo(folder.path + "/Inbox/pipe.txt", 0o644) == 0)
        let sink = MemorySink()
        let runner = try PipelineRunner(spec: spec(folder, sink: sink, maxBytes: 1000), logger: testLogger)
        try await runner.start()
        let summary = await runner.process(names: ["big.txt", "link.txt", "pipe.txt"])
        #expect(summary.failed == 3)
        #expect(await sink.records.isEmpty)
        #expect(folder.read("Inbox/.failed/big.txt.error.json")?.contains("too-large") == true)
        #expect(folder.read("Inbox/.failed/link.txt.error.json")?.contains("symlink") == true)
        #expect(folder.read("Inbox/.failed/pipe.txt.error.json")?.contains("fifo") == true)
        #expect(folder.read("outside.txt") == "NCT00000009\n")
    }
}
