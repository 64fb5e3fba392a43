import Foundation
import GRDB
import PipelineTesting
import Testing
import TrialModel

@testable import PipelineRuntime

@Suite("Corpus log")
struct CorpusLogTests {
    private func record(_ id: String, title: String) -> TrialRecord {
        var record = TrialRecord(
            id: id,
            provenance: Provenance(
                sourcePath: id + ".txt", sha256: "", bytes: 0, layout: "test", pipeline: "test", processedAt: ""))
        record.nctId = id
        record.briefTitle = title
        return record
    }

    @Test func appendsReadBackAndTruncates() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let log = try CorpusLog(path: folder.path + "/records.log")
        let placed = try log.append([Array("one".utf8), Array("three".utf8)])
        #expect(placed.map(\.offset) == [0, 3])
        #expect(placed.map(\.length) == [3, 5])
        #expect(String(decoding: try log.read(offset: 3, length: 5), as: UTF8.self) == "three")
        let more = try log.append([Array("x".utf8)])
        #expect(more.map(\.offset) == [8])
        try log.truncate(to: 8)
        #expect(try log.size() == 8)
        #expect(throws: (any Error).self) { try log.read(offset: 8, length: 1) }
    }

    @Test func aStoreCutsCopiesNoRowRefersToAndReadsRecordsOfBothKinds() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let directory = folder.path + "/state"
        do {
            let store = try StateStore(directory: directory)
            let index = SQLiteCorpusIndex(store: store)
            try index.store(record("NCT00000001", title: "in the log"))
            let batch = try store.beginBatch(documents: [(path: "a.txt", sha256: "a")], checkpoints: [])
            try store.completeBatch(
                batch, documents: [(path: "a.txt", sha256: "a", recordIds: ["NCT00000001"])], corpus: index)
            // A row written before the log existed keeps its JSON in the row.
            let old = RecordJSONWriter.encode(record("NCT00000002", title: "in the row"))
            try store.database.write { db in
                try db.execute(
                    sql: "INSERT INTO records (id, json) VALUES (?, ?)", arguments: ["NCT00000002", Data(old)])
            }
            // A crash after an append whose transaction never committed.
            _ = try store.corpusLog.append([Array("half a batch".utf8)])
        }
        let logged = try CorpusLog(path: directory + "/records.log").size()
        let store = try StateStore(directory: directory)
        #expect(try store.corpusLog.size() < logged)
        let index = SQLiteCorpusIndex(store: store)
        #expect(try index.record("NCT00000001")?.briefTitle == "in the log")
        #expect(try index.record("NCT00000002")?.briefTitle == "in the row")
        #expect(try index.record("NCT00000003") == nil)
    }
}
