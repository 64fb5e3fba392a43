import Testing
import TrialModel

@testable import Extraction

@Suite struct CTGovJSONExtractorTests {
    static func input(_ json: String, path: String = "inbox/study.json") -> ExtractionInput {
        ExtractionInput(
            bytes: Array(json.utf8), sourcePath: path, pipeline: "test",
            processedAt: "2025-01-01T00:00:00Z")
    }

    static func extract(_ json: String) throws(ExtractionError) -> [TrialRecord] {
        try extracted(json).map(\.record)
    }

    static func extracted(_ json: String) throws(ExtractionError) -> [ExtractedRecord] {
        try DocumentExtractor().extract(input(json))
    }

    /// A study with every module the record reads, Markdown escapes and noise keys.
    static let fullStudy = #"""
        {
          "protocolSection": {
            "identificationModule": {
              "nctId": "NCT01234567",
              "orgStudyIdInfo": {"id": "ABC-001"},
              "secondaryIdInfos": [{"id": "2019-001234-56", "type": "EUDRACT_NUMBER"}, {"id": "R01CA000001"},
                                   {"id": "2019-001234-56"}],
              "briefTitle": "  Drug X   Versus Placebo ",
              "officialTitle": "A Randomized Study of Drug X",
              "acronym": "DX-1",
              "unexpectedKey": {"nested": [1, 2, 3]}
            },
            "statusModule": {
              "statusVerifiedDate": "2024-03",
              "overallStatus": "RECRUITING",
              "startDateStruct": {"date": "2023-06-05", "type": "ACTUAL"},
              "primaryCompletionDateStruct": {"date": "2025-06", "type": "ESTIMATED"},
              "completionDateStruct": {"date": "2025-10-05"},
              "studyFirstSubmitDate": "2023-04-01",
              "lastUpdatePostDateStruct": {"date": "2024-03-20", "type": "ACTUAL"}
            },
            "sponsorCollaboratorsModule": {
              "leadSponsor": {"name": "Example University", "class": "OTHER"},
              "collaborators": [{"name": "Pharma Inc.", "class": "INDUSTRY"}, {"name": "NCI"}]
            },
            "descriptionModule": {
              "briefSummary": "First paragraph with a \\<tag\\> and 5 \\* 3.\n\nSecond paragraph.",
              "detailedDescription": "Not available"
            },
            "conditionsModule": {"conditions": ["Lung Cancer", "lung cancer", "NSCLC"], "keywords": ["EGFR"]},
            "designModule": {
              "studyType": "INTERVENTIONAL",
              "phases": ["PHASE2", "PHASE3"],
              "designInfo": {
                "allocation": "RANDOMIZED",
                "interventionModel": "PARALLEL",
                "primaryPurpose": "TREATMENT",
                "maskingInfo": {"masking": "DOUBLE", "whoMasked": ["PARTICIPANT"]}
              },
              "enrollmentInfo": {"count": 120, "type": "ESTIMATED"}
            },
            "armsInterventionsModule": {
              "armGroups": [
                {"label": "Drug X", "type": "EXPERIMENTAL", "description": "Drug X 10 mg",
                 "interventionNames": ["Drug: Drug X", "Procedure: Biopsy"]},
                {"label": "Placebo", "type": "PLACEBO_COMPARATOR"}
              ],
              "interventions": [
                {"type": "DRUG", "name": "Drug X", "otherNames": ["DX-100"], "description": "Oral, \\>= 10 mg"},
                {"type": "DRUG", "name": "Placebo", "armGroupLabels": ["placebo"]},
                {"type": "PROCEDURE", "name": "Biopsy"},
                {"type": "DRUG"}
              ]
            },
            "outcomesModule": {
              "primaryOutcomes": [{"measure": "Progression-free survival", "timeFrame": "2 years",
                                   "description": "Time to progression \\(RECIST 1.1\\)"}],
              "secondaryOutcomes": [{"measure": "Overall survival", "timeFrame": "5 years"}],
              "otherOutcomes": [{"measure": "Not a record field"}]
            },
            "eligibilityModule": {
              "eligibilityCriteria": "Inclusion Criteria:\n\n* Age \\>= 18 years\n* ECOG 0\\-1\n  * sub-point \\*not\\* bold\n\nExclusion Criteria:\n\n1. Prior therapy with drug X\n2. Creatinine \\> 1.5 x ULN",
              "healthyVolunteers": true,
              "sex": "ALL",
              "minimumAge": "18 Years",
              "maximumAge": "75 Years",
              "stdAges": ["ADULT"]
            },
            "contactsLocationsModule": {
              "centralContacts": [{"name": "Jane Doe, MD", "role": "CONTACT", "phone": "555-0100",
                                   "phoneExt": "12", "email": "jane@example.org"}],
              "overallOfficials": [{"name": "John Roe", "role": "PRINCIPAL_INVESTIGATOR"}],
              "locations": [
                {"facility": "City Hospital", "city": "Boston", "state": "Massachusetts", "zip": "02115",
                 "country": "United States", "geoPoint": {"lat": 42.3, "lon": -71.1}},
                {"city": "Lyon", "country": "France"},
                {}
              ]
            },
            "referencesModule": {
              "references": [
                {"pmid": "12345678", "type": "BACKGROUND",
                 "citation": "Doe J. A trial. N Engl J Med. 2020;382:1. doi: 10.1056/NEJMoa1234567."},
                {"citation": "Roe R. Another. Lancet. 2021. https://doi.org/10.1016/S0140-6736(20)30183-5"}
              ],
              "seeAlsoLinks": [
                {"label": "Related study", "url": "https://clinicaltrials.gov/study/NCT07654321?tab=results"},
                {"label": "Sponsor site", "url": "https://example.org/trials"},
                {"label": "Old address", "url": "http://clinicaltrials.gov/ct2/show/nct00000102"}
              ]
            }
          },
          "derivedSection": {
            "interventionBrowseModule": {
              "meshes": [{"id": "D1", "term": "Drug X"}],
              "ancestors": [{"id": "D2", "term": "Protein Kinase Inhibitors"},
                            {"id": "D3", "term": "Enzyme Inhibitors"}]
            }
          },
          "hasResults": false,
          "noiseKey": [{"anything": null}]
        }
        """#

    @Test func readsEveryFieldOfAFullStudy() throws {
        let extracted = try Self.extracted(Self.fullStudy)
        let records = extracted.map(\.record)
        #expect(records.count == 1)
        let record = try #require(records.first)
        #expect(record.id == "NCT01234567")
        #expect(record.nctId == "NCT01234567")
        #expect(record.provenance.layout == "ctgov-json")
        #expect(record.provenance.sourcePath == "inbox/study.json")
        #expect(record.orgStudyId == "ABC-001")
        #expect(record.secondaryIds == ["2019-001234-56", "R01CA000001"])
        #expect(record.briefTitle == "Drug X Versus Placebo")
        #expect(record.officialTitle == "A Randomized Study of Drug X")
        #expect(record.acronym == "DX-1")
        #expect(record.overallStatus == .recruiting)
        #expect(record.phases == [.phase2, .phase3])
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
        #expect(record.briefSummary == "First paragraph with a <tag> and 5 * 3.\n\nSecond paragraph.")
        #expect(record.detailedDescription == nil)
        #expect(record.interventions.map(\.name) == ["Drug X", "Placebo", "Biopsy"])
        #expect(record.interventions.map(\.type) == [.drug, .drug, .procedure])
        #expect(record.interventions.first?.otherNames == ["DX-100"])
        #expect(record.interventions.first?.description == "Oral, >= 10 mg")
        #expect(record.armGroups.map(\.label) == ["Drug X", "Placebo"])
        #expect(record.armGroups.map(\.type) == [.experimental, .placeboComparator])
        #expect(record.armGroups.map(\.interventionNames) == [["Drug X", "Biopsy"], ["Placebo"]])
        #expect(
            record.primaryOutcomes
                == [
                    Outcome(
                        measure: "Progression-free survival", timeFrame: "2 years",
                        description: "Time to progression (RECIST 1.1)")
                ])
        #expect(record.secondaryOutcomes.map(\.measure) == ["Overall survival"])
        #expect(record.eligibility.sex == .all)
        #expect(record.eligibility.minimumAge == "18 Years")
        #expect(record.eligibility.maximumAge == "75 Years")
        #expect(record.eligibility.healthyVolunteers == true)
        #expect(
            record.eligibility.criteria?.hasPrefix("Inclusion Criteria:\n\n* Age >= 18 years") == true)
        #expect(
            record.eligibility.inclusion == ["Age >= 18 years", "ECOG 0-1", "sub-point *not* bold"])
        #expect(
            record.eligibility.exclusion == ["Prior therapy with drug X", "Creatinine > 1.5 x ULN"])
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
                    name: "Jane Doe, MD", role: "CONTACT", phone: "555-0100 ext. 12",
                    email: "jane@example.org")
            ])
        #expect(
            record.references == [
                Reference(
                    citation: "Doe J. A trial. N Engl J Med. 2020;382:1. doi: 10.1056/NEJMoa1234567.",
                    pmid: "12345678",
                    doi: "10.1056/NEJMoa1234567"),
                Reference(
                    citation: "Roe R. Another. Lancet. 2021. https://doi.org/10.1016/S0140-6736(20)30183-5",
                    doi: "10.1016/S0140-6736(20)30183-5"),
            ])
        #expect(
            extracted[0].annotations.listedLinks == [
                SeeAlsoLink(
                    nctId: "NCT07654321", title: "Related study",
                    url: "https://clinicaltrials.gov/study/NCT07654321?tab=results"),
                SeeAlsoLink(nctId: nil, title: "Sponsor site", url: "https://example.org/trials"),
                SeeAlsoLink(
                    nctId: "NCT00000102", title: "Old address",
                    url: "http://clinicaltrials.gov/ct2/show/nct00000102"),
            ])
        #expect(record.seeAlso.isEmpty)
        #expect(extracted[0].annotations.interventionMeshTerms == ["Drug X"])
        #expect(
            extracted[0].annotations.interventionMeshAncestors == [
                "Protein Kinase Inhibitors", "Enzyme Inhibitors",
            ])
        #expect(record.warnings.isEmpty)
    }

    @Test func readsAPageOfStudiesAsOneRecordEach() throws {
        let page = """
            {"studies": [
              {"protocolSection": {"identificationModule": {"nctId": "NCT00000001", "briefTitle": "First"},
                                   "statusModule": {"overallStatus": "COMPLETED"}}},
              {"protocolSection": {"identificationModule": {"nctId": "NCT00000002", "briefTitle": "Second"},
                                   "designModule": {"phases": ["NA"]}}}
            ], "nextPageToken": "abc", "totalCount": 2}
            """
        let records = try Self.extract(page)
        #expect(records.map(\.id) == ["NCT00000001", "NCT00000002"])
        #expect(records.map(\.briefTitle) == ["First", "Second"])
        #expect(records[0].overallStatus == .completed)
        #expect(records[1].phases == [.notApplicable])
        #expect(records.allSatisfy { $0.provenance.layout == "ctgov-json" && $0.warnings.isEmpty })
    }

    @Test(.timeLimit(.minutes(1)))
    func readsALargePageOneRecordPerStudy() throws {
        let studies = (0..<500).map { index in
            let nct = "NCT" + String(10_000_000 + index)
            return
                #"{"protocolSection": {"identificationModule": {"nctId": "\#(nct)", "briefTitle": "Study \#(index)"},"#
                + #""eligibilityModule": {"eligibilityCriteria": "Inclusion Criteria:\n\n* Adults\n\nExclusion Criteria:\n\n* None"}}}"#
        }
        let records = try Self.extract(#"{"studies": ["# + studies.joined(separator: ",") + "]}")
        #expect(records.count == 500)
        #expect(Set(records.map(\.id)).count == 500)
        #expect(records.last?.nctId == "NCT10000499")
        #expect(records.allSatisfy { $0.eligibility.inclusion == ["Adults"] && $0.eligibility.exclusion == ["None"] })
    }

    @Test func readsABareArrayAndSkipsItemsThatAreNotStudies() throws {
        let records = try Self.extract(
            #"[{"protocolSection": {"identificationModule": {"nctId": "NCT00000003"}}}, {"hello": 1}, 7]"#
        )
        #expect(records.map(\.nctId) == ["NCT00000003"])
        #expect(
            records[0].warnings == [
                "2 item(s) of the document's study list were not studies and were skipped"
            ])
    }

    @Test func toleratesMissingModules() throws {
        let extracted = try #require(
            try Self.extracted(
                #"{"protocolSection": {"identificationModule": {"briefTitle": "Only a title"}}}"#
            ).first)
        let record = extracted.record
        #expect(record.nctId == nil)
        #expect(record.id.hasPrefix("doc-"))
        #expect(
            record.id
                == RecordID.make(nctId: nil, officialTitle: nil, briefTitle: "Only a title", text: ""))
        #expect(record.overallStatus == nil)
        #expect(record.phases.isEmpty)
        #expect(record.design == Design())
        #expect(record.enrollment == nil)
        #expect(record.leadSponsor == nil)
        #expect(record.eligibility == Eligibility())
        #expect(record.dates == TrialDates())
        #expect(record.locations.isEmpty && record.contacts.isEmpty && record.references.isEmpty)
        #expect(extracted.annotations == RecordAnnotations())

        let empty = try #require(try Self.extract(#"{"protocolSection": {}}"#).first)
        #expect(empty.id.hasPrefix("doc-"))
        #expect(empty.briefTitle == nil)
    }

    @Test func toleratesOddValueTypes() throws {
        let record = try #require(
            try Self.extract(
                """
                {"protocolSection": {
                  "identificationModule": {"nctId": "NCT1234", "briefTitle": 42},
                  "designModule": {"enrollmentInfo": {"count": "57"}, "phases": "PHASE1"},
                  "eligibilityModule": {"healthyVolunteers": "No", "minimumAge": "N/A", "maximumAge": null,
                                        "sex": "FEMALE", "eligibilityCriteria": "Adults with asthma."},
                  "statusModule": {"overallStatus": "SOMETHING_NEW"}
                }}
                """
            ).first)
        #expect(record.nctId == nil)
        #expect(record.briefTitle == "42")
        #expect(record.enrollment == Enrollment(count: 57, type: nil))
        #expect(record.phases.isEmpty)
        #expect(record.eligibility.healthyVolunteers == false)
        #expect(record.eligibility.minimumAge == nil)
        #expect(record.eligibility.maximumAge == nil)
        #expect(record.eligibility.inclusion == ["Adults with asthma."])
        #expect(
            record.warnings == [
                "nctId \"NCT1234\" is not NCT + 8 digits", "overallStatus \"SOMETHING_NEW\" not recognised",
                "eligibility criteria have no inclusion/exclusion headings; all listed as inclusion",
            ])
    }

    @Test(arguments: [
        (#"{"foo": 1, "bar": [2]}"#, "found an object with keys \"bar\", \"foo\""),
        (#"{"studies": []}"#, "found an empty study list"),
        (#"{"studies": [{"a": 1}]}"#, "found a list of 1 item(s), none of them a study"),
        (#"[1, 2]"#, "found a list of 2 item(s), none of them a study"),
        (#"{"protocolSection": "text"}"#, "found an object with keys \"protocolSection\""),
    ])
    func refusesJSONThatIsNotAStudy(json: String, found: String) {
        let error = #expect(throws: ExtractionError.self) { try Self.extract(json) }
        #expect(error?.code == "not-a-study")
        #expect(error?.message.contains("expected a ClinicalTrials.gov API v2 study") == true)
        #expect(error?.message.hasSuffix(found) == true, "\(error?.message ?? "")")
    }

    @Test func reportsMalformedJSONWithPosition() {
        let error = #expect(throws: ExtractionError.self) {
            try Self.extract("{\"protocolSection\": {\n  \"identificationModule\": {,}\n}}")
        }
        #expect(error?.code == "malformed-json")
        #expect(error?.message.hasPrefix("the document is not valid JSON") == true)
        #expect(error?.message.contains("line 2") == true, "\(error?.message ?? "")")
    }
}
