import Testing
import TrialModel

@testable import Extraction

/// A trial-details page about another trial: criteria on lines of their own with dashes, several
/// interventions, a locations table, three sponsors one per line, a PMID, spaced outcome rows and a see-also
/// list whose phases include "N/A".
@Suite struct TrialDetailsLayoutTests {
    static let page = """
        Clinical Trials Logo

        Clinical Trial Details — Status: Recruiting

        Administrative data

        NCT number NCT04123456
        Other study ID # KEYNOTE-999
        Secondary ID 2019-001234-56
        Status Recruiting
        Phase Phase 1/Phase 2
        First received October 1, 2019
        Last updated
        Start date 15 January 2020
        Completion date December 2024

        Study information

        Verified date 2021-05
        Source Merck Sharp & Dohme LLC
        Contact Jane Roe, MD
        Phone +1 555 0100
        Email jane.roe@example.org
        Study type Interventional

        Clinical Trial Summary

        This study evaluates pembrolizumab with or without radiotherapy in head and neck cancer.

        Recruitment information / eligibility

        Status Recruiting
        Enrollment 120
        Accepts healthy volunteers Accepts Healthy Volunteers
        Gender Female
        Age group 18 Years and older
        Eligibility Inclusion Criteria:
        - Age ≥ 18 years
        - Measurable disease per RECIST 1.1
        Exclusion Criteria:
        - Prior anti-PD-1 therapy
        - Active autoimmune disease
          requiring systemic treatment

        Study Design

        Allocation: Randomized
        Intervention model: Parallel Assignment
        Masking: None (Open Label)
        Primary purpose: Treatment

        Intervention

        Drug:
        Pembrolizumab
        200 mg IV every 3 weeks
        Radiation: Radiotherapy
        70 Gy in 35 fractions

        Locations

        Country Name City State
        United States Mayo Clinic Rochester Minnesota
        France | Institut Gustave Roussy | Villejuif | Val-de-Marne

        Sponsors (3)

        Lead Sponsor Collaborator Collaborator
        Merck Sharp & Dohme LLC
        National Cancer Institute (NCI)
        Fondazione IRCCS Istituto Nazionale dei Tumori

        References & Publications (1)

        Roe J, Doe J. Pembrolizumab in head and neck cancer. Lancet Oncol. 2021;22:1-10. doi: 10.1016/S1470-2045(21)00001-1. PMID: 33456789 — View Citation

        Outcome

        Type Measure Description Time frame Safety issue
        Primary Progression-free survival Time from randomization to progression or death. 24 months No
        Secondary Overall Survival Time from randomization to death from any cause Up to 5 years No
        See also
          Status Clinical Trial Phase
        Recruiting NCT05000001 - Radiotherapy Alone in Head and Neck Cancer N/A
        Completed NCT04123456 - The Same Trial Listed Again Phase 2
        """

    @Test func readsLabelledFields() throws {
        let record = try Fixture.record(Self.page)
        #expect(record.provenance.layout == "trial-details")
        #expect(record.id == "NCT04123456")
        #expect(record.orgStudyId == "KEYNOTE-999")
        #expect(record.secondaryIds == ["2019-001234-56"])
        #expect(record.overallStatus == .recruiting)
        #expect(record.phases == [.phase1, .phase2])
        #expect(record.dates.firstSubmitted == "2019-10-01")
        #expect(record.dates.lastUpdate == nil)
        #expect(record.dates.start == DateStruct(date: "2020-01-15"))
        #expect(record.dates.completion == DateStruct(date: "2024-12"))
        #expect(record.dates.statusVerified == "2021-05")
        #expect(record.contacts == [Contact(name: "Jane Roe, MD", phone: "+1 555 0100", email: "jane.roe@example.org")])
        #expect(record.studyType == .interventional)
        #expect(record.enrollment?.count == 120)
        #expect(record.eligibility.healthyVolunteers == true)
        #expect(record.eligibility.sex == .female)
        #expect(record.eligibility.minimumAge == "18 Years")
        #expect(record.eligibility.maximumAge == nil)
        #expect(
            record.design
                == Design(
                    allocation: .randomized, interventionModel: .parallel, primaryPurpose: .treatment,
                    masking: Masking.none))
        #expect(record.briefSummary?.hasPrefix("This study evaluates pembrolizumab") == true)
    }

    @Test func keepsCriteriaLinesThatStartWithLabelWords() throws {
        let record = try Fixture.record(Self.page)
        #expect(record.eligibility.inclusion == ["Age ≥ 18 years", "Measurable disease per RECIST 1.1"])
        #expect(
            record.eligibility.exclusion == [
                "Prior anti-PD-1 therapy", "Active autoimmune disease requiring systemic treatment",
            ])
    }

    @Test func readsInterventionsLocationsAndSponsors() throws {
        let record = try Fixture.record(Self.page)
        #expect(record.interventions.map(\.name) == ["Pembrolizumab", "Radiotherapy"])
        #expect(record.interventions.map(\.type) == [.drug, .radiation])
        #expect(record.interventions.map(\.description) == ["200 mg IV every 3 weeks", "70 Gy in 35 fractions"])
        #expect(record.locations.count == 2)
        #expect(
            record.locations[0]
                == Location(facility: "Mayo Clinic", city: "Rochester", state: "Minnesota", country: "United States"))
        #expect(
            record.locations[1]
                == Location(
                    facility: "Institut Gustave Roussy", city: "Villejuif", state: "Val-de-Marne", country: "France"))
        #expect(record.leadSponsor?.name == "Merck Sharp & Dohme LLC")
        #expect(
            record.collaborators.map(\.name) == [
                "National Cancer Institute (NCI)", "Fondazione IRCCS Istituto Nazionale dei Tumori",
            ])
    }

    @Test func readsReferencesOutcomesAndSeeAlso() throws {
        let extracted = try Fixture.extracted(Self.page)
        let record = extracted.record
        #expect(record.references.count == 1)
        #expect(record.references.first?.doi == "10.1016/S1470-2045(21)00001-1")
        #expect(record.references.first?.pmid == "33456789")
        #expect(record.references.first?.citation.hasSuffix("PMID: 33456789") == true)
        #expect(
            record.primaryOutcomes == [
                Outcome(
                    measure: "Progression-free survival", timeFrame: "24 months",
                    description: "Time from randomization to progression or death.")
            ])
        #expect(
            record.secondaryOutcomes == [
                Outcome(
                    measure: "Overall Survival", timeFrame: "Up to 5 years",
                    description: "Time from randomization to death from any cause")
            ])
        // The page's own id is not a related trial.
        let links = extracted.annotations.listedLinks
        #expect(links.map(\.nctId) == ["NCT05000001"])
        #expect(links.first?.title == "Radiotherapy Alone in Head and Neck Cancer")
        #expect(links.first?.phases == [.notApplicable])
        #expect(links.first?.overallStatus == .recruiting)
        #expect(links.first?.url == "https://clinicaltrials.gov/study/NCT05000001")
        #expect(record.seeAlso.isEmpty)
        #expect(record.crossReferences.isEmpty)
    }

    @Test func splitsSponsorNamesPrintedOnOneLine() throws {
        let page = """
            Clinical Trial Details — Status: Completed

            Administrative data

            NCT number NCT01111111
            Source Karolinska University Hospital

            Sponsors (2)

            Lead Sponsor Collaborator
            Karolinska University Hospital Swedish Cancer Society
            """
        let record = try Fixture.record(page)
        #expect(record.overallStatus == .completed)
        #expect(record.leadSponsor?.name == "Karolinska University Hospital")
        #expect(record.collaborators.map(\.name) == ["Swedish Cancer Society"])
    }

    @Test func readsInlineHeadingsAndIgnoresLabelsWithoutAField() throws {
        let page = """
            Clinical Trial Details — Status: Active, not recruiting

            Administrative data

            NCT number NCT02222222
            Phase Phase 4

            Clinical Trial Summary

            Registry of statin users.Description: Patients are followed for ten years.

            Study Design

            Observational model Cohort
            Time perspective Prospective
            Primary purpose Prevention
            """
        let record = try Fixture.record(page)
        #expect(record.overallStatus == .activeNotRecruiting)
        #expect(record.phases == [.phase4])
        #expect(record.briefSummary == "Registry of statin users.")
        #expect(record.detailedDescription == "Patients are followed for ten years.")
        #expect(record.design.primaryPurpose == .prevention)
    }
}
