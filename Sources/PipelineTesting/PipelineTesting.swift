public import Foundation
public import Logging
public import Pipeline
public import TrialModel

/// A fresh folder under the system's temporary folder, removed by `cleanup()`.
public struct TemporaryFolder {
    /// The folder's absolute path.
    public let path: String

    /// Creates the folder.
    public init() throws {
        path = FileManager.default.temporaryDirectory.path + "/trialpipe-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes a UTF-8 file (creating folders) at a path relative to the folder.
    public func write(_ name: String, _ text: String) throws {
        let full = path + "/" + name
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: full))
    }

    /// The text of a file relative to the folder, if it exists.
    public func read(_ name: String) -> String? {
        FileManager.default.contents(atPath: path + "/" + name).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Removes the folder.
    public func cleanup() { try? FileManager.default.removeItem(atPath: path) }
}

/// A stage that makes one record per document from its text: the first line is the NCT id (or empty),
/// the rest may name other NCT ids; a document whose text contains "FAIL" throws.
public struct LineRecordStage: Stage {
    public let name = "line-record"

    /// A stage.
    public init() {}

    public func process(_ document: PipelineDocument, context: StageContext) async throws -> PipelineDocument {
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
public actor MemorySink: Sink {
    public nonisolated let name = "memory"
    /// Every record written, in order.
    public private(set) var records: [TrialRecord] = []
    var failNextWrite = false

    /// An empty sink.
    public init() {}

    /// Makes the next write fail as a full disk would.
    public func setFailNextWrite(_ value: Bool) { failNextWrite = value }
    public func open() async throws {}
    public func checkpoint() async throws -> String { String(records.count) }
    public func rollback(to checkpoint: String) async throws {
        if let count = Int(checkpoint), count < records.count { records.removeLast(records.count - count) }
    }
    public func write(_ batch: [TrialRecord]) async throws {
        if failNextWrite {
            failNextWrite = false
            throw StageError(code: "disk-full", message: "no space left")
        }
        records.append(contentsOf: batch)
    }
    public func close() async throws {}
}

/// A logger that prints nothing below critical.
public let testLogger: Logger = {
    var logger = Logger(label: "trialpipe-test")
    logger.logLevel = .critical
    return logger
}()
