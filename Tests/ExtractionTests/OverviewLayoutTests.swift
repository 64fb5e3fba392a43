import Testing
import TrialModel

@testable import Extraction

/// Overview pages about other trials: bullets, wrapped criteria, labels glued to the text before them,
/// values printed twice, sections in another order.
@Suite struct OverviewLayoutTests {
    static let page = """
        Overview
        Pembrolizumab in Recurrent Glioblastoma
        Status:
        Recruiting
        Recruiting
        Trial start date:
        March 1, 2022
        March 1, 2022
        Participant gender:
        Female
        Female
        Summary
        This trial studies how well pembrolizumab works in recurrent glioblastoma.Phase:
        Phase 2Accepts Healthy Volunteers?
        YesDetails
        Lead Sponsor:
        Mayo ClinicTreatments:
        Pembrolizumab
        Bevacizumab
        Criteria
        Inclusion Criteria:
        • Age ≥ 18 years
        • Histologically confirmed
        glioblastoma at first recurrence
        Exclusion Criteria:
        • Prior anti-PD-1 therapy
        """

    @Test func readsGluedLabelsAndDoubledValues() throws {
        let record = try Fixture.record(Self.page)
        #expect(record.provenance.layout == "overview")
        #expect(record.briefTitle == "Pembrolizumab in Recurrent Glioblastoma")
        #expect(record.overallStatus == .recruiting)
        #expect(record.dates.start?.date == "2022-03-01")
        #expect(record.eligibility.sex == .female)
        #expect(record.briefSummary == "This trial studies how well pembrolizumab works in recurrent glioblastoma.")
        #expect(record.phases == [.phase2])
        #expect(record.eligibility.healthyVolunteers == true)
        #expect(record.leadSponsor?.name == "Mayo Clinic")
        #expect(record.interventions.map(\.name) == ["Pembrolizumab", "Bevacizumab"])
        #expect(record.nctId == nil)
        #expect(record.id.hasPrefix("doc-"))
        #expect(record.id == RecordID.make(nctId: nil, officialTitle: nil, briefTitle: record.briefTitle, text: ""))
    }

    @Test func readsBulletedWrappedCriteria() throws {
        let record = try Fixture.record(Self.page)
        #expect(
            record.eligibility.inclusion == [
                "Age ≥ 18 years", "Histologically confirmed glioblastoma at first recurrence",
            ])
        #expect(record.eligibility.exclusion == ["Prior anti-PD-1 therapy"])
    }

    @Test func readsValuesOnTheLabelLineAndNullWords() throws {
        let page = """
            Overview
            Metformin for Prevention of Type 2 Diabetes
            Status: Completed
            Trial end date: June 2019
            Target enrollment: 3,234
            Participant gender: All
            Summary
            Not available
            Phase:
            N/A
            Lead Sponsor:
            National Institute of Diabetes and Digestive and Kidney Diseases (NIDDK)Treatments:
            Metformin
            Criteria
            Inclusion Criteria:
            a) Age 25 years or older
            b) BMI ≥ 24 kg/m2
            Exclusion Criteria:
            a) Diagnosed diabetes
            """
        let record = try Fixture.record(page)
        #expect(record.provenance.layout == "overview")
        #expect(record.overallStatus == .completed)
        #expect(record.dates.completion?.date == "2019-06")
        #expect(record.enrollment?.count == 3234)
        #expect(record.briefSummary == nil)
        #expect(record.phases == [.notApplicable])
        #expect(record.leadSponsor?.name == "National Institute of Diabetes and Digestive and Kidney Diseases (NIDDK)")
        #expect(record.eligibility.inclusion == ["Age 25 years or older", "BMI ≥ 24 kg/m2"])
        #expect(record.eligibility.exclusion == ["Diagnosed diabetes"])
    }

    @Test func takesTheTitleUnderTheHeadingNotTheNavigationAboveIt() throws {
        let page = "Home\nFind a trial\n" + Self.page
        let record = try Fixture.record(page)
        #expect(record.provenance.layout == "overview")
        #expect(record.briefTitle == "Pembrolizumab in Recurrent Glioblastoma")
    }
}
