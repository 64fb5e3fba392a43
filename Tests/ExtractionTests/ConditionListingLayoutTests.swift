import Testing
import TrialModel

@testable import Extraction

/// Condition-listing pages: the condition heading, the official title, summary and description
/// paragraphs and the related-trials table, in a one-line-per-row variant.
@Suite struct ConditionListingLayoutTests {
    @Test func readsOneRowPerLineTable() throws {
        let page = """
            Breast Cancer Clinical Trials
            Official title: A Randomized Phase 3 Trial of Neoadjuvant Olaparib in BRCA-Mutated Breast Cancer
            This study compares olaparib with chemotherapy before surgery.
            Status | Clinical Trial | Phase |
            ---|---|---|
            | Recruiting | NCT05011111 - Olaparib Versus Placebo in Early Breast Cancer | Phase 3 |
            | Completed | NCT03022222 - Talazoparib in HER2-negative Breast Cancer | Phase 2 |
            """
        let extracted = try Fixture.extracted(page)
        let record = extracted.record
        #expect(record.provenance.layout == "condition-listing")
        #expect(record.conditions == ["Breast Cancer"])
        #expect(
            record.officialTitle
                == "A Randomized Phase 3 Trial of Neoadjuvant Olaparib in BRCA-Mutated Breast Cancer")
        #expect(record.briefSummary == "This study compares olaparib with chemotherapy before surgery.")
        #expect(record.detailedDescription == nil)
        #expect(record.phases == [.phase3])
        #expect(record.nctId == nil)
        #expect(record.id == RecordID.make(nctId: nil, officialTitle: record.officialTitle, briefTitle: nil, text: ""))
        let links = extracted.annotations.listedLinks
        #expect(links.map(\.nctId) == ["NCT05011111", "NCT03022222"])
        #expect(links.map(\.overallStatus) == [.recruiting, .completed])
        #expect(links.map(\.phases) == [[.phase3], [.phase2]])
        #expect(links.first?.title == "Olaparib Versus Placebo in Early Breast Cancer")
    }

    @Test func readsSeveralDescriptionParagraphsAndCellsOnTheirOwnLines() throws {
        let page = """
            Asthma Clinical Trial
            Official title:
            Dupilumab in Children With Uncontrolled Asthma
            Summary paragraph about dupilumab in children.
            First description paragraph.
            Second description paragraph. ;
            Status | Clinical Trial | Phase | |
            ---|---|---|---|
            Terminated |
            NCT04033333 -
            Mepolizumab in Pediatric Asthma
            |
            Phase 2/Phase 3 | |
            """
        let extracted = try Fixture.extracted(page)
        let record = extracted.record
        #expect(record.conditions == ["Asthma"])
        #expect(record.officialTitle == "Dupilumab in Children With Uncontrolled Asthma")
        #expect(record.briefSummary == "Summary paragraph about dupilumab in children.")
        #expect(record.detailedDescription == "First description paragraph.\n\nSecond description paragraph.")
        #expect(record.phases.isEmpty)
        let link = try #require(extracted.annotations.listedLinks.first)
        #expect(link.nctId == "NCT04033333")
        #expect(link.overallStatus == .terminated)
        #expect(link.title == "Mepolizumab in Pediatric Asthma")
        #expect(link.phases == [.phase2, .phase3])
    }
}
