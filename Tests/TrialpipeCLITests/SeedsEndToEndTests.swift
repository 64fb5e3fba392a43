import Foundation
import PipelineTesting
import Sinks
import Testing
import XMLSupport

/// The default pipeline, run by the real binary over an inbox holding the five seeds.
@Suite("Seeds end to end", .serialized, .timeLimit(.minutes(2)))
struct SeedsEndToEndTests {
    @Test func runOnceWritesValidRecordsAndXMLAndNothingTheSecondTime() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        try installDefaultPipeline(in: folder.path)
        try FileManager.default.createDirectory(atPath: folder.path + "/Inbox", withIntermediateDirectories: true)
        for seed in ProjectPaths.seeds {
            try FileManager.default.copyItem(
                atPath: seed, toPath: folder.path + "/Inbox/" + (seed as NSString).lastPathComponent)
        }
        let first = try runTrialpipe(["run", "--once"], in: folder.path)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("processed 5, failed 0, skipped 0"))
        let records = try jsonLines(folder.path + "/Outbox/trials.jsonl")
        #expect(records.count == 5)
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/Inbox/.failed"))

        // Every record passes the shared schema check.
        let validator = Process()
        validator.executableURL = URL(fileURLWithPath: ProjectPaths.shared + "/tools/validate-records")
        validator.arguments = [folder.path + "/Outbox/trials.jsonl"]
        validator.standardOutput = Pipe()
        try validator.run()
        validator.waitUntilExit()
        #expect(validator.terminationStatus == 0)

        // Every record scores fully against its expected file, enrichment included.
        for record in records {
            let provenance = record["provenance"] as? [String: Any]
            let name = try #require(provenance?["sourcePath"] as? String)
            let expectedPath =
                ProjectPaths.shared + "/corpus/seeds-expected/" + (name as NSString).deletingPathExtension + ".json"
            let gold = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: expectedPath)))
            let expect = try #require((gold as? [String: Any])?["expect"] as? [String: Any])
            let result = ExpectedRecordChecker.check(record: record, expect: expect) { _ in true }
            for failure in result.failures { Issue.record("\(name): \(failure)") }
        }

        // Five XML files, each valid against the shipped XSD.
        let xmlFiles = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/Outbox/xml").filter {
            $0.hasSuffix(".xml")
        }
        #expect(xmlFiles.count == 5)
        let validatorXSD = try XMLSchemaValidator(schema: try TrialRecordXSD.load())
        for file in xmlFiles {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder.path + "/Outbox/xml/" + file)))
            let problems = validatorXSD.validate(bytes)
            #expect(problems.isEmpty, "\(file): \(problems)")
        }

        let second = try runTrialpipe(["run", "--once"], in: folder.path)
        #expect(second.status == 0)
        #expect(second.stdout.contains("processed 0, failed 0, skipped 5"))
        #expect(try jsonLines(folder.path + "/Outbox/trials.jsonl").count == 5)
    }

    @Test func aBadDocumentIsQuarantinedAndTheRunGoesOn() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        try installDefaultPipeline(in: folder.path)
        try folder.write("Inbox/good.txt", try String(contentsOfFile: ProjectPaths.seeds[0], encoding: .utf8))
        try folder.write("Inbox/broken.xml", "<clinical_study><id_info><nct_id>NCT0")
        try folder.write("Inbox/empty.txt", "")
        let result = try runTrialpipe(["run", "--once"], in: folder.path)
        #expect(result.status == 0)
        #expect(result.stdout.contains("processed 1, failed 2"))
        let report = try #require(folder.read("Inbox/.failed/broken.xml.error.json"))
        #expect(report.contains("\"stage\" : \"extract\""))
        #expect(report.contains("malformed-xml"))
        #expect(report.contains("\"time\""))
        #expect(folder.read("Inbox/.failed/empty.txt.error.json")?.contains("empty") == true)
    }
}
