import Foundation
import Logging
import Pipeline
import TrialModel

/// A fresh folder under the system's temporary folder, removed by `cleanup()`.
struct TemporaryFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.path + "/trialpipe-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ text: String) throws {
        let full = path + "/" + name
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: full))
    }

    func read(_ name: String) -> String? {
        FileManager.default.contents(atPath: path + "/" + name).map { String(decoding: $0, as: UTF8.self) }
    }

    func cleanup() { try? FileManager.default.removeItem(atPath: path) }
}

/// A stage that makes one record per document from its text: the first line is the NCT id (or empty),
/// the rest may name other NCT ids; a document whose text contains "FAIL" throws.
struct LineRecordStage: Stage {
    let name = "line-record"

    func process(_ document: PipelineDocument, context: StageContext) async throws -> PipelineDocument {
        let text = String(decoding: document.bytes, as: UTF8.self)
        if text.contains("FAIL") { throw StageError(code: "test-failure", message: "the document asked to fail") }
        let lines = text.split(separator: "\n").map(String.init)
        let own = lines.first.flatMap { RecordID.isNCTId($0) ? $0 : nil }
        var record = TrialRecord(
            id: RecordID.make(nctId: own, officialTitle: nil, briefTitle: nil, text: text),
            provenance: Provenance(
                sourcePath: document.sourcePath, sha256: document.sha256, bytes: document.bytes.count, layout: "test",
                pipeline: context.pipeline, processedAt: context.processedAt))
        record.nctId = own
        record.crossReferences = lines.dropFirst().filter { RecordID.isNCTId($0) }.map { CrossReference(nctId: $0) }
        var document = document
        document.records = [record]
        return document
    }
}

/// A sink that keeps records in memory, and can be told to fail.
actor MemorySink: Sink {
    nonisolated let name = "memory"
    private(set) var records: [TrialRecord] = []
    var failNextWrite = false

    func setFailNextWrite(_ value: Bool) { failNextWrite = value }
    func open() async throws {}
    func checkpoint() async throws -> String { String(records.count) }
    func rollback(to checkpoint: String) async throws {
        if let count = Int(checkpoint), count < records.count { records.removeLast(records.count - count) }
    }
    func write(_ batch: [TrialRecord]) async throws {
        if failNextWrite {
            failNextWrite = false
            throw StageError(code: "disk-full", message: "no space left")
        }
        records.append(contentsOf: batch)
    }
    func close() async throws {}
}

let testLogger: Logger = {
    var logger = Logger(label: "trialpipe-test")
    logger.logLevel = .critical
    return logger
}()
