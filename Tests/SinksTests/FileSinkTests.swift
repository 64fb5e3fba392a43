import Foundation
import Pipeline
import PipelineTesting
import Testing
import TrialModel
import XMLSupport

@testable import Sinks

@Suite("File sinks")
struct FileSinkTests {
    static func record(_ number: Int) -> TrialRecord {
        var record = TrialRecord(
            id: String(format: "NCT%08d", number),
            provenance: Provenance(
                sourcePath: "d\(number).txt", sha256: String(repeating: "a", count: 64), bytes: 10, layout: "generic",
                pipeline: "t", processedAt: "2026-01-01T00:00:00.000Z"))
        record.nctId = record.id
        record.briefTitle = "Trial \(number) <&> \"quoted\""
        return record
    }

    static func lines(_ path: String) -> [String] {
        (try? String(contentsOfFile: path, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
    }

    @Test func jsonLinesAppendsOneLinePerRecordAndCutsATornLastLine() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let path = folder.path + "/out/trials.jsonl"
        let sink = JSONLinesSink(path: path)
        try await sink.open()
        try await sink.write([Self.record(1), Self.record(2)])
        await sink.close()
        #expect(Self.lines(path).count == 2)
        // A crash in the middle of a write leaves a line without its newline.
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"schemaVersion\":1,\"id\":\"NCT000".utf8))
        try handle.close()
        let reopened = JSONLinesSink(path: path)
        try await reopened.open()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasSuffix("}\n"))
        #expect(Self.lines(path).count == 2)
        try await reopened.write([Self.record(3)])
        await reopened.close()
        let ids = try Self.lines(path).map {
            try JSONDecoder().decode(TrialRecord.self, from: Data($0.utf8)).id
        }
        #expect(ids == ["NCT00000001", "NCT00000002", "NCT00000003"])
    }

    @Test func jsonLinesWritesTheJSONTheRunnerEncodedAsItIs() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let path = folder.path + "/trials.jsonl"
        // As the runner holds it.
        let sink: any Sink = JSONLinesSink(path: path)
        let records = [Self.record(1), Self.record(2)]
        // Bytes the sink would not write itself (sorted keys), to show it takes them instead of encoding.
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = try records.map { Array(try encoder.encode($0)) }
        try await sink.write(records, json: json)
        try await sink.close()
        #expect(Self.lines(path) == json.map { String(decoding: $0, as: UTF8.self) })
        #expect(Self.lines(path) != records.map { String(decoding: RecordJSONWriter.encode($0), as: UTF8.self) })
    }

    @Test func jsonLinesRollsBackToACheckpoint() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let path = folder.path + "/trials.jsonl"
        let sink = JSONLinesSink(path: path)
        try await sink.write([Self.record(1)])
        let checkpoint = try await sink.checkpoint()
        try await sink.write([Self.record(2), Self.record(3)])
        try await sink.rollback(to: checkpoint)
        #expect(Self.lines(path).count == 1)
        await sink.close()
    }

    @Test func xmlCollectionIsValidAfterEveryBatchAndRepairedAfterACrash() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let path = folder.path + "/trials.xml"
        let validator = try XMLSchemaValidator(schema: try TrialRecordXSD.load())
        let sink = XMLCollectionSink(path: path)
        try await sink.open()
        #expect(validator.validate(Array(try Data(contentsOf: URL(fileURLWithPath: path)))).isEmpty)
        for batch in 0..<3 {
            try await sink.write([Self.record(batch * 2), Self.record(batch * 2 + 1)])
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
            #expect(validator.validate(bytes).isEmpty, "after batch \(batch)")
        }
        let checkpoint = try await sink.checkpoint()
        try await sink.write([Self.record(10)])
        try await sink.rollback(to: checkpoint)
        let rolledBack = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!rolledBack.contains("NCT00000010"))
        #expect(validator.validate(Array(rolledBack.utf8)).isEmpty)
        await sink.close()

        // A crash mid-append: a trial cut short and no closing tag.
        var cut = rolledBack
        cut.removeLast("</trials>\n".count)
        cut += "<trial id=\"NCT00000099\"><schemaVersion>1</schema"
        try cut.write(toFile: path, atomically: false, encoding: .utf8)
        let reopened = XMLCollectionSink(path: path)
        try await reopened.open()
        let repaired = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!repaired.contains("NCT00000099"))
        #expect(repaired.components(separatedBy: "<trial ").count - 1 == 6)
        #expect(validator.validate(Array(repaired.utf8)).isEmpty)
        await reopened.close()
    }

    @Test func xmlFolderWritesOneValidFilePerRecordAndReplacesNewerVersions() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let validator = try XMLSchemaValidator(schema: try TrialRecordXSD.load())
        let sink = XMLFolderSink(folder: folder.path + "/xml")
        try await sink.write([Self.record(1), Self.record(2)])
        var newer = Self.record(1)
        newer.referencedBy = ["NCT00000002"]
        try await sink.write([newer])
        // While the sink is open, the replaced version is kept as a hidden spare; closing removes it.
        let listed = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/xml")
        #expect(listed.filter { !$0.hasPrefix(".") }.sorted() == ["NCT00000001.xml", "NCT00000002.xml"])
        await sink.close()
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/xml").sorted()
        #expect(files == ["NCT00000001.xml", "NCT00000002.xml"])
        let first = try String(contentsOfFile: folder.path + "/xml/NCT00000001.xml", encoding: .utf8)
        #expect(first.contains("NCT00000002"))
        for file in files {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: folder.path + "/xml/" + file)))
            #expect(validator.validate(bytes).isEmpty)
        }
        var unsafe = Self.record(3)
        unsafe.id = "../escape"
        await #expect(throws: (any Error).self) { try await sink.write([unsafe]) }
    }

    /// Both ways of writing a batch's files (unnamed files named with `linkat`, and named temporary files where
    /// the filesystem has no unnamed ones) give the same files, replace existing ones and leave nothing else.
    @Test(arguments: [true, false])
    func xmlFolderFilesAreTheSameEitherWay(unnamedFiles: Bool) throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let path = folder.path + "/xml"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let encoder = RecordXMLEncoder(indented: true)
        let first = (1...40).map(Self.record)
        try XMLFolderSink.replace(first, encoder: encoder, in: path, unnamedFiles: unnamedFiles)
        var newer = (1...40).filter { $0 % 3 == 0 }.map(Self.record)
        for index in newer.indices { newer[index].referencedBy = ["NCT00000001"] }
        try XMLFolderSink.replace(newer + [Self.record(41)], encoder: encoder, in: path, unnamedFiles: unnamedFiles)
        try XMLFolderSink.replace([Self.record(1)], encoder: encoder, in: path, unnamedFiles: unnamedFiles)
        let files = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        #expect(files == (1...41).map { String(format: "NCT%08d.xml", $0) })
        let latest = Dictionary((first + newer + [Self.record(41)]).map { ($0.id, $0) }) { $1 }
        for (id, record) in latest {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path + "/" + id + ".xml")))
            #expect(bytes == encoder.encodeDocument([record]), "\(id)")
            let attributes = try FileManager.default.attributesOfItem(atPath: path + "/" + id + ".xml")
            #expect((attributes[.posixPermissions] as? Int).map { $0 & 0o600 } == 0o600, "\(id) readable")
        }
    }

    #if os(Linux)
        /// Newer versions go through spares: a replaced file's inode becomes a spare, the next newer versions are
        /// written into those same inodes, and no inode is allocated or freed once there are enough; a file
        /// someone else also links to is never written over.
        @Test func replacedXMLFilesAreWrittenIntoSparesWithoutNewInodes() throws {
            try Self.withXMLFolder { folder, path, directory in
                let encoder = RecordXMLEncoder(indented: true)
                let spares = XMLSpareFiles()
                func inode(_ name: String) -> UInt64 {
                    var status = stat()
                    return fstatat(directory, name, &status, 0) == 0 ? UInt64(status.st_ino) : 0
                }
                func spareInodes() -> Set<UInt64> {
                    let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                    return Set(names.filter { $0.hasPrefix(".spare-") }.map(inode))
                }
                var records = (1...40).map(Self.record)
                #expect(
                    try XMLFolderSink.replaceThroughUnnamedFiles(
                        records, encoder: encoder, in: directory, folder: path, spares: spares))
                #expect(spares.count == 0)
                var seen = Set(records.map { inode($0.id + ".xml") })
                // A user's hard link to one record's file.
                #expect(link(path + "/NCT00000007.xml", folder.path + "/kept.xml") == 0)
                var newInodes: [Int] = []
                for version in 1...3 {
                    for index in records.indices { records[index].referencedBy = ["NCT0000009\(version)"] }
                    #expect(
                        try XMLFolderSink.replaceThroughUnnamedFiles(
                            records, encoder: encoder, in: directory, folder: path, spares: spares))
                    let now = Set(records.map { inode($0.id + ".xml") }).union(spareInodes())
                    newInodes.append(now.subtracting(seen).count)
                    seen.formUnion(now)
                    for record in records {
                        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path + "/" + record.id + ".xml")))
                        #expect(bytes == encoder.encodeDocument([record]), "\(record.id)")
                    }
                }
                // The first replacements find no spare (each replaced file becomes one); the second finds one spare
                // also linked as kept.xml, which is dropped; the third allocates nothing.
                #expect(newInodes == [40, 1, 0])
                #expect(spares.count == 40)
                let kept = try String(contentsOfFile: folder.path + "/kept.xml", encoding: .utf8)
                #expect(!kept.contains("NCT0000009"), "the linked file still holds the first version")
                spares.removeAll(in: directory)
                let files = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
                #expect(files == records.map { $0.id + ".xml" })
            }
        }

        /// A batch with more files than may be open at once is written in parts, each flushed and named.
        @Test func unnamedXMLFilesAreWrittenInPartsOfAtMostTheOpenFileLimit() throws {
            try Self.withXMLFolder { _, path, directory in
                let encoder = RecordXMLEncoder(indented: true)
                var records = (1...40).map(Self.record)
                #expect(
                    try XMLFolderSink.replaceThroughUnnamedFiles(
                        records, encoder: encoder, in: directory, folder: path, openFiles: 7))
                for index in records.indices where index % 2 == 0 { records[index].referencedBy = ["NCT00000040"] }
                #expect(
                    try XMLFolderSink.replaceThroughUnnamedFiles(
                        records, encoder: encoder, in: directory, folder: path, openFiles: 7))
                let files = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
                #expect(files == records.map { $0.id + ".xml" })
                for record in records {
                    let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path + "/" + record.id + ".xml")))
                    #expect(bytes == encoder.encodeDocument([record]), "\(record.id)")
                }
            }
        }

        /// Runs `body` with a temporary folder, its `xml` folder's path and a descriptor of that folder.
        static func withXMLFolder(_ body: (TemporaryFolder, String, Int32) throws -> Void) throws {
            let folder = try TemporaryFolder()
            defer { folder.cleanup() }
            let path = folder.path + "/xml"
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            let directory = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            defer { close(directory) }
            try body(folder, path, directory)
        }
    #endif
}
