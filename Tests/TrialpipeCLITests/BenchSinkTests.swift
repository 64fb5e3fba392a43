import Foundation
import PipelineTesting
import Testing

/// `bench --sink`: records/s into a relational sink, from a JSON Lines file of records.
@Suite("Bench sink throughput", .timeLimit(.minutes(2)))
struct BenchSinkTests {
    /// A JSON Lines file of the golden records (each golden line is a document name, a tab and its record).
    static func recordsFile(in folder: TemporaryFolder, count: Int) throws -> String {
        let golden = try String(contentsOfFile: GoldenRecordsTests.goldenPath, encoding: .utf8)
        let lines = golden.split(separator: "\n").prefix(count).map { $0.split(separator: "\t", maxSplits: 1)[1] }
        try folder.write("records.jsonl", lines.joined(separator: "\n") + "\n")
        return folder.path + "/records.jsonl"
    }

    @Test func sqliteWritesEveryRecordInBatchesAndKeepsTheDatabaseWhenAsked() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let records = try Self.recordsFile(in: folder, count: 40)
        let result = try runTrialpipe(
            ["bench", "--sink", "sqlite", "--records", records, "--batch-size", "16", "--json", "--keep"],
            in: folder.path)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(result.stdout.range(of: "kept: ").map { String(result.stdout[..<$0.lowerBound]) })
        let measured = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(measured["sink"] as? String == "sqlite")
        #expect(measured["records"] as? Int == 40)
        #expect(measured["batchSize"] as? Int == 16)
        #expect((measured["recordsPerSecond"] as? Double).map { $0 > 0 } == true)
        let database = try #require(measured["wroteTo"] as? String)
        #expect(FileManager.default.fileExists(atPath: database))
        try? FileManager.default.removeItem(atPath: (database as NSString).deletingLastPathComponent)
    }

    @Test func missingOrMismatchedOptionsSayWhatToGive() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let records = try Self.recordsFile(in: folder, count: 1)
        let noURL = try runTrialpipe(["bench", "--sink", "postgres", "--records", records], in: folder.path)
        #expect(noURL.status == 64)
        #expect(noURL.stderr.contains("--sink postgres needs --url"))
        let noFile = try runTrialpipe(["bench", "--sink", "sqlite"], in: folder.path)
        #expect(noFile.status == 64)
        #expect(noFile.stderr.contains("--sink needs --records FILE"))
        let help = try runTrialpipe(["bench", "--help"], in: folder.path)
        #expect(help.stdout.contains("trialpipe bench --sink sqlite --records trials.jsonl"))
    }
}
