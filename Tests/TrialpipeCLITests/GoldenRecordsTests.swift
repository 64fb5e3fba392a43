import BuiltinPlugins
import Foundation
import Logging
import Pipeline
import PipelineRuntime
import Testing
import TrialModel

@testable import TrialpipeCLI

/// Every record the default stages make of a fixed set of documents, compared with the records committed in
/// `Golden/records.jsonl`: performance work must not change a single field.
///
/// The documents: 300 generated ones in every layout of the benchmark corpus, the five seeds as text and as
/// saved HTML pages, the shared ClinicalTrials.gov examples and the 66 files of `ctgov-bench`. When a change is
/// meant to change records, regenerate the file with `TRIALPIPE_UPDATE_GOLDEN=1 swift test --filter Golden`
/// and say why in the commit.
@Suite struct GoldenRecordsTests {
    static let goldenPath = ProjectPaths.root + "/Tests/TrialpipeCLITests/Golden/records.jsonl"

    /// The documents, by name, in a fixed order.
    static func documents() throws -> [(name: String, bytes: [UInt8])] {
        var documents: [(name: String, bytes: [UInt8])] = []
        var corpus = BenchCorpus(count: 300)
        for index in 0..<300 {
            let document = corpus.document(index)
            documents.append((document.name, document.bytes))
        }
        for path in ProjectPaths.seeds {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            let name = (path as NSString).lastPathComponent
            documents.append((name, bytes))
            documents.append((name + ".html", Self.htmlPage(of: bytes)))
        }
        for folder in ["/corpus/ctgov", "/corpus/ctgov-bench"] {
            let directory = ProjectPaths.shared + folder
            for name in try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
            where name.hasPrefix("NCT") && (name.hasSuffix(".json") || name.hasSuffix(".xml")) {
                let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name)))
                documents.append((String(folder.dropFirst("/corpus/".count)) + "/" + name, bytes))
            }
        }
        return documents
    }

    /// A saved-page rendering of a text document: one paragraph per line, the first line as the page title.
    static func htmlPage(of bytes: [UInt8]) -> [UInt8] {
        let text = String(decoding: bytes, as: UTF8.self)
        func escaped(_ line: Substring) -> String {
            line.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;")
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        var html = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>"
        html += escaped(lines.first ?? "") + "</title></head>\n<body>\n"
        for line in lines { html += "<p>" + escaped(line) + "</p>\n" }
        html += "</body></html>\n"
        return Array(html.utf8)
    }

    /// One line per record: the document's name, a tab, the record's JSON with `processedAt` fixed.
    static func goldenLines() async throws -> [String] {
        let chain = StageChain(stages: try BuiltinPlugins.defaultStages())
        let context = StageContext(
            pipeline: "golden", processedAt: "2026-01-01T00:00:00Z", logger: Logger(label: "golden"))
        var lines: [String] = []
        for document in try documents() {
            let records: [TrialRecord]
            do {
                records = try await chain.process(
                    PipelineDocument(sourcePath: document.name, bytes: document.bytes), context: context
                ).records
            } catch {
                lines.append(document.name + "\tfailed " + error.stage + " " + error.code.rawValue)
                continue
            }
            for record in records {
                var out: [UInt8] = []
                RecordJSONWriter.append(record, to: &out)
                lines.append(document.name + "\t" + String(decoding: out, as: UTF8.self))
            }
        }
        for stage in chain.stages { await stage.shutdown() }
        return lines
    }

    @Test func recordsMatchTheCommittedGoldenRecords() async throws {
        let lines = try await Self.goldenLines()
        if ProcessInfo.processInfo.environment["TRIALPIPE_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(
                atPath: (Self.goldenPath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try (lines.joined(separator: "\n") + "\n").write(toFile: Self.goldenPath, atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOfFile: Self.goldenPath, encoding: .utf8).split(separator: "\n").map(
            String.init)
        #expect(lines.count == golden.count, "record count changed: \(lines.count), golden \(golden.count)")
        var differing: [String] = []
        for (made, expected) in zip(lines, golden) where made != expected {
            differing.append(Self.difference(made, expected))
            if differing.count == 5 { break }
        }
        #expect(differing.isEmpty, "records differ from the golden records:\n\(differing.joined(separator: "\n"))")
        #expect(golden.count > 350)
    }

    /// The document's name and the first top-level fields that differ between two golden lines.
    static func difference(_ made: String, _ expected: String) -> String {
        let madeParts = made.split(separator: "\t", maxSplits: 1)
        let expectedParts = expected.split(separator: "\t", maxSplits: 1)
        guard madeParts.count == 2, expectedParts.count == 2,
            let a = try? JSONSerialization.jsonObject(with: Data(madeParts[1].utf8)) as? [String: Any],
            let b = try? JSONSerialization.jsonObject(with: Data(expectedParts[1].utf8)) as? [String: Any]
        else { return "\(madeParts.first ?? ""): \(made.prefix(200)) ≠ \(expected.prefix(200))" }
        let keys = Set(a.keys).union(b.keys).sorted().filter { key in
            !NSDictionary(dictionary: [key: a[key] ?? NSNull()]).isEqual(to: [key: b[key] ?? NSNull()])
        }
        let details = keys.prefix(3).map { key in
            "  \(key): \(String(describing: a[key] ?? "nil").prefix(300)) ≠ golden \(String(describing: b[key] ?? "nil").prefix(300))"
        }
        return "\(madeParts[0]) (\(expectedParts[0])): fields \(keys)\n" + details.joined(separator: "\n")
    }
}
