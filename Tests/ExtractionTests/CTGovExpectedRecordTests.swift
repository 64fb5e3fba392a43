import Foundation
import PipelineTesting
import Testing
import TrialModel

@testable import Extraction

/// The shared ClinicalTrials.gov examples must match every key of their expected files (`expect` and
/// `optional`), except the keys enrichers fill (`drugs.*`, `crossReferences.*`, `seeAlso.*`); for
/// `seeAlso#` the extractor's listed links are counted instead.
@Suite struct CTGovExpectedRecordTests {
    static let sharedFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared")

    static func input(_ relativePath: String) throws -> ExtractionInput {
        let url = sharedFolder.appendingPathComponent(relativePath)
        let bytes = [UInt8](try Data(contentsOf: url))
        return ExtractionInput(
            bytes: bytes, sourcePath: url.lastPathComponent, pipeline: "test",
            processedAt: "2025-01-01T00:00:00Z")
    }

    @Test(arguments: ["NCT03377387.json", "NCT03377387.xml"])
    func sharedExampleMatchesExpectedRecord(document: String) throws {
        let extracted = try DocumentExtractor().extract(try Self.input("corpus/ctgov/" + document))
        #expect(extracted.count == 1)
        let record = try #require(extracted.first?.record)
        let expectedURL = Self.sharedFolder.appendingPathComponent(
            "corpus/ctgov-expected/\(document).json")
        let expected = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: expectedURL)) as? [String: Any])
        #expect(record.provenance.layout == expected["layout"] as? String)
        var asEnriched = record
        asEnriched.seeAlso = extracted[0].annotations.listedLinks
        let json = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(asEnriched))
        var checked = 0
        for section in ["expect", "optional"] {
            let checks = try #require(expected[section] as? [String: Any])
            let result = ExpectedRecordChecker.check(record: json, expect: checks) { key in
                !key.hasPrefix("drugs.") && !key.hasPrefix("crossReferences.") && !key.hasPrefix("seeAlso.")
            }
            for failure in result.failures { Issue.record("\(document) \(section): \(failure)") }
            checked += result.scores.count
        }
        #expect(checked >= 30)
    }
}
