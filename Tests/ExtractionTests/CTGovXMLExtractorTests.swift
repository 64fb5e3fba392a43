import Testing
import TrialModel

@testable import Extraction

@Suite struct CTGovXMLExtractorTests {
    static func extract(_ xml: String) throws(ExtractionError) -> [TrialRecord] {
        try extracted(xml).map(\.record)
    }

    static func extracted(_ xml: String) throws(ExtractionError) -> [ExtractedRecord] {
        try DocumentExtractor().extract(
            ExtractionInput(
                bytes: Array(xml.utf8), sourcePath: "inbox/studies.xml", pipeline: "test",
                processedAt: "2025-01-01T00:00:00Z"))
    }

    static func study(_ nct: String, title: String, extra: String = "") -> String {
        """
        <clinical_study>
          <id_info><org_study_id>ORG-\(nct.suffix(3))</org_study_id><nct_id>\(nct)</nct_id></id_info>
          <brief_title>\(title)</brief_title>
          <sponsors><lead_sponsor><agency>Sponsor \(nct.suffix(1))</agency></lead_sponsor></sponsors>
          <overall_status>Completed</overall_status>
          <study_type>Interventional</study_type>
          \(extra)
        </clinical_study>
        """
    }

    @Test func readsEveryFieldOfAFullStudy() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <clinical_study rank="1">
              <required_header><url>https://clinicaltrials.gov/show/NCT01234567</url></required_header>
              <id_info>
                <org_study_id>ABC-001</org_study_id>
                <secondary_id>2019-001234-56</secondary_id>
                <secondary_id>ABC-001</secondary_id>
                <nct_id>NCT01234567</nct_id>
              </id_info>
              <brief_title>Drug X
                Versus Placebo</brief_title>
              <acronym>DX-1</acronym>
              <official_title>A Randomized Study of Drug X</official_title>
              <sponsors>
                <lead_sponsor><agency>Example University</agency><agency_class>Other</agency_class></lead_sponsor>
                <collaborator><agency>National Cancer Institute (NCI)</agency><agency_class>NIH</agency_class></collaborator>
                <collaborator><agency>VA Office</agency><agency_class>U.S. Fed</agency_class></collaborator>
              </sponsors>
              <brief_summary>
                <textblock>
                  First paragraph that wraps
                  onto a second line.

                  Second paragraph &amp; more.
                </textblock>
              </brief_summary>
              <detailed_description><textblock>
                  Not available
              </textblock></detailed_description>
              <overall_status>Active, not recruiting</overall_status>
              <start_date type="Actual">June 5, 2023</start_date>
              <completion_date type="Estimate">October 2025</completion_date>
              <primary_completion_date type="Anticipated">June 5, 2025</primary_completion_date>
              <phase>Phase 2/Phase 3</phase>
              <study_type>Interventional</study_type>
              <study_design_info>
                <allocation>Randomized</allocation>
                <intervention_model>Parallel Assignment</intervention_model>
                <primary_purpose>Treatment</primary_purpose>
                <masking>Double (Participant, Investigator)</masking>
              </study_design_info>
              <primary_outcome>
                <measure>Progression-free survival</measure>
                <time_frame>2 years</time_frame>
                <description>Time to progression,
                  per RECIST 1.1</description>
              </primary_outcome>
              <secondary_outcome><measure>Overall survival</measure><time_frame>5 years</time_frame></secondary_outcome>
              <enrollment type="Actual">120</enrollment>
              <condition>Lung Cancer</condition>
              <condition>NSCLC</condition>
              <arm_group>
                <arm_group_label>Drug X</arm_group_label>
                <arm_group_type>Experimental</arm_group_type>
                <description>Drug X 10 mg daily</description>
              </arm_group>
              <arm_group><arm_group_label>Placebo</arm_group_label><arm_group_type>Placebo Comparator</arm_group_type></arm_group>
              <intervention>
                <intervention_type>Drug</intervention_type>
                <intervention_name>Drug X</intervention_name>
                <description>Oral tablet</description>
                <arm_group_label>Drug X</arm_group_label>
                <other_name>DX-100</other_name>
              </intervention>
              <intervention>
                <intervention_type>Drug</intervention_type>
                <intervention_name>Placebo</intervention_name>
                <arm_group_label>Placebo</arm_group_label>
              </intervention>
              <intervention>
                <intervention_type>Procedure</intervention_type>
                <intervention_name>Biopsy</intervention_name>
                <arm_group_label>Drug X</arm_group_label>
                <arm_group_label>Placebo</arm_group_label>
              </intervention>
              <eligibility>
                <criteria><textblock>
                    Inclusion Criteria:

                      -  Age 18 years or older, with a criterion that wraps
                         onto the next line.

                      -  ECOG 0-1

                    Exclusion Criteria:

                      -  Creatinine &gt; 1.5 x ULN
                </textblock></criteria>
                <gender>All</gender>
                <minimum_age>18 Years</minimum_age>
                <maximum_age>N/A</maximum_age>
                <healthy_volunteers>Accepts Healthy Volunteers</healthy_volunteers>
              </eligibility>
              <overall_official><last_name>John Roe</last_name><role>Principal Investigator</role></overall_official>
              <overall_contact>
                <first_name>Jane</first_name><last_name>Doe</last_name><degrees>MD</degrees>
                <phone>555-0100</phone><phone_ext>12</phone_ext><email>jane@example.org</email>
              </overall_contact>
              <location>
                <facility>
                  <name>City Hospital</name>
                  <address><city>Boston</city><state>Massachusetts</state><zip>02115</zip><country>United States</country></address>
                </facility>
                <status>Recruiting</status>
              </location>
              <location><facility><address><city>Lyon</city><country>France</country></address></facility></location>
              <link><url>https://clinicaltrials.gov/ct2/show/NCT07654321</url><description>Related study</description></link>
              <link><url>https://example.org/trials</url></link>
              <reference>
                <citation>Doe J. A trial. N Engl J Med. 2020;382:1. doi: 10.1056/NEJMoa1234567.</citation>
                <PMID>12345678</PMID>
              </reference>
              <results_reference><citation>Roe R. Results. Lancet. 2022.</citation><PMID>23456789</PMID></results_reference>
              <verification_date>March 2024</verification_date>
              <study_first_submitted>April 1, 2023</study_first_submitted>
              <last_update_submitted>March 18, 2024</last_update_submitted>
              <last_update_posted type="Actual">March 20, 2024</last_update_posted>
              <keyword>EGFR</keyword>
              <intervention_browse><mesh_term>Drug X</mesh_term><mesh_term>Protein Kinase Inhibitors</mesh_term></intervention_browse>
            </clinical_study>
            """
        let extracted = try Self.extracted(xml)
        let records = extracted.map(\.record)
        #expect(records.count == 1)
        let record = try #require(records.first)
        #expect(record.id == "NCT01234567")
        #expect(record.provenance.layout == "ctgov-xml")
        #expect(record.orgStudyId == "ABC-001")
        #expect(record.secondaryIds == ["2019-001234-56"])
        #expect(record.briefTitle == "Drug X Versus Placebo")
        #expect(record.officialTitle == "A Randomized Study of Drug X")
        #expect(record.acronym == "DX-1")
        #expect(record.leadSponsor == Sponsor(name: "Example University", class: "OTHER"))
        #expect(record.collaborators.map(\.name) == ["National Cancer Institute (NCI)", "VA Office"])
        #expect(
            record.briefSummary
                == "First paragraph that wraps onto a second line.\n\nSecond paragraph & more.")
        #expect(record.detailedDescription == nil)
        #expect(record.overallStatus == .activeNotRecruiting)
        #expect(record.dates.start == DateStruct(date: "2023-06-05", type: .actual))
        #expect(record.dates.completion == DateStruct(date: "2025-10", type: .estimated))
        #expect(record.dates.primaryCompletion == DateStruct(date: "2025-06-05", type: .estimated))
        #expect(record.dates.statusVerified == "2024-03")
        #expect(record.dates.firstSubmitted == "2023-04-01")
        #expect(record.dates.lastUpdate == "2024-03-20")
        #expect(record.phases == [.phase2, .phase3])
        #expect(record.studyType == .interventional)
        #expect(
            record.design
                == Design(
                    allocation: .randomized, interventionModel: .parallel, primaryPurpose: .treatment,
                    masking: .double))
        #expect(
            record.primaryOutcomes
                == [
                    Outcome(
                        measure: "Progression-free survival", timeFrame: "2 years",
                        description: "Time to progression, per RECIST 1.1")
                ])
        #expect(record.secondaryOutcomes.map(\.measure) == ["Overall survival"])
        #expect(record.enrollment == Enrollment(count: 120, type: .actual))
        #expect(record.conditions == ["Lung Cancer", "NSCLC"])
        #expect(record.keywords == ["EGFR"])
        #expect(record.interventions.map(\.name) == ["Drug X", "Placebo", "Biopsy"])
        #expect(record.interventions.map(\.type) == [.drug, .drug, .procedure])
        #expect(record.interventions[0].otherNames == ["DX-100"])
        #expect(record.interventions[0].description == "Oral tablet")
        #expect(record.armGroups.map(\.label) == ["Drug X", "Placebo"])
        #expect(record.armGroups.map(\.type) == [.experimental, .placeboComparator])
        #expect(
            record.armGroups.map(\.interventionNames) == [["Drug X", "Biopsy"], ["Placebo", "Biopsy"]])
        #expect(
            record.eligibility.inclusion == [
                "Age 18 years or older, with a criterion that wraps onto the next line.", "ECOG 0-1",
            ])
        #expect(record.eligibility.exclusion == ["Creatinine > 1.5 x ULN"])
        #expect(
            record.eligibility.criteria?.hasPrefix("Inclusion Criteria:\n\n- Age 18 years or older")
                == true)
        #expect(record.eligibility.sex == .all)
        #expect(record.eligibility.minimumAge == "18 Years")
        #expect(record.eligibility.maximumAge == nil)
        #expect(record.eligibility.healthyVolunteers == true)
        #expect(
            record.contacts == [
                Contact(
                    name: "Jane Doe, MD", role: "CONTACT", phone: "555-0100 ext. 12",
                    email: "jane@example.org")
            ])
        #expect(
            record.locations == [
                Location(
                    facility: "City Hospital", city: "Boston", state: "Massachusetts", zip: "02115",
                    country: "United States"),
                Location(city: "Lyon", country: "France"),
            ])
        #expect(
            record.references == [
                Reference(
                    citation: "Doe J. A trial. N Engl J Med. 2020;382:1. doi: 10.1056/NEJMoa1234567.",
                    pmid: "12345678",
                    doi: "10.1056/NEJMoa1234567"),
                Reference(citation: "Roe R. Results. Lancet. 2022.", pmid: "23456789"),
            ])
        #expect(
            extracted[0].annotations.listedLinks == [
                SeeAlsoLink(
                    nctId: "NCT07654321", title: "Related study",
                    url: "https://clinicaltrials.gov/ct2/show/NCT07654321"),
                SeeAlsoLink(url: "https://example.org/trials"),
            ])
        #expect(extracted[0].annotations.interventionMeshTerms == ["Drug X", "Protein Kinase Inhibitors"])
        #expect(record.warnings.isEmpty)
    }

    @Test func readsASearchResultsFileOfFullStudies() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <search_results count="2">
              <query>lung cancer</query>
              \(Self.study("NCT00000011", title: "First study"))
              \(Self.study("NCT00000012", title: "Second study", extra: "<phase>Phase 1</phase>"))
            </search_results>
            """
        let records = try Self.extract(xml)
        #expect(records.map(\.id) == ["NCT00000011", "NCT00000012"])
        #expect(records.map(\.briefTitle) == ["First study", "Second study"])
        #expect(records.map(\.orgStudyId) == ["ORG-011", "ORG-012"])
        #expect(records.map { $0.leadSponsor?.name } == ["Sponsor 1", "Sponsor 2"])
        #expect(records[1].phases == [.phase1])
        #expect(
            records.allSatisfy { $0.overallStatus == .completed && $0.provenance.layout == "ctgov-xml" })
    }

    @Test func readsAnyRootWrappingSeveralStudies() throws {
        let xml = """
            <export><studies>
            \(Self.study("NCT00000021", title: "A"))
            \(Self.study("NCT00000022", title: "B"))
            </studies></export>
            """
        #expect(try Self.extract(xml).map(\.nctId) == ["NCT00000021", "NCT00000022"])
    }

    @Test func readsShortSearchListingEntries() throws {
        let xml = """
            <search_results count="2">
              <query>polycythemia [ALL-FIELDS]</query>
              <clinical_study>
                <order>1</order><score>0.95</score>
                <nct_id>NCT00928707</nct_id>
                <url>http://ClinicalTrials.gov/show/NCT00928707</url>
                <title>Givinostat With Hydroxyurea in Polycythemia Vera</title>
                <status open="Y">Recruiting</status>
                <condition_summary>Polycythemia Vera; Essential Thrombocythemia</condition_summary>
                <last_changed>June 26, 2009</last_changed>
              </clinical_study>
              <study rank="2">
                <nct_id>NCT00715247</nct_id>
                <title>Another study</title>
                <status open="N">Completed</status>
                <conditions><condition>Myelofibrosis</condition></conditions>
                <interventions><intervention type="Drug">Ruxolitinib</intervention>
                  <intervention>Procedure: Bone marrow biopsy</intervention></interventions>
                <sponsors><lead_sponsor>Example Foundation</lead_sponsor><collaborator>Pharma Inc.</collaborator></sponsors>
                <gender>All</gender><min_age>18 Years</min_age><max_age>N/A</max_age>
                <phases><phase>Phase 2</phase></phases>
                <enrollment>44</enrollment>
                <study_types>Interventional</study_types>
                <study_designs><study_design>Allocation: Randomized</study_design>
                  <study_design>Intervention Model: Parallel Assignment</study_design>
                  <study_design>Masking: None (Open Label)</study_design></study_designs>
                <other_ids><other_id>EXF-01</other_id></other_ids>
                <start_date>June 2009</start_date>
                <locations><location>Ospedali Riuniti, Bergamo, Italy</location></locations>
              </study>
            </search_results>
            """
        let extracted = try Self.extracted(xml)
        let records = extracted.map(\.record)
        #expect(records.count == 2)
        let first = records[0]
        #expect(first.nctId == "NCT00928707")
        #expect(first.briefTitle == "Givinostat With Hydroxyurea in Polycythemia Vera")
        #expect(first.overallStatus == .recruiting)
        #expect(first.conditions == ["Polycythemia Vera", "Essential Thrombocythemia"])
        #expect(first.dates.lastUpdate == "2009-06-26")
        #expect(extracted[0].annotations.listedLinks.isEmpty)
        let second = records[1]
        #expect(second.overallStatus == .completed)
        #expect(second.conditions == ["Myelofibrosis"])
        #expect(
            second.interventions == [
                Intervention(type: .drug, name: "Ruxolitinib"),
                Intervention(type: .procedure, name: "Bone marrow biopsy"),
            ])
        #expect(second.leadSponsor == Sponsor(name: "Example Foundation"))
        #expect(second.collaborators == [Collaborator(name: "Pharma Inc.")])
        #expect(second.eligibility.sex == .all)
        #expect(second.eligibility.minimumAge == "18 Years")
        #expect(second.eligibility.maximumAge == nil)
        #expect(second.phases == [.phase2])
        #expect(second.enrollment == Enrollment(count: 44))
        #expect(second.studyType == .interventional)
        #expect(
            second.design
                == Design(allocation: .randomized, interventionModel: .parallel, masking: Masking.none))
        #expect(second.secondaryIds == ["EXF-01"])
        #expect(second.dates.start == DateStruct(date: "2009-06"))
        #expect(second.locations == [Location(facility: "Ospedali Riuniti, Bergamo", country: "Italy")])
    }

    @Test func readsTheLegacyOneStringStudyDesign() throws {
        let modern = try #require(
            try Self.extract(
                Self.study(
                    "NCT00000031", title: "T",
                    extra: """
                        <study_design>Allocation: Randomized, Endpoint Classification: Safety/Efficacy Study, \
                        Intervention Model: Crossover Assignment, Masking: Double Blind (Subject, Investigator), \
                        Primary Purpose: Prevention</study_design>
                        """)
            ).first)
        #expect(
            modern.design
                == Design(
                    allocation: .randomized, interventionModel: .crossover, primaryPurpose: .prevention,
                    masking: .double))
        let old = try #require(
            try Self.extract(
                Self.study(
                    "NCT00000032", title: "T",
                    extra: """
                        <study_design>Treatment, Non-Randomized, Open Label, Uncontrolled, Single Group Assignment, \
                        Safety/Efficacy Study</study_design>
                        """)
            ).first)
        #expect(
            old.design
                == Design(
                    allocation: .nonRandomized, interventionModel: .singleGroup, primaryPurpose: .treatment,
                    masking: Masking.none))
    }

    @Test func reportsTruncatedXMLWithLineAndColumn() {
        let full = Self.study("NCT00000041", title: "Cut short")
        let truncated = String(full.prefix(full.count - 40))
        let error = #expect(throws: ExtractionError.self) { try Self.extract(truncated) }
        #expect(error?.code == "malformed-xml")
        #expect(
            error?.message.hasPrefix("the XML is not well-formed at line ") == true,
            "\(error?.message ?? "")")
        #expect(error?.message.contains(", column ") == true)
    }

    @Test func doesNotExpandAnExternalEntity() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE clinical_study [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
            <clinical_study>
              <id_info><nct_id>NCT00000051</nct_id></id_info>
              <brief_title>Leak &secret; here</brief_title>
              <brief_summary><textblock>&secret;</textblock></brief_summary>
            </clinical_study>
            """
        let record = try #require(try Self.extract(xml).first)
        #expect(record.briefTitle == "Leak here")
        #expect(record.briefSummary == nil)
    }

    @Test func refusesXMLThatHoldsNoStudy() {
        let error = #expect(throws: ExtractionError.self) {
            try Self.extract("<search_results count=\"0\"><query>nothing</query></search_results>")
        }
        #expect(error?.code == "not-a-study")
        #expect(error?.message.hasSuffix("found <search_results> with no study inside") == true)
    }

    @Test func studyWithoutNCTIdGetsATitleHashIdAndDistinctIdsInABatch() throws {
        let xml = """
            <search_results>
              <clinical_study><brief_title>Untitled A</brief_title></clinical_study>
              <clinical_study><brief_title>Untitled B</brief_title></clinical_study>
            </search_results>
            """
        let records = try Self.extract(xml)
        #expect(records.count == 2)
        #expect(
            records[0].id
                == RecordID.make(nctId: nil, officialTitle: nil, briefTitle: "Untitled A", text: ""))
        #expect(records[0].id != records[1].id)
    }
}
