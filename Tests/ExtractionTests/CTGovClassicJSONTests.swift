import Foundation
import Testing
import TrialModel

@testable import Extraction

/// ClinicalTrials.gov classic API downloads (`FullStudiesResponse`): one record per study, with the fields the
/// API v2 reader fills.
@Suite struct CTGovClassicJSONTests {
    static let sharedCorpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/corpus")

    static func extracted(_ bytes: [UInt8], path: String = "inbox/classic.json") throws -> [ExtractedRecord] {
        try DocumentExtractor().extract(
            ExtractionInput(
                bytes: bytes, sourcePath: path, pipeline: "test", processedAt: "2025-01-01T00:00:00Z"))
    }

    /// A classic response with two studies (one full, one sparse) and a ranked item that holds no study.
    static let response = #"""
        {"FullStudiesResponse": {
          "APIVrs": "1.01.05", "NStudiesFound": 3, "MinRank": 1, "MaxRank": 3, "NStudiesReturned": 3,
          "FullStudies": [
            {"Rank": 1, "Study": {
              "ProtocolSection": {
                "IdentificationModule": {
                  "NCTId": "NCT01234567",
                  "OrgStudyIdInfo": {"OrgStudyId": "ABC-001"},
                  "SecondaryIdInfoList": {"SecondaryIdInfo": [
                    {"SecondaryId": "2019-001234-56", "SecondaryIdType": "EudraCT Number"}]},
                  "Organization": {"OrgFullName": "Example University", "OrgClass": "OTHER"},
                  "BriefTitle": "Drug X  Versus Placebo",
                  "OfficialTitle": "A Randomized Study of Drug X",
                  "Acronym": "DX-1"
                },
                "StatusModule": {
                  "StatusVerifiedDate": "March 2024",
                  "OverallStatus": "Active, not recruiting",
                  "StartDateStruct": {"StartDate": "June 5, 2023", "StartDateType": "Actual"},
                  "PrimaryCompletionDateStruct": {
                    "PrimaryCompletionDate": "June 2025", "PrimaryCompletionDateType": "Anticipated"},
                  "CompletionDateStruct": {"CompletionDate": "October 5, 2025"},
                  "StudyFirstSubmitDate": "April 1, 2023",
                  "StudyFirstSubmitQCDate": "April 3, 2023",
                  "LastUpdateSubmitDate": "March 18, 2024",
                  "LastUpdatePostDateStruct": {
                    "LastUpdatePostDate": "March 20, 2024", "LastUpdatePostDateType": "Actual"}
                },
                "SponsorCollaboratorsModule": {
                  "LeadSponsor": {"LeadSponsorName": "Example University", "LeadSponsorClass": "OTHER"},
                  "CollaboratorList": {"Collaborator": [
                    {"CollaboratorName": "Pharma Inc.", "CollaboratorClass": "INDUSTRY"},
                    {"CollaboratorName": "NCI", "CollaboratorClass": "NIH"}]}
                },
                "DescriptionModule": {
                  "BriefSummary": "First paragraph, 5 \\* 3 with a back\\slash.  \n\nSecond paragraph.",
                  "DetailedDescription": "Not available"
                },
                "ConditionsModule": {
                  "ConditionList": {"Condition": ["Lung Cancer", "lung cancer", "NSCLC"]},
                  "KeywordList": {"Keyword": ["EGFR"]}
                },
                "DesignModule": {
                  "StudyType": "Interventional",
                  "PhaseList": {"Phase": ["Phase 1", "Phase 2"]},
                  "DesignInfo": {
                    "DesignAllocation": "Randomized",
                    "DesignInterventionModel": "Parallel Assignment",
                    "DesignPrimaryPurpose": "Treatment",
                    "DesignMaskingInfo": {"DesignMasking": "Double",
                      "DesignWhoMaskedList": {"DesignWhoMasked": ["Participant", "Investigator"]}}
                  },
                  "EnrollmentInfo": {"EnrollmentCount": "120", "EnrollmentType": "Anticipated"}
                },
                "ArmsInterventionsModule": {
                  "ArmGroupList": {"ArmGroup": [
                    {"ArmGroupLabel": "Drug X", "ArmGroupType": "Experimental",
                     "ArmGroupDescription": "Drug X 10 mg daily",
                     "ArmGroupInterventionList": {"ArmGroupInterventionName": [
                       "Drug: Drug X", "Procedure: Biopsy"]}},
                    {"ArmGroupLabel": "Placebo", "ArmGroupType": "Placebo Comparator"}]},
                  "InterventionList": {"Intervention": [
                    {"InterventionType": "Drug", "InterventionName": "Drug X",
                     "InterventionDescription": "Oral, >= 10 mg",
                     "InterventionArmGroupLabelList": {"InterventionArmGroupLabel": ["Drug X"]},
                     "InterventionOtherNameList": {"InterventionOtherName": ["DX-100"]}},
                    {"InterventionType": "Drug", "InterventionName": "Placebo",
                     "InterventionArmGroupLabelList": {"InterventionArmGroupLabel": ["placebo"]}},
                    {"InterventionType": "Procedure", "InterventionName": "Biopsy"}]}
                },
                "OutcomesModule": {
                  "PrimaryOutcomeList": {"PrimaryOutcome": [
                    {"PrimaryOutcomeMeasure": "Progression-free survival",
                     "PrimaryOutcomeDescription": "Time to progression (RECIST 1.1)",
                     "PrimaryOutcomeTimeFrame": "2 years"}]},
                  "SecondaryOutcomeList": {"SecondaryOutcome": [
                    {"SecondaryOutcomeMeasure": "Overall survival", "SecondaryOutcomeTimeFrame": "5 years"}]}
                },
                "EligibilityModule": {
                  "EligibilityCriteria": "Inclusion Criteria:\n\nAge >= 18 years\nECOG 0-1\n\nExclusion Criteria:\n\nPrior therapy with drug X\nCreatinine > 1.5 x ULN",
                  "HealthyVolunteers": "Accepts Healthy Volunteers",
                  "Gender": "Female",
                  "MinimumAge": "18 Years",
                  "MaximumAge": "75 Years",
                  "StdAgeList": {"StdAge": ["Adult", "Older Adult"]}
                },
                "ContactsLocationsModule": {
                  "CentralContactList": {"CentralContact": [
                    {"CentralContactName": "Jane Doe, MD", "CentralContactRole": "Contact",
                     "CentralContactPhone": "555-0100", "CentralContactPhoneExt": "12",
                     "CentralContactEMail": "jane@example.org"}]},
                  "LocationList": {"Location": [
                    {"LocationFacility": "City Hospital", "LocationCity": "Boston",
                     "LocationState": "Massachusetts", "LocationZip": "02115", "LocationCountry": "United States",
                     "LocationContactList": {"LocationContact": [{"LocationContactName": "Site Lead"}]}},
                    {"LocationCity": "Lyon", "LocationCountry": "France"}]}
                },
                "ReferencesModule": {
                  "ReferenceList": {"Reference": [
                    {"ReferencePMID": "12345678", "ReferenceType": "background",
                     "ReferenceCitation": "Doe J. A trial. N Engl J Med. 2020;382:1. doi: 10.1056/NEJMoa1234567."}]},
                  "SeeAlsoLinkList": {"SeeAlsoLink": [
                    {"SeeAlsoLinkLabel": "Related study",
                     "SeeAlsoLinkURL": "https://clinicaltrials.gov/ct2/show/NCT07654321"}]}
                }
              },
              "ResultsSection": {"ParticipantFlowModule": {"FlowRecruitmentDetails": "not read"}},
              "DerivedSection": {
                "InterventionBrowseModule": {
                  "InterventionMeshList": {"InterventionMesh": [
                    {"InterventionMeshId": "D1", "InterventionMeshTerm": "Drug X"}]},
                  "InterventionAncestorList": {"InterventionAncestor": [
                    {"InterventionAncestorId": "D2", "InterventionAncestorTerm": "Protein Kinase Inhibitors"}]}
                }
              }
            }},
            {"Rank": 2, "Study": {
              "ProtocolSection": {
                "IdentificationModule": {"NCTId": "NCT07654321", "BriefTitle": "A Sparse Study"},
                "StatusModule": {"OverallStatus": "Not yet recruiting"},
                "DesignModule": {"StudyType": "Observational", "PhaseList": {"Phase": ["Not Applicable"]}},
                "EligibilityModule": {"HealthyVolunteers": "No", "Gender": "All", "MinimumAge": "N/A"}
              }
            }},
            {"Rank": 3}
          ]
        }}
        """#

    @Test func readsEachStudyOfAResponseWithTheFieldsOfAnAPIv2Study() throws {
        let extracted = try Self.extracted(Array(Self.response.utf8))
        #expect(extracted.count == 2)
        let record = try #require(extracted.first?.record)
        #expect(record.id == "NCT01234567")
        #expect(record.nctId == "NCT01234567")
        #expect(record.provenance.layout == "ctgov-json")
        #expect(record.orgStudyId == "ABC-001")
        #expect(record.secondaryIds == ["2019-001234-56"])
        #expect(record.briefTitle == "Drug X Versus Placebo")
        #expect(record.officialTitle == "A Randomized Study of Drug X")
        #expect(record.acronym == "DX-1")
        #expect(record.overallStatus == .activeNotRecruiting)
        #expect(record.phases == [.phase1, .phase2])
        #expect(record.studyType == .interventional)
        #expect(
            record.design
                == Design(
                    allocation: .randomized, interventionModel: .parallel, primaryPurpose: .treatment,
                    masking: .double))
        #expect(record.enrollment == Enrollment(count: 120, type: .estimated))
        #expect(record.dates.start == DateStruct(date: "2023-06-05", type: .actual))
        #expect(record.dates.primaryCompletion == DateStruct(date: "2025-06", type: .estimated))
        #expect(record.dates.completion == DateStruct(date: "2025-10-05", type: nil))
        #expect(record.dates.statusVerified == "2024-03")
        #expect(record.dates.firstSubmitted == "2023-04-01")
        #expect(record.dates.lastUpdate == "2024-03-20")
        #expect(record.leadSponsor == Sponsor(name: "Example University", class: "OTHER"))
        #expect(record.collaborators.map(\.name) == ["Pharma Inc.", "NCI"])
        #expect(record.conditions == ["Lung Cancer", "NSCLC"])
        #expect(record.keywords == ["EGFR"])
        // Plain text: backslashes are the text's own, not Markdown escapes.
        #expect(record.briefSummary == "First paragraph, 5 \\* 3 with a back\\slash.\n\nSecond paragraph.")
        #expect(record.detailedDescription == nil)
        #expect(record.interventions.map(\.name) == ["Drug X", "Placebo", "Biopsy"])
        #expect(record.interventions.map(\.type) == [.drug, .drug, .procedure])
        #expect(record.interventions.first?.otherNames == ["DX-100"])
        #expect(record.interventions.first?.description == "Oral, >= 10 mg")
        #expect(record.armGroups.map(\.label) == ["Drug X", "Placebo"])
        #expect(record.armGroups.map(\.type) == [.experimental, .placeboComparator])
        #expect(record.armGroups.first?.description == "Drug X 10 mg daily")
        #expect(record.armGroups.map(\.interventionNames) == [["Drug X", "Biopsy"], ["Placebo"]])
        #expect(
            record.primaryOutcomes
                == [
                    Outcome(
                        measure: "Progression-free survival", timeFrame: "2 years",
                        description: "Time to progression (RECIST 1.1)")
                ])
        #expect(record.secondaryOutcomes == [Outcome(measure: "Overall survival", timeFrame: "5 years")])
        #expect(record.eligibility.criteria?.hasPrefix("Inclusion Criteria:\n\nAge >= 18 years\n") == true)
        #expect(record.eligibility.inclusion == ["Age >= 18 years", "ECOG 0-1"])
        #expect(record.eligibility.exclusion == ["Prior therapy with drug X", "Creatinine > 1.5 x ULN"])
        #expect(record.eligibility.sex == .female)
        #expect(record.eligibility.minimumAge == "18 Years")
        #expect(record.eligibility.maximumAge == "75 Years")
        #expect(record.eligibility.healthyVolunteers == true)
        #expect(
            record.locations == [
                Location(
                    facility: "City Hospital", city: "Boston", state: "Massachusetts", zip: "02115",
                    country: "United States"),
                Location(city: "Lyon", country: "France"),
            ])
        #expect(
            record.contacts == [
                Contact(
                    name: "Jane Doe, MD", role: "CONTACT", phone: "555-0100 ext. 12", email: "jane@example.org")
            ])
        #expect(
            record.references == [
                Reference(
                    citation: "Doe J. A trial. N Engl J Med. 2020;382:1. doi: 10.1056/NEJMoa1234567.",
                    pmid: "12345678", doi: "10.1056/NEJMoa1234567")
            ])
        #expect(record.warnings == ["1 item(s) of the document's study list were not studies and were skipped"])
        let annotations = try #require(extracted.first?.annotations)
        #expect(
            annotations.listedLinks == [
                SeeAlsoLink(
                    nctId: "NCT07654321", title: "Related study",
                    url: "https://clinicaltrials.gov/ct2/show/NCT07654321")
            ])
        #expect(annotations.interventionMeshTerms == ["Drug X"])
        #expect(annotations.interventionMeshAncestors == ["Protein Kinase Inhibitors"])

        let sparse = try #require(extracted.last?.record)
        #expect(sparse.id == "NCT07654321")
        #expect(sparse.briefTitle == "A Sparse Study")
        #expect(sparse.officialTitle == nil)
        #expect(sparse.overallStatus == .notYetRecruiting)
        #expect(sparse.studyType == .observational)
        #expect(sparse.phases == [.notApplicable])
        #expect(sparse.eligibility.sex == .all)
        #expect(sparse.eligibility.healthyVolunteers == false)
        #expect(sparse.eligibility.minimumAge == nil)
        #expect(sparse.enrollment == nil)
        #expect(sparse.interventions.isEmpty)
        #expect(sparse.dates.start == nil)
    }

    @Test func readsABareClassicStudy() throws {
        let study = #"{"ProtocolSection": {"IdentificationModule": {"NCTId": "NCT00000102", "BriefTitle": "T"}}}"#
        let records = try Self.extracted(Array(study.utf8)).map(\.record)
        #expect(records.map(\.id) == ["NCT00000102"])
        #expect(records.first?.briefTitle == "T")
    }

    @Test func refusesAResponseWithoutStudies() {
        let empty = #"{"FullStudiesResponse": {"NStudiesFound": 0, "FullStudies": []}}"#
        #expect {
            try Self.extracted(Array(empty.utf8))
        } throws: { error in
            (error as? ExtractionError)?.code == "not-a-study"
                && (error as? ExtractionError)?.message.contains("empty study list") == true
        }
    }

    @Test func namesFollowTheAPIv2Rules() {
        #expect(CTGovClassicStudy.words("NCTId") == ["NCT", "Id"])
        #expect(CTGovClassicStudy.camelCase("NCTId") == "nctId")
        #expect(CTGovClassicStudy.camelCase("StudyFirstSubmitQCDate") == "studyFirstSubmitQcDate")
        #expect(CTGovClassicStudy.camelCase("IsFDARegulatedDrug") == "isFdaRegulatedDrug")
        #expect(CTGovClassicStudy.camelCase("PMID") == "pmid")
        #expect(CTGovClassicStudy.camelCase("EMail") == "eMail")
        #expect(CTGovClassicStudy.camelCase("Phase2Result") == "phase2Result")
        #expect(CTGovClassicStudy.camelCase("ÉtudeNCTId") == "étudeNctId")
        #expect(CTGovClassicStudy.plural("condition") == "conditions")
        #expect(CTGovClassicStudy.plural("mesh") == "meshes")
        #expect(CTGovClassicStudy.plural("secondaryIdInfo") == "secondaryIdInfos")
    }

    /// A real classic download: the values checked here are the ones the file states.
    @Test func readsTheSharedClassicDownload() throws {
        let url = Self.sharedCorpus.appendingPathComponent("ctgov-bench/NCT02028676.json")
        let extracted = try Self.extracted([UInt8](try Data(contentsOf: url)), path: "NCT02028676.json")
        #expect(extracted.count == 1)
        let record = try #require(extracted.first?.record)
        #expect(record.id == "NCT02028676")
        #expect(record.nctId == "NCT02028676")
        #expect(record.orgStudyId == "G0300400")
        #expect(record.secondaryIds == ["24791884", "G0300400"])
        #expect(
            record.briefTitle
                == "Efficacy Study of Different Laboratory Management Strategies and Drug Regimens in "
                + "HIV-infected Children in Africa")
        #expect(
            record.officialTitle
                == "A Randomised Trial of Monitoring Practice and Induction Maintenance Drug Regimens in the "
                + "Management of Antiretroviral Therapy in Children With HIV Infection in Africa")
        #expect(record.acronym == "ARROW")
        #expect(record.overallStatus == .completed)
        #expect(record.phases == [.phase4])
        #expect(record.studyType == .interventional)
        #expect(
            record.design
                == Design(
                    allocation: .randomized, interventionModel: .factorial, primaryPurpose: .treatment,
                    masking: Masking.none))
        #expect(record.conditions == ["Human Immunodeficiency Virus"])
        #expect(record.keywords.count == 13)
        #expect(record.interventions.count == 9)
        #expect(record.interventions.first?.type == .other)
        #expect(record.interventions.first?.name == "Clinically Driven Monitoring (CDM)")
        #expect(record.interventions.first?.otherNames == [])
        #expect(record.interventions.first?.description?.hasPrefix("Participants were examined by a doctor") == true)
        #expect(record.interventions[2].name == "Arm A: ABC+3TC+NNRTI")
        #expect(record.interventions[2].type == .drug)
        #expect(
            record.interventions[2].otherNames == [
                "ABC: abacavir: Ziagen", "3TC: lamivudine: Epivir", "ABC+3TC co-formulated: Kivexa",
                "NVP: nevirapine, Viramune", "EFV: efavirenz, Sustiva",
            ])
        #expect(record.armGroups.count == 9)
        #expect(record.armGroups[2].label == "Arm A: abacavir (ABC)+lamivudine (3TC)+NNRTI")
        #expect(record.armGroups[2].type == .activeComparator)
        #expect(record.armGroups[2].interventionNames == ["Arm A: ABC+3TC+NNRTI"])
        #expect(record.leadSponsor == Sponsor(name: "Medical Research Council", class: "OTHER_GOV"))
        #expect(
            record.collaborators.map(\.name) == [
                "Department for International Development, United Kingdom", "ViiV Healthcare",
                "GlaxoSmithKline",
            ])
        #expect(record.enrollment == Enrollment(count: 1206, type: .actual))
        #expect(record.dates.start == DateStruct(date: "2007-03", type: nil))
        #expect(record.dates.primaryCompletion == DateStruct(date: "2012-03", type: .actual))
        #expect(record.dates.completion == DateStruct(date: "2012-06", type: .actual))
        #expect(record.dates.statusVerified == "2014-06")
        #expect(record.dates.firstSubmitted == "2013-12-31")
        #expect(record.dates.lastUpdate == "2014-06-06")
        #expect(record.eligibility.sex == .all)
        #expect(record.eligibility.minimumAge == "3 Months")
        #expect(record.eligibility.maximumAge == "17 Years")
        #expect(record.eligibility.healthyVolunteers == false)
        #expect(record.eligibility.criteria?.hasPrefix("For initial randomisation to CDM vs LCM") == true)
        // The classic API drops list bullets and never wraps lines: each line is a criterion.
        #expect(
            record.eligibility.inclusion.prefix(2) == [
                "Children should have an adult carer in the household who is either:",
                "participating in the DART trial OR",
            ])
        #expect(
            record.eligibility.exclusion.prefix(2) == [
                "Cannot, or unlikely to attend regularly (e.g. usual residence too far from study centre)",
                "Likelihood of poor adherence",
            ])
        #expect(record.primaryOutcomes.count == 9)
        #expect(record.secondaryOutcomes.count == 49)
        #expect(record.locations.count == 4)
        #expect(record.locations.first?.city == "Entebbe")
        #expect(record.locations.first?.country == "Uganda")
        #expect(record.references.count == 3)
        #expect(record.references.first?.pmid == "23473847")
        let annotations = try #require(extracted.first?.annotations)
        #expect(annotations.listedLinks.map(\.url) == ["http://www.arrowtrial.org/"])
        #expect(annotations.interventionMeshTerms.contains("Lamivudine"))
        #expect(annotations.interventionMeshAncestors.contains("Reverse Transcriptase Inhibitors"))
    }
}
