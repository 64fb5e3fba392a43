import Foundation
import PipelineRuntime
import PipelineTesting
import Testing
import TrialModel

@Suite("Corpus index")
struct SQLiteCorpusIndexTests {
    private func record(_ id: String, naming targets: [String] = []) -> TrialRecord {
        var record = TrialRecord(
            id: id,
            provenance: Provenance(
                sourcePath: id + ".txt", sha256: "", bytes: 0, layout: "test", pipeline: "test", processedAt: ""))
        record.nctId = id
        record.crossReferences = targets.map { CrossReference(nctId: $0, foundIn: ["text"]) }
        return record
    }

    @Test func lookUpsInsideOneReadSeeStoredAndPendingRecordsAsSeparateReadsDo() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let store = try StateStore(directory: folder.path + "/state")
        let index = SQLiteCorpusIndex(store: store)
        try index.store(record("NCT00000001", naming: ["NCT00000009"]))
        let batch = try store.beginBatch(documents: [(path: "a.txt", sha256: "a")], checkpoints: [])
        try store.completeBatch(
            batch, documents: [(path: "a.txt", sha256: "a", recordIds: ["NCT00000001"])], corpus: index)
        try index.store(record("NCT00000002", naming: ["NCT00000009"]))
        // A record stored again names something else: it no longer refers to the old target.
        try index.store(record("NCT00000003", naming: ["NCT00000009"]))
        try index.store(record("NCT00000003", naming: ["NCT00000008"]))

        func answers() throws -> [String] {
            [
                String(try index.contains("NCT00000001")), String(try index.contains("NCT00000002")),
                String(try index.contains("NCT00000004")), try index.record("NCT00000001")?.id ?? "nil",
                try index.referrers(of: "NCT00000009").joined(separator: ","),
                try index.referrers(of: "NCT00000008").joined(separator: ","),
            ]
        }
        let separate = try answers()
        #expect(separate == ["true", "true", "false", "NCT00000001", "NCT00000001,NCT00000002", "NCT00000003"])
        #expect(try index.withOneRead { try answers() } == separate)
        // Another thread's look-up during the read opens a read of its own.
        let other = try index.withOneRead {
            let done = DispatchSemaphore(value: 0)
            nonisolated(unsafe) var found: Bool?
            Thread.detachNewThread {
                found = try? index.contains("NCT00000001")
                done.signal()
            }
            done.wait()
            return found
        }
        #expect(other == true)
    }
}
