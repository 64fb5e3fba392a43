import Enrichment
import Testing
import TrialModel

/// The seeds' whole texts, read as one free-text field, must yield the drugs and trial ids their
/// expected records list (the bundled dictionary must know every expected drug).
@Suite("Seed documents")
struct SeedDocumentTests {
    static let enricher: DrugClassEnricher? = try? DrugClassEnricher(dictionary: DrugDictionary.bundled())

    @Test("every expected drug is found with its ATC code", arguments: try SeedFiles.seeds().map(\.name))
    func expectedDrugs(seed: String) throws {
        let enricher = try #require(Self.enricher)
        let text = try #require(try SeedFiles.seeds().first { $0.name == seed }?.text)
        let expected = try SeedFiles.expectations(for: seed)["drugs.atc"] as? [String: String] ?? [:]
        var record = makeRecord()
        record.detailedDescription = text
        enricher.enrich(&record, annotations: RecordAnnotations())
        for (name, atc) in expected {
            let drug = record.drug(name)
            #expect(drug != nil, "\(seed): \(name) not found")
            #expect(drug?.atc.contains(atc) ?? false, "\(seed): \(name) lacks \(atc)")
        }
    }

    @Test("the expected cross-references are found", arguments: try SeedFiles.seeds().map(\.name))
    func expectedCrossReferences(seed: String) throws {
        let text = try #require(try SeedFiles.seeds().first { $0.name == seed }?.text)
        let expect = try SeedFiles.expectations(for: seed)
        let expected = try #require(expect["crossReferences.nctId"] as? [String])
        var record = makeRecord()
        record.nctId = expect["nctId"] as? String
        record.detailedDescription = text
        #expect(CrossReferenceFinder.find(in: record, annotations: RecordAnnotations()).map(\.nctId) == expected)
    }
}
