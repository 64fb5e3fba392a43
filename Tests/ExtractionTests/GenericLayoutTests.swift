import Testing
import TrialModel

@testable import Extraction

/// Text of no known layout: label/value pairs in both forms, the page's own NCT id versus ids it mentions.
@Suite struct GenericLayoutTests {
    @Test func readsLabelValuePairs() throws {
        let page = """
            Study record
            Title: Dapagliflozin in Heart Failure With Preserved Ejection Fraction
            NCT Number: NCT03619213
            Overall Status: Active, not recruiting
            Phase:
            Phase 3
            Sponsor: AstraZeneca
            Conditions: Heart Failure; Diabetes Mellitus, Type 2
            Enrollment: 6263 (Actual)
            Study Start: August 27, 2018
            Sex: All
            Ages: 40 Years and older
            Eligibility Criteria:
            Inclusion Criteria:
            1) Age ≥ 40 years
            2) LVEF > 40%
            Exclusion Criteria:
            1) Type 1 diabetes
            See also
            NCT03036124 - Dapagliflozin in HFrEF (Completed)
            """
        let extracted = try Fixture.extracted(page)
        let record = extracted.record
        #expect(record.provenance.layout == "generic")
        #expect(record.warnings.contains("layout not recognised"))
        #expect(record.id == "NCT03619213")
        #expect(record.briefTitle == "Dapagliflozin in Heart Failure With Preserved Ejection Fraction")
        #expect(record.overallStatus == .activeNotRecruiting)
        #expect(record.phases == [.phase3])
        #expect(record.leadSponsor?.name == "AstraZeneca")
        #expect(record.conditions == ["Heart Failure", "Diabetes Mellitus, Type 2"])
        #expect(record.enrollment == Enrollment(count: 6263, type: .actual))
        #expect(record.dates.start?.date == "2018-08-27")
        #expect(record.eligibility.sex == .all)
        #expect(record.eligibility.minimumAge == "40 Years")
        #expect(record.eligibility.inclusion == ["Age ≥ 40 years", "LVEF > 40%"])
        #expect(record.eligibility.exclusion == ["Type 1 diabetes"])
        #expect(extracted.annotations.listedLinks.map(\.nctId) == ["NCT03036124"])
    }

    @Test func anIdThePageMerelyMentionsIsNotItsOwn() throws {
        let page = """
            News: a new look at SGLT2 inhibitors

            Researchers discussed the results of several trials over the last year, including the study
            registered as NCT03036124, which enrolled patients with reduced ejection fraction.
            """
        let record = try Fixture.record(page)
        #expect(record.nctId == nil)
        #expect(record.id.hasPrefix("doc-"))
        #expect(record.briefTitle == "News: a new look at SGLT2 inhibitors")
    }

    @Test func readsStatusSentencesAndPhaseLines() throws {
        let page = """
            Long-Term Study of Navarixin in COPD
            This study has been terminated.
            ClinicalTrials.gov Identifier:
            NCT01006616
            Condition Intervention Phase
            COPD
            Phase 2
            Study Type: Interventional
            Study Design: Allocation: Randomized, Intervention Model: Parallel Assignment
            Masking: Double Blind (Subject, Investigator)
            """
        let record = try Fixture.record(page)
        #expect(record.nctId == "NCT01006616")
        #expect(record.overallStatus == .terminated)
        #expect(record.phases == [.phase2])
        #expect(record.studyType == .interventional)
        #expect(record.design.allocation == .randomized)
        #expect(record.design.interventionModel == .parallel)
        #expect(record.design.masking == .double)
        #expect(record.briefTitle == "Long-Term Study of Navarixin in COPD")
    }
}
