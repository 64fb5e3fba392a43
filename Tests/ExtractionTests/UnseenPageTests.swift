import Testing
import TrialModel

@testable import Extraction

/// Pages from sites without a layout of their own, one small page per kind of failure the generic reader
/// had: labels it did not know and value forms it did not read, titles taken from site chrome, conditions and
/// interventions under other headings, and pages that begin with a bracket.
@Suite("Pages without a layout of their own")
struct UnseenPageTests {
    // MARK: labels and value forms

    @Test func labelsWithAColonOnTheNextLineOrAfterASpace() throws {
        let record = try Fixture.record(
            """
            Overall Status: Recruiting
            Study Phase Phase 2
            Enrollment (Estimated): 120
            Target sample size
            200
            Study Start
            March 2021
            Primary sponsor
            Example University
            """)
        #expect(record.overallStatus == .recruiting)
        #expect(record.phases == [.phase2])
        #expect(record.enrollment == Enrollment(count: 120, type: .estimated))
        #expect(record.dates.start?.date == "2021-03")
        #expect(record.leadSponsor?.name == "Example University")
    }

    @Test func aLabelGluedToTheSentenceBeforeIt() throws {
        let record = try Fixture.record(
            """
            Summary
            Two doses of the vaccine were compared.Phase:
            Phase 3
            """)
        #expect(record.phases == [.phase3])
        #expect(record.briefSummary == "Two doses of the vaccine were compared.")
    }

    @Test func tableCellsAndBilingualLabels() throws {
        let record = try Fixture.record(
            """
            |
            注册号: Registration number: |
            ChiCTR2000029747 |
            |
            Trial Status |
            Prematurely Ended |
            ---|---|
            """)
        #expect(record.secondaryIds == ["ChiCTR2000029747"])
        #expect(record.overallStatus == .terminated)
    }

    @Test func hiddenRowNumbersAreNotPartOfTheValue() throws {
        let record = try Fixture.record(
            """
            Health condition(s) or problem(s) studied:
            Low Back Pain 311509 0
            Neck pain
            312296 0
            Whiplash 312297 0
            Condition category
            Condition code
            Musculoskeletal 310142 310142 0 0
            """)
        #expect(record.conditions == ["Low Back Pain", "Neck pain", "Whiplash"])
    }

    @Test func aValueThatIsItselfALabelIsNotAValue() throws {
        let record = try Fixture.record(
            """
            Sponsor:
            Collaborator:
            Ono Pharmaceutical Co. Ltd
            """)
        #expect(record.leadSponsor == nil)
        #expect(record.collaborators.map(\.name) == ["Ono Pharmaceutical Co. Ltd"])
    }

    @Test func anOverallStatusOutranksARecruitmentStatus() throws {
        let record = try Fixture.record(
            """
            Recruitment status
            No longer recruiting
            Overall study status
            Completed
            """)
        #expect(record.overallStatus == .completed)
    }

    @Test func slashDatesFollowThePagesOrder() throws {
        let dayFirst = try Fixture.record(
            """
            Date submitted
            4/04/2019
            Date last updated
            19/06/2019
            """)
        #expect(dayFirst.dates.firstSubmitted == "2019-04-04")
        #expect(dayFirst.dates.lastUpdate == "2019-06-19")
        #expect(SlashDates.dayFirst(in: ["8/04/2025"]))
        #expect(!SlashDates.dayFirst(in: ["06/25/2024", "04/05/2016"]))
        #expect(!SlashDates.dayFirst(in: ["04/05/2016"]))
    }

    @Test func aSentenceExplainingALabelIsNotItsValue() throws {
        let record = try Fixture.record(
            """
            Conditions
            Conditions usually refer to a disease, disorder, syndrome, illness, or injury in a study.
            Study Phase
            Most clinical trials are designated as phase 1, 2, 3, or 4, based on the questions asked:
            """)
        #expect(record.conditions.isEmpty)
        #expect(record.phases.isEmpty)
    }

    // MARK: titles

    @Test func siteChromeNeverBecomesTheTitle() throws {
        let record = try Fixture.record(
            """
            We updated the design of this site on September 25th. Learn more.
            Home > Clinical trials > Cancer
            ← Back to Search
            Clinical Trial - NCT01234567
            Pembrolizumab After Surgery for High-risk Melanoma
            Recruiting
            Sponsor: Example Oncology Group
            """)
        #expect(record.briefTitle == "Pembrolizumab After Surgery for High-risk Melanoma")
        #expect(record.nctId == "NCT01234567")
        #expect(record.overallStatus == .recruiting)
    }

    @Test func aGlossaryPageHasNoTitle() throws {
        let record = try Fixture.record(
            """
            Study record managers: refer to the Data Element Definitions if submitting registration information.
            A type of eligibility criteria that indicates whether people can participate in that study.
            The age groups are:
            Child (birth-17)
            Older Adult (65+)
            Eligibility Module path is as follows:
            Study -> Protocol Section -> Eligibility Module
            """)
        #expect(record.briefTitle == nil)
        #expect(record.officialTitle == nil)
    }

    @Test func aTitleComesBeforeThePagesFirstField() throws {
        let record = try Fixture.record(
            """
            56
            Participants
            Start Date
            November 23, 2020
            National Institutes of Health Clinical Center, Bethesda
            """)
        #expect(record.briefTitle == nil)
        #expect(record.dates.start?.date == "2020-11-23")
    }

    @Test func aLabelledOfficialTitleDoesNotHideTheHeadingTitle() throws {
        let record = try Fixture.record(
            """
            Trial of Nivolumab in Recurrent Head and Neck Carcinoma
            Official Title: A Randomized Phase 3 Trial of Nivolumab vs Investigator's Choice in Head and Neck Cancer
            """)
        #expect(record.briefTitle == "Trial of Nivolumab in Recurrent Head and Neck Carcinoma")
        #expect(record.phases == [.phase3])
    }

    // MARK: conditions and interventions

    @Test func conditionsAndInterventionsUnderOtherHeadings() throws {
        let record = try Fixture.record(
            """
            Condition or disease
            Asthma
            Intervention/treatment
            Drug: Budesonide
            Biological: Vaccine X

            Investigational medicinal product
            Formoterol
            """)
        #expect(record.conditions == ["Asthma"])
        #expect(record.interventions.map(\.name) == ["Budesonide", "Vaccine X", "Formoterol"])
        #expect(record.interventions.map(\.type) == [.drug, .biological, nil])
    }

    // MARK: a page that begins with a bracket

    @Test func aPageThatBeginsWithABracketIsReadAsText() throws {
        let record = try Fixture.record(
            """
            [Trial of a device that is not approved or cleared by the U.S. FDA]

            Overall Status
            Withheld
            """)
        #expect(record.overallStatus == .withheld)
        #expect(record.warnings.contains(JSONStart.readAsTextWarning))
        #expect(record.briefTitle == "[Trial of a device that is not approved or cleared by the U.S. FDA]")
    }

    @Test func brokenJSONIsStillBrokenJSON() {
        #expect(JSONStart.isPlausible(Array("[1, 2".utf8)))
        #expect(JSONStart.isPlausible(Array(" {\"protocolSection\": {,}}".utf8)))
        #expect(JSONStart.isPlausible(Array("[ true ]".utf8)))
        #expect(!JSONStart.isPlausible(Array("[Trial of a device]".utf8)))
        #expect(!JSONStart.isPlausible(Array("{Banner} Study of X".utf8)))
        #expect(!JSONStart.isPlausible(Array("[tab] notes".utf8)))
        let error = #expect(throws: ExtractionError.self) { try Fixture.record("[1, 2") }
        #expect(error?.code == "malformed-json")
    }

    // MARK: the whole page for the enrichers

    @Test func theWholeTextIsKeptForTheEnrichers() throws {
        let text = "A Study of Metformin in Prediabetes Patients\nArm | Drug\nA | pembrolizumab"
        let extracted = try Fixture.extracted(text)
        let record = extracted.record
        #expect(extracted.annotations.documentText == text)
    }
}
