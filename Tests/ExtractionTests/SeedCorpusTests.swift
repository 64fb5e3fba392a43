import Foundation
import PipelineTesting
import Testing
import TrialModel

@testable import Extraction

/// The five seed documents through the real extraction path, checked against their expected records.
/// Drugs and cross-references belong to the enrichers and are skipped; the see-also checks run against the
/// links the extractor lists for the see-also enricher (`RecordAnnotations.listedLinks`).
@Suite struct SeedCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/corpus")

    static var seedNames: [String] {
        let folder = corpus.appendingPathComponent("seeds-expected")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted()
    }

    /// The record the extractor makes of one seed, as JSON, with the listed links in `seeAlso`.
    static func recordJSON(for document: String) throws -> (record: TrialRecord, json: Any) {
        let bytes = try [UInt8](
            Data(contentsOf: corpus.appendingPathComponent("seeds/\(document)")))
        let input = ExtractionInput(
            bytes: bytes, sourcePath: document, pipeline: "test",
            processedAt: "2025-01-01T00:00:00Z")
        let extracted = try #require(try DocumentExtractor().extract(input).first)
        var record = extracted.record
        record.seeAlso = extracted.annotations.listedLinks
        let data = try JSONEncoder().encode(record)
        return (record, try JSONSerialization.jsonObject(with: data))
    }

    @Test(arguments: seedNames)
    func seedMatchesExpectedRecord(_ expectedFile: String) throws {
        let data = try Data(
            contentsOf: Self.corpus.appendingPathComponent("seeds-expected/\(expectedFile)"))
        let gold = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let document = try #require(gold["document"] as? String)
        let expect = try #require(gold["expect"] as? [String: Any])
        let (record, json) = try Self.recordJSON(for: document)
        #expect(record.provenance.layout == gold["layout"] as? String)
        let result = ExpectedRecordChecker.check(record: json, expect: expect) { key in
            !key.hasPrefix("drugs.") && !key.hasPrefix("crossReferences.")
        }
        #expect(!result.scores.isEmpty)
        for failure in result.failures {
            Issue.record("\(document): \(failure)")
        }
        #expect(result.failures.isEmpty)
    }

    @Test func seedsTogetherScoreAtLeastTheGoal() throws {
        var scores: [Double] = []
        for expectedFile in Self.seedNames {
            let data = try Data(
                contentsOf: Self.corpus.appendingPathComponent("seeds-expected/\(expectedFile)"))
            let gold = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let (_, json) = try Self.recordJSON(for: try #require(gold["document"] as? String))
            let expect = try #require(gold["expect"] as? [String: Any])
            scores +=
                ExpectedRecordChecker.check(record: json, expect: expect) { key in
                    !key.hasPrefix("drugs.") && !key.hasPrefix("crossReferences.")
                }.scores
        }
        let mean = scores.reduce(0, +) / Double(max(scores.count, 1))
        #expect(scores.count > 100)
        #expect(mean >= 0.97, "seed score \(mean) over \(scores.count) checks")
    }
}
