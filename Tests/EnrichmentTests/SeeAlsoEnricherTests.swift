import Testing
import TrialModel

@testable import Enrichment

@Suite("See-also enricher")
struct SeeAlsoEnricherTests {
    @Test("adds the listed links to seeAlso, tidied, keeping status and phases")
    func movesLinks() throws {
        var record = makeRecord(id: "NCT05831969", nctId: "NCT05831969")
        var annotations = RecordAnnotations()
        annotations.listedLinks = [
            SeeAlsoLink(
                nctId: "NCT04601610", title: "  KN046 Combined With Ningatinib\n in the Treatment ",
                overallStatus: .terminated, phases: [.phase1, .phase2], url: "/clinical-trials/NCT04601610"),
            SeeAlsoLink(
                nctId: "nct00396682", title: "Elimination of Regulatory T Cells", overallStatus: .completed,
                phases: [.phase3], url: ""),
            SeeAlsoLink(nctId: nil, title: "Trial page", url: "https://example.org/study/NCT05906524"),
            SeeAlsoLink(nctId: nil, title: "Patient leaflet", url: " https://example.org/leaflet.pdf "),
            SeeAlsoLink(nctId: nil, title: "Nowhere", url: "  "),
            SeeAlsoLink(nctId: "NCT05831969", title: "This trial itself", url: ""),
        ]
        SeeAlsoEnricher.enrich(&record, annotations: annotations)
        #expect(record.seeAlso.map(\.nctId) == ["NCT04601610", "NCT00396682", "NCT05906524", nil])
        let first = try #require(record.seeAlso.first)
        #expect(first.title == "KN046 Combined With Ningatinib in the Treatment")
        #expect(first.url == "https://clinicaltrials.gov/study/NCT04601610")
        #expect(first.overallStatus == .terminated)
        #expect(first.phases == [.phase1, .phase2])
        #expect(record.seeAlso[1].url == "https://clinicaltrials.gov/study/NCT00396682")
        #expect(record.seeAlso[2].url == "https://clinicaltrials.gov/study/NCT05906524")
        #expect(record.seeAlso[3].url == "https://example.org/leaflet.pdf")
        #expect(record.seeAlso[3].title == "Patient leaflet")
    }

    @Test("duplicates merge: the first keeps its values and takes the missing ones")
    func deduplicates() {
        var record = makeRecord()
        var annotations = RecordAnnotations()
        annotations.listedLinks = [
            SeeAlsoLink(nctId: "NCT02976142", title: " ", url: ""),
            SeeAlsoLink(
                nctId: "NCT02976142", title: "The Efficacy of Surgical Treatment", overallStatus: .notYetRecruiting,
                phases: [.phase2, .phase2], url: ""),
            SeeAlsoLink(title: "Leaflet", url: "https://example.org/a"),
            SeeAlsoLink(title: "Leaflet again", url: "https://example.org/a"),
        ]
        SeeAlsoEnricher.enrich(&record, annotations: annotations)
        #expect(
            record.seeAlso == [
                SeeAlsoLink(
                    nctId: "NCT02976142", title: "The Efficacy of Surgical Treatment", overallStatus: .notYetRecruiting,
                    phases: [.phase2], url: "https://clinicaltrials.gov/study/NCT02976142"),
                SeeAlsoLink(title: "Leaflet", url: "https://example.org/a"),
            ])
    }

    @Test("running it again changes nothing, also after new links arrive")
    func idempotent() {
        var record = makeRecord()
        var annotations = RecordAnnotations()
        annotations.listedLinks = [SeeAlsoLink(nctId: "NCT06283121", title: "A Clinical Study", url: "")]
        SeeAlsoEnricher.enrich(&record, annotations: annotations)
        let once = record
        SeeAlsoEnricher.enrich(&record, annotations: annotations)
        #expect(record == once)
        annotations.listedLinks = [SeeAlsoLink(nctId: "NCT06283121", url: "")]
        SeeAlsoEnricher.enrich(&record, annotations: annotations)
        #expect(record == once)
    }
}

@Suite("See-also titles")
struct SeeAlsoTitleSpaceTests {
    @Test("white space collapses as Character.isWhitespace has it, on ASCII and on other text")
    func collapsingSpaceAgreesWithCharacters() {
        let samples = [
            "  A\tstudy \r\n of\u{0B}x\u{0C}y  ", "", "   ", "one", "a  b", "Étude\u{00A0} de\u{2003}phase",
            "x\u{2028}y", "tab\tend\t", "\r\n", "e\u{301} \u{301}x", "a\u{1C}b\u{1F} c\u{85}d",
        ]
        for sample in samples {
            #expect(
                SeeAlsoEnricher.collapsingSpace(sample)
                    == sample.split(whereSeparator: \.isWhitespace).joined(separator: " "), "\(sample.debugDescription)"
            )
        }
    }
}
