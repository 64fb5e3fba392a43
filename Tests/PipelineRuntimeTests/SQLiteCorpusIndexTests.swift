import Foundation
import PipelineTesting
import Testing
import TrialModel

@testable import PipelineRuntime

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

    @Test func theCorpusLogTakesTheBatchEncodingOfEveryRecordEqualToOneInTheBatch() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let store = try StateStore(directory: folder.path + "/state")
        let index = SQLiteCorpusIndex(store: store)
        let same = record("NCT00000001")
        let changed = record("NCT00000002", naming: ["NCT00000009"])
        try index.store(same)
        try index.store(changed)
        // Bytes the log would not write itself (sorted keys), to show which copies it takes as they are.
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let batch = [same, record("NCT00000002")]
        let json = try batch.map { Array(try encoder.encode($0)) }
        let logged = try index.logPending(reusing: (batch, json))
        var copies: [String: [UInt8]] = [:]
        for (record, place) in zip(logged.records, logged.placed) {
            copies[record.id] = try store.corpusLog.read(offset: place.offset, length: place.length)
        }
        #expect(copies["NCT00000001"] == json[0])
        // The pending version differs from the batch's: it is encoded, not taken.
        #expect(copies["NCT00000002"] == RecordJSONWriter.encode(changed))
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
