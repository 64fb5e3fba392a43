import Enrichment
import Testing
import TrialModel

@Suite("Cross-reference finder")
struct CrossReferenceFinderTests {
    @Test("finds every other NCT id with the fields it is in, in order of first appearance")
    func findsIds() {
        var record = makeRecord(id: "NCT05831969", nctId: "NCT05831969")
        record.briefSummary = "This study (NCT05831969) follows NCT04601610 and NCT 00396682."
        record.detailedDescription = "See NCT04601610; not NCT012345678, XNCT11111111 or NCT1234567."
        record.references = [Reference(citation: "Trial nct05906524 results. doi: 10.1056/NEJMoa1717002.")]
        record.seeAlso = [
            SeeAlsoLink(
                nctId: "NCT04601610", title: "KN046 Combined With Ningatinib",
                url: CrossReference.studyURL("NCT04601610")),
            SeeAlsoLink(nctId: nil, title: "Related", url: "https://example.org/trials/NCT02976142/details"),
        ]
        let references = CrossReferenceFinder.find(in: record, annotations: RecordAnnotations())
        #expect(references.map(\.nctId) == ["NCT04601610", "NCT00396682", "NCT05906524", "NCT02976142"])
        #expect(references[0].foundIn == ["briefSummary", "detailedDescription", "seeAlso"])
        #expect(references[1].foundIn == ["briefSummary"])
        #expect(references[2].foundIn == ["references"])
        #expect(references[3].foundIn == ["seeAlso"])
        #expect(references[0].url == "https://clinicaltrials.gov/study/NCT04601610")
        #expect(references.allSatisfy { !$0.inCorpus })
    }

    @Test("ids in every searched field are found; the field order is kept in foundIn")
    func everyField() {
        var record = makeRecord()
        var annotations = RecordAnnotations()
        record.interventions = [Intervention(name: "Drug", description: "as in NCT00000001")]
        record.armGroups = [ArmGroup(label: "Arm", description: "as in NCT00000002")]
        record.briefTitle = "Extension of NCT00000003"
        record.officialTitle = "Extension of NCT00000003 and NCT00000004"
        record.eligibility.criteria = "Took part in NCT00000005"
        record.primaryOutcomes = [Outcome(measure: "As in NCT00000006")]
        annotations.listedLinks = [SeeAlsoLink(nctId: "NCT00000007", url: "")]
        record.conditions = ["NCT00000008"]
        let references = CrossReferenceFinder.find(in: record, annotations: annotations)
        #expect(references.map(\.nctId) == (1...7).map { "NCT0000000\($0)" })
        #expect(
            references.map(\.foundIn) == [
                ["interventions"], ["armGroups"], ["briefTitle", "officialTitle"], ["officialTitle"],
                ["eligibility"], ["outcomes"], ["seeAlso"],
            ])
    }

    @Test("a record that mentions only itself, or nothing, has no cross-references")
    func none() {
        var record = makeRecord(id: "NCT00921531", nctId: "NCT00921531")
        record.briefSummary = "Registered as NCT00921531. Phase 3."
        #expect(CrossReferenceFinder.find(in: record, annotations: RecordAnnotations()).isEmpty)
        #expect(CrossReferenceFinder.find(in: makeRecord(), annotations: RecordAnnotations()).isEmpty)
    }
}
