import Testing
import TrialModel

@testable import Extraction

/// A MedPath page about another trial: other drugs, sponsor and countries, dashes instead of numbers,
/// a wrapped criterion, an arms table with several rows per arm, outcomes without descriptions, two sites.
@Suite struct MedPathLayoutTests {
    static let page = """
        MedPath

        Nivolumab Plus Ipilimumab Versus Sunitinib in Advanced Renal Cell Carcinoma

        Phase 3
        Completed
        Conditions
        Renal Cell Carcinoma
        Kidney Neoplasms
        Interventions
        Drug: Nivolumab
        Drug: Ipilimumab
        Drug: Sunitinib
        Registration Number
        NCT02231749
        Lead Sponsor
        Bristol-Myers Squibb
        Brief Summary

        The purpose of this study is to compare overall survival of nivolumab combined with ipilimumab \
        versus sunitinib.

        Detailed Description

        N/A

        Recruitment & Eligibility

        Status
        COMPLETED
        Sex
        All
        Target Recruitment
        1096
        Inclusion Criteria
          - Histological confirmation of RCC with a clear-cell component
          - Advanced or metastatic RCC
            that is measurable per RECIST 1.1
          - Karnofsky Performance Status of at least 70%
        Exclusion Criteria
          - Any CNS metastases
          - Prior systemic therapy for RCC \\> 1 line

        Study & Design

        Study Type
        INTERVENTIONAL
        Study Design
        PARALLEL
        Arm && Interventions
        GroupInterventionDescription
        Arm A: Nivolumab + IpilimumabNivolumabNivolumab 3 mg/kg IV every 3 weeks for 4 doses
        Arm A: Nivolumab + IpilimumabIpilimumabIpilimumab 1 mg/kg IV every 3 weeks for 4 doses
        Arm B: SunitinibSunitinibSunitinib 50 mg orally once daily
        Primary Outcome Measures
        NameTimeMethod
        Overall Survival (OS)Approximately 48 months

        OS is defined as the time from randomization to death.

        Objective Response Rate (ORR)Up to 60 months

        Secondary Outcome Measures
        NameTimeMethod
        Incidence of Adverse Events (AEs)From first dose to 100 days after last dose

        Trial Locations

        Locations (2)

        Local Institution - 0001

        🇺🇸

        Boston, Massachusetts, United States

        Charité Universitätsmedizin Berlin

        🇩🇪

        Berlin, Germany

        © Copyright 2025. All Rights Reserved by MedPath
        """

    @Test func readsHeaderAndFields() throws {
        let record = try Fixture.record(Self.page)
        #expect(record.provenance.layout == "medpath")
        #expect(record.id == "NCT02231749")
        #expect(record.nctId == "NCT02231749")
        #expect(record.briefTitle == "Nivolumab Plus Ipilimumab Versus Sunitinib in Advanced Renal Cell Carcinoma")
        #expect(record.phases == [.phase3])
        #expect(record.overallStatus == .completed)
        #expect(record.conditions == ["Renal Cell Carcinoma", "Kidney Neoplasms"])
        #expect(record.leadSponsor?.name == "Bristol-Myers Squibb")
        #expect(record.detailedDescription == nil)
        #expect(record.briefSummary?.hasPrefix("The purpose of this study") == true)
        #expect(record.enrollment?.count == 1096)
        #expect(record.eligibility.sex == .all)
        #expect(record.studyType == .interventional)
        #expect(record.design.interventionModel == .parallel)
        #expect(!record.warnings.contains("layout not recognised"))
    }

    @Test func readsDashedAndWrappedCriteria() throws {
        let record = try Fixture.record(Self.page)
        #expect(
            record.eligibility.inclusion == [
                "Histological confirmation of RCC with a clear-cell component",
                "Advanced or metastatic RCC that is measurable per RECIST 1.1",
                "Karnofsky Performance Status of at least 70%",
            ])
        #expect(record.eligibility.exclusion == ["Any CNS metastases", "Prior systemic therapy for RCC > 1 line"])
        #expect(record.eligibility.criteria?.contains("- Any CNS metastases") == true)
    }

    @Test func readsGluedArmsTable() throws {
        let record = try Fixture.record(Self.page)
        #expect(record.armGroups.map(\.label) == ["Arm A: Nivolumab + Ipilimumab", "Arm B: Sunitinib"])
        #expect(record.armGroups.first?.interventionNames == ["Nivolumab", "Ipilimumab"])
        #expect(record.armGroups.last?.interventionNames == ["Sunitinib"])
        #expect(record.interventions.map(\.name) == ["Nivolumab", "Ipilimumab", "Sunitinib"])
        #expect(record.interventions.allSatisfy { $0.type == .drug })
        #expect(record.interventions.first?.description == "Nivolumab 3 mg/kg IV every 3 weeks for 4 doses")
        #expect(!record.warnings.contains("arms table: cell boundaries guessed"))
    }

    @Test func readsOutcomesWithAndWithoutDescriptions() throws {
        let record = try Fixture.record(Self.page)
        #expect(record.primaryOutcomes.map(\.measure) == ["Overall Survival (OS)", "Objective Response Rate (ORR)"])
        #expect(record.primaryOutcomes.map(\.timeFrame) == ["Approximately 48 months", "Up to 60 months"])
        #expect(record.primaryOutcomes[0].description == "OS is defined as the time from randomization to death.")
        #expect(record.primaryOutcomes[1].description == nil)
        #expect(record.secondaryOutcomes.map(\.measure) == ["Incidence of Adverse Events (AEs)"])
        #expect(record.secondaryOutcomes.first?.timeFrame == "From first dose to 100 days after last dose")
    }

    @Test func readsSitesWithFlags() throws {
        let record = try Fixture.record(Self.page)
        #expect(record.locations.count == 2)
        #expect(record.locations.first?.facility == "Local Institution - 0001")
        #expect(record.locations.first?.city == "Boston")
        #expect(record.locations.first?.state == "Massachusetts")
        #expect(record.locations.first?.country == "United States")
        #expect(record.locations.last?.facility == "Charité Universitätsmedizin Berlin")
        #expect(record.locations.last?.city == "Berlin")
        #expect(record.locations.last?.state == nil)
        #expect(record.locations.last?.country == "Germany")
    }

    @Test func readsSectionsInAnotherOrderWithoutTheSiteName() throws {
        let page = """
            Sotorasib in KRAS G12C Mutated Non-Small Cell Lung Cancer
            Phase 2
            Active, not recruiting
            Registration Number
            NCT03600883
            Lead Sponsor
            Amgen
            Conditions
            Non-Small Cell Lung Cancer
            Recruitment & Eligibility
            Status
            ACTIVE_NOT_RECRUITING
            Target Recruitment
            742
            Sex
            Male
            Study & Design
            Study Type
            INTERVENTIONAL
            Arm && Interventions
            Group | Intervention | Description
            Sotorasib 960 mg | Sotorasib | -
            """
        let record = try Fixture.record(page)
        #expect(record.provenance.layout == "medpath")
        #expect(record.nctId == "NCT03600883")
        #expect(record.overallStatus == .activeNotRecruiting)
        #expect(record.phases == [.phase2])
        #expect(record.briefTitle == "Sotorasib in KRAS G12C Mutated Non-Small Cell Lung Cancer")
        #expect(record.eligibility.sex == .male)
        #expect(record.armGroups.map(\.label) == ["Sotorasib 960 mg"])
        #expect(record.interventions.map(\.name) == ["Sotorasib"])
        #expect(record.interventions.first?.description == nil)
    }

    @Test func readsHeadingsGluedToTheTextAbove() throws {
        let page = """
            MedPath
            Ruxolitinib in Myelofibrosis
            Phase 3
            Completed
            Registration Number
            NCT00952289
            Brief Summary
            This study compares ruxolitinib with best available therapy.Detailed Description
            Patients are randomized 2:1.Recruitment & Eligibility
            Status
            COMPLETED
            Inclusion Criteria
            • Primary myelofibrosis
            • Palpable splenomegaly
            Exclusion Criteria
            • Prior JAK inhibitor
            Study & Design
            """
        let record = try Fixture.record(page)
        #expect(record.briefSummary == "This study compares ruxolitinib with best available therapy.")
        #expect(record.detailedDescription == "Patients are randomized 2:1.")
        #expect(record.eligibility.inclusion == ["Primary myelofibrosis", "Palpable splenomegaly"])
        #expect(record.eligibility.exclusion == ["Prior JAK inhibitor"])
    }
}
