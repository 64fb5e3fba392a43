import Testing
import TrialModel

@testable import Extraction

/// Text copied from ClinicalTrials.gov study pages (select all, copy): the header, the sections with
/// their labels on lines of their own, and the arms, outcome and location tables a cell per line.
@Suite struct CTGovPageTextTests {
    static let lungCancerPage = """
        Recruiting
        A Study of Osimertinib With or Without Savolitinib in EGFR-Mutant Non-Small Cell Lung Cancer
        ClinicalTrials.gov ID NCT05261399
        Sponsor
        AstraZeneca
        Information provided by
        AstraZeneca (Responsible Party)
        Last Update Posted
        2024-03-01
        Study Details
        No Results Posted
        Record History
        Study Overview
        Brief Summary
        This study will assess the efficacy and safety of osimertinib given with savolitinib compared \
        with osimertinib alone in adults with EGFR-mutant, MET-amplified non-small cell lung cancer.

        Participants will be randomised 1:1.
        Detailed Description
        This is a Phase 2, randomised, open-label, multicentre study.
        Official Title
        A Phase II, Randomised, Open-label, Multicentre Study of Osimertinib Plus Savolitinib Versus \
        Osimertinib Alone in Patients With EGFR-mutated, MET-amplified Locally Advanced or Metastatic NSCLC
        Conditions
        Non-small Cell Lung Cancer
        EGFR Mutation
        Intervention / Treatment
        Drug: Osimertinib
        Drug: Savolitinib
        Other Study ID Numbers
        D5084C00021
        Study Start (Actual)
        2023-01-15
        Primary Completion (Estimated)
        2025-06-30
        Study Completion (Estimated)
        2026-12-31
        Enrollment (Estimated)
        120
        Study Type
        Interventional
        Phase
        Phase 2
        Contacts and Locations
        This section provides the contact details for those conducting the study, and information on \
        where this study is being conducted.
        Study Contact
        AstraZeneca Clinical Study Information Center
        Study Locations
        United States, California
        UCLA Medical Center
        Los Angeles, California, United States, 90095
        Recruiting
        Contact:
        Jane Roe
        310-555-0142
        Japan
        National Cancer Center Hospital East
        Kashiwa, Chiba, Japan, 277-8577
        Not yet recruiting
        Participation Criteria
        Researchers look for people who fit a certain description, called eligibility criteria. Some \
        examples of these criteria are a person's general health condition or prior treatments.
        Eligibility Criteria
        Inclusion Criteria:

        - Histologically confirmed locally advanced or metastatic NSCLC
        - Documented EGFR mutation known to be associated with EGFR-TKI sensitivity
        - ECOG performance status 0 or 1

        Exclusion Criteria:

        - Prior treatment with a MET inhibitor
        - Spinal cord compression or brain metastases unless asymptomatic and stable
        Ages Eligible for Study
        18 Years and older (Adult, Older Adult)
        Sexes Eligible for Study
        All
        Accepts Healthy Volunteers
        No
        Study Plan
        This section provides details of the study plan, including how the study is designed and what \
        the study is measuring.
        How is the study designed?
        Design Details
        Primary Purpose
        Treatment
        Allocation
        Randomized
        Interventional Model
        Parallel Assignment
        Masking
        None (Open Label)
        Arms and Interventions
        Participant Group/Arm
        Intervention/Treatment
        Experimental: Osimertinib plus savolitinib
        Osimertinib 80 mg once daily plus savolitinib 300 mg twice daily
        Drug: Osimertinib
        80 mg tablet taken orally once daily
        Other Names:
        Tagrisso
        AZD9291
        Drug: Savolitinib
        300 mg tablet taken orally twice daily
        Other Names:
        AZD6094
        Active Comparator: Osimertinib alone
        Osimertinib 80 mg once daily
        Drug: Osimertinib
        80 mg tablet taken orally once daily
        Other Names:
        Tagrisso
        AZD9291
        What is the study measuring?
        Primary Outcome Measures
        Outcome Measure
        Measure Description
        Time Frame
        Progression-free survival (PFS)
        PFS by investigator assessment per RECIST 1.1.
        Up to approximately 36 months
        Secondary Outcome Measures
        Outcome Measure
        Measure Description
        Time Frame
        Overall survival
        Time from randomisation until death due to any cause.
        Up to approximately 60 months
        Objective response rate
        12 months
        Collaborators and Investigators
        This is where you will find people and organizations involved with this study.
        Sponsor
        AstraZeneca
        Collaborators
        HUTCHMED
        Parexel International
        Investigators
        Principal Investigator: James Chih-Hsin Yang, MD, National Taiwan University Hospital
        Publications
        The person responsible for entering information about the study voluntarily provides these \
        publications. These may be about anything related to the study.
        General Publications
        Sequist LV, Han JY, Ahn MJ, et al. Osimertinib plus savolitinib in patients with EGFR \
        mutation-positive, MET-amplified, non-small-cell lung cancer. Lancet Oncol. 2020;21(3):373-386. \
        PMID: 32027846
        Study Record Dates
        These dates track the progress of study record and summary results submissions to \
        ClinicalTrials.gov.
        Study Registration Dates
        First Submitted
        2022-02-24
        First Submitted that Met QC Criteria
        2022-02-24
        First Posted (Actual)
        2022-03-03
        Study Record Updates
        Last Update Posted (Actual)
        2024-03-01
        Last Update Submitted that met QC Criteria
        2024-02-28
        Last Verified
        2024-02
        """

    @Test func readsTheHeaderAndStudyOverview() throws {
        let record = try Fixture.record(Self.lungCancerPage)
        #expect(record.provenance.layout == "ctgov-page")
        #expect(record.nctId == "NCT05261399")
        #expect(record.id == "NCT05261399")
        #expect(record.overallStatus == .recruiting)
        #expect(
            record.briefTitle
                == "A Study of Osimertinib With or Without Savolitinib in EGFR-Mutant Non-Small Cell Lung Cancer"
        )
        #expect(record.officialTitle?.hasPrefix("A Phase II, Randomised, Open-label") == true)
        #expect(record.officialTitle?.hasSuffix("Metastatic NSCLC") == true)
        #expect(record.briefSummary?.hasSuffix("\n\nParticipants will be randomised 1:1.") == true)
        #expect(record.detailedDescription == "This is a Phase 2, randomised, open-label, multicentre study.")
        #expect(record.conditions == ["Non-small Cell Lung Cancer", "EGFR Mutation"])
        #expect(record.orgStudyId == "D5084C00021")
        #expect(record.phases == [.phase2])
        #expect(record.studyType == .interventional)
        #expect(record.enrollment == Enrollment(count: 120, type: .estimated))
        #expect(record.dates.start == DateStruct(date: "2023-01-15", type: .actual))
        #expect(record.dates.primaryCompletion == DateStruct(date: "2025-06-30", type: .estimated))
        #expect(record.dates.completion == DateStruct(date: "2026-12-31", type: .estimated))
        #expect(record.dates.firstSubmitted == "2022-02-24")
        #expect(record.dates.lastUpdate == "2024-03-01")
        #expect(record.dates.statusVerified == "2024-02")
        #expect(record.leadSponsor?.name == "AstraZeneca")
        #expect(record.collaborators.map(\.name) == ["HUTCHMED", "Parexel International"])
    }

    @Test func readsEligibilityAndDesign() throws {
        let record = try Fixture.record(Self.lungCancerPage)
        #expect(record.eligibility.inclusion.count == 3)
        #expect(record.eligibility.inclusion.first == "Histologically confirmed locally advanced or metastatic NSCLC")
        #expect(
            record.eligibility.exclusion == [
                "Prior treatment with a MET inhibitor",
                "Spinal cord compression or brain metastases unless asymptomatic and stable",
            ])
        #expect(record.eligibility.minimumAge == "18 Years")
        #expect(record.eligibility.maximumAge == nil)
        #expect(record.eligibility.sex == .all)
        #expect(record.eligibility.healthyVolunteers == false)
        #expect(record.design.allocation == .randomized)
        #expect(record.design.interventionModel == .parallel)
        #expect(record.design.primaryPurpose == .treatment)
        #expect(record.design.masking == Masking.none)
    }

    @Test func readsArmsOutcomesLocationsAndReferences() throws {
        let record = try Fixture.record(Self.lungCancerPage)
        #expect(record.armGroups.map(\.label) == ["Osimertinib plus savolitinib", "Osimertinib alone"])
        #expect(record.armGroups.map(\.type) == [.experimental, .activeComparator])
        #expect(record.armGroups[0].interventionNames == ["Osimertinib", "Savolitinib"])
        #expect(record.armGroups[1].interventionNames == ["Osimertinib"])
        #expect(record.armGroups[1].description == "Osimertinib 80 mg once daily")
        #expect(record.interventions.map(\.name) == ["Osimertinib", "Savolitinib"])
        #expect(record.interventions.allSatisfy { $0.type == .drug })
        #expect(record.interventions[0].description == "80 mg tablet taken orally once daily")
        #expect(record.interventions[0].otherNames == ["Tagrisso", "AZD9291"])
        #expect(record.interventions[1].otherNames == ["AZD6094"])
        #expect(
            record.primaryOutcomes == [
                Outcome(
                    measure: "Progression-free survival (PFS)",
                    timeFrame: "Up to approximately 36 months",
                    description: "PFS by investigator assessment per RECIST 1.1.")
            ])
        #expect(record.secondaryOutcomes.map(\.measure) == ["Overall survival", "Objective response rate"])
        #expect(record.secondaryOutcomes[1].timeFrame == "12 months")
        #expect(record.secondaryOutcomes[1].description == nil)
        #expect(record.locations.count == 2)
        #expect(record.locations.first?.facility == "UCLA Medical Center")
        #expect(record.locations.first?.city == "Los Angeles")
        #expect(record.locations.first?.state == "California")
        #expect(record.locations.first?.zip == "90095")
        #expect(record.locations.first?.country == "United States")
        #expect(record.locations.last?.facility == "National Cancer Center Hospital East")
        #expect(record.locations.last?.country == "Japan")
        #expect(record.locations.last?.zip == "277-8577")
        #expect(record.references.count == 1)
        #expect(record.references.first?.pmid == "32027846")
    }

    static let breastCancerPage = """
        Active, not recruiting
        Trastuzumab Deruxtecan Plus Pertuzumab in HER2-Positive Early Breast Cancer
        ClinicalTrials.gov ID
        NCT04784715
        Sponsor: UNICANCER
        Information provided by: UNICANCER (Responsible Party)
        Last Update Posted: 2023-11-20
        Study Overview
        Brief Summary
        The aim of this trial is to evaluate neoadjuvant trastuzumab deruxtecan combined with \
        pertuzumab.
        Official Title
        Phase I/II Trial of Neoadjuvant Trastuzumab Deruxtecan and Pertuzumab in Early HER2+ Breast Cancer
        Conditions
        Breast Cancer
        Keywords
        HER2-positive
        neoadjuvant
        Intervention / Treatment
        Biological: Trastuzumab deruxtecan
        Biological: Pertuzumab
        Study Start (Actual)
        2021-09-06
        Primary Completion (Actual)
        2023-10
        Study Completion (Estimated)
        2027-10
        Enrollment (Actual)
        84
        Study Type
        Interventional
        Phase
        Phase 1
        Phase 2
        Contacts and Locations
        Study Locations
        France
        Lyon, France
        Centre Léon Bérard
        Paris, France, 75005
        Institut Curie
        Participation Criteria
        Eligibility Criteria
        Ages Eligible for Study
        18 Years to 75 Years (Adult, Older Adult)
        Sexes Eligible for Study
        Female
        Accepts Healthy Volunteers
        No
        Inclusion Criteria:
        1. Women with HER2-positive invasive breast carcinoma
        2. Tumour size of at least 2 cm
        Exclusion Criteria:
        1. Metastatic disease
        Study Plan
        Arms and Interventions
        Participant Group/Arm
        Intervention/Treatment
        Experimental: T-DXd plus pertuzumab
        Six cycles every 3 weeks before surgery
        Biological: Trastuzumab deruxtecan
        5.4 mg/kg IV every 3 weeks
        Biological: Pertuzumab
        840 mg loading dose then 420 mg IV every 3 weeks
        Primary Outcome Measures
        Outcome Measure
        Measure Description
        Time Frame
        Pathological complete response rate
        Absence of invasive cancer in breast and nodes at surgery.
        At surgery (approximately 20 weeks)
        Collaborators and Investigators
        Sponsor
        UNICANCER
        Collaborators
        Daiichi Sankyo
        Study Record Dates
        First Submitted
        2021-03-01
        Last Update Posted (Estimated)
        2023-11-20
        """

    @Test func readsAPageWithInlineHeaderLabelsAndSeveralPhases() throws {
        let record = try Fixture.record(Self.breastCancerPage)
        #expect(record.provenance.layout == "ctgov-page")
        #expect(record.nctId == "NCT04784715")
        #expect(record.overallStatus == .activeNotRecruiting)
        #expect(
            record.briefTitle
                == "Trastuzumab Deruxtecan Plus Pertuzumab in HER2-Positive Early Breast Cancer")
        #expect(record.phases == [.phase1, .phase2])
        #expect(record.leadSponsor?.name == "UNICANCER")
        #expect(record.collaborators.map(\.name) == ["Daiichi Sankyo"])
        #expect(record.keywords == ["HER2-positive", "neoadjuvant"])
        #expect(record.enrollment == Enrollment(count: 84, type: .actual))
        #expect(record.dates.primaryCompletion == DateStruct(date: "2023-10", type: .actual))
        #expect(record.dates.completion == DateStruct(date: "2027-10", type: .estimated))
        #expect(record.eligibility.minimumAge == "18 Years")
        #expect(record.eligibility.maximumAge == "75 Years")
        #expect(record.eligibility.sex == .female)
        #expect(record.eligibility.healthyVolunteers == false)
        #expect(
            record.eligibility.inclusion == [
                "Women with HER2-positive invasive breast carcinoma", "Tumour size of at least 2 cm",
            ])
        #expect(record.eligibility.exclusion == ["Metastatic disease"])
        #expect(record.interventions.map(\.type) == [.biological, .biological])
        #expect(record.interventions[1].description == "840 mg loading dose then 420 mg IV every 3 weeks")
        #expect(record.armGroups.count == 1)
        #expect(record.armGroups.first?.interventionNames == ["Trastuzumab deruxtecan", "Pertuzumab"])
        #expect(record.primaryOutcomes.first?.timeFrame == "At surgery (approximately 20 weeks)")
        #expect(record.locations.map(\.facility) == ["Centre Léon Bérard", "Institut Curie"])
        #expect(record.locations.map(\.city) == ["Lyon", "Paris"])
        #expect(record.locations.last?.zip == "75005")
        #expect(record.dates.firstSubmitted == "2021-03-01")
    }

    @Test func oneSectionHeadingAloneDoesNotNameTheLayout() throws {
        let lines = TextLines(lines: ["Study Overview", "Brief Summary", "Trial summary text"])
        #expect(LayoutDetector.detect(lines) == .generic)
    }
}
