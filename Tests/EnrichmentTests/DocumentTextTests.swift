import Enrichment
import Foundation
import Testing
import TrialModel

/// Text no layout assigned to a field still reaches the enrichers: drugs it names are `mentioned` and found
/// in `text`, NCT ids it names are cross-references found in `text`, and a page that names thousands of trials
/// keeps the first ones.
@Suite("Document text for the enrichers")
struct DocumentTextTests {
    @Test func aDrugNamedOnlyInTheTextIsMentioned() throws {
        var record = makeRecord(nctId: "NCT00000105")
        var annotations = RecordAnnotations()
        record.briefTitle = "A study of lenalidomide in myeloma"
        annotations.documentText = """
            A study of lenalidomide in myeloma
            Arm | Drug
            Maintenance | pembrolizumab 200 mg every 3 weeks
            """
        TestDictionary.enricher.enrich(&record, annotations: annotations)
        let pembrolizumab = try #require(record.drug("pembrolizumab"))
        #expect(pembrolizumab.role == .mentioned)
        #expect(pembrolizumab.foundIn == ["text"])
        #expect(pembrolizumab.atc == ["L01FF02"])
        // A drug a field names is not found in the text a second time.
        #expect(try #require(record.drug("lenalidomide")).foundIn == ["briefTitle"])
    }

    @Test func aRecordWithoutDocumentTextFindsOnlyWhatItsFieldsName() {
        var record = makeRecord()
        record.briefTitle = "A study of lenalidomide"
        TestDictionary.enricher.enrich(&record, annotations: RecordAnnotations())
        #expect(record.drugs.map(\.name) == ["lenalidomide"])
    }

    @Test func idsInTheTextAreCrossReferencesFoundInText() {
        var record = makeRecord(nctId: "NCT00000105")
        var annotations = RecordAnnotations()
        record.briefSummary = "Follows NCT00000201."
        annotations.documentText = """
            Clinical Trial - NCT00000105
            Follows NCT00000201.
            Related: NCT00000302, NCT00000105
            """
        let references = CrossReferenceFinder.find(in: record, annotations: annotations)
        #expect(references.map(\.nctId) == ["NCT00000201", "NCT00000302"])
        #expect(references.map(\.foundIn) == [["briefSummary"], ["text"]])
        #expect(references.allSatisfy { !$0.inCorpus })
    }

    @Test func aPageThatNamesThousandsOfTrialsKeepsTheFirstOnes() {
        var record = makeRecord(nctId: "NCT00000001")
        var annotations = RecordAnnotations()
        annotations.documentText = (2...3001).map { String(format: "NCT%08d", $0) }.joined(separator: "\n")
        let found = CrossReferenceFinder.find(in: record, annotations: annotations, limit: 500)
        #expect(found.references.count == 500)
        #expect(found.references.first?.nctId == "NCT00000002")
        #expect(found.references.last?.nctId == "NCT00000501")
        #expect(found.omitted == 2500)
        #expect(CrossReferenceFinder.find(in: record, annotations: annotations).count == 3000)
    }
}
