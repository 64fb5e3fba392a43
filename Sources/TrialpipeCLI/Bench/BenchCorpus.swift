import Foundation

/// A deterministic corpus of trial documents in every supported layout, made by varying the structure and
/// content of the seed layouts: ids, drugs, numbers of criteria and outcomes, text lengths, see-also lists
/// and cross-references between documents. The same count and seed always give the same bytes.
struct BenchCorpus {
    /// A document: its file name and bytes.
    struct Document {
        var name: String
        var bytes: [UInt8]
    }

    let count: Int
    var random: SplitMix64

    init(count: Int, seed: UInt64 = 20_261_121) {
        self.count = count
        self.random = SplitMix64(seed: seed)
    }

    static let drugs = [
        "thalidomide", "lenalidomide", "oxaliplatin", "capecitabine", "pembrolizumab", "nivolumab", "atezolizumab",
        "bevacizumab", "ramucirumab", "lenvatinib", "sorafenib", "regorafenib", "cabozantinib", "cetuximab",
        "trastuzumab", "neratinib", "docetaxel", "paclitaxel", "gemcitabine", "cisplatin", "carboplatin",
        "irinotecan", "fluorouracil", "olaparib", "palbociclib", "osimertinib", "rituximab", "bortezomib",
        "toripalimab", "sintilimab", "camrelizumab", "apatinib", "anlotinib", "durvalumab", "ipilimumab",
    ]
    static let conditions = [
        "Gastric Cancer", "Hepatocellular Carcinoma", "Colorectal Cancer Liver Metastasis", "Breast Cancer",
        "Non-small Cell Lung Cancer", "Multiple Myeloma", "Pancreatic Cancer", "Ovarian Cancer", "Lymphoma",
    ]
    static let sponsors = [
        "Fudan University", "Qilu Hospital of Shandong University", "Memorial Sloan Kettering Cancer Center",
        "Sun Yat-sen University", "Peking University Cancer Hospital", "Mayo Clinic",
        "Shenyang Tenth People's Hospital",
    ]
    static let statuses = ["Not yet recruiting", "Recruiting", "Completed", "Terminated", "Active, not recruiting"]
    static let sentences = [
        "The overall incidence of liver metastases is high and the prognosis remains poor.",
        "Patients receive the study drug orally once daily until disease progression or unacceptable toxicity.",
        "The primary objective is to evaluate progression-free survival according to RECIST v1.1.",
        "Adverse events are graded according to NCI CTCAE version 5.0 throughout the study.",
        "Tumour response is assessed by contrast-enhanced CT or MRI every six weeks.",
        "Quality of life is measured with the EORTC QLQ-C30 questionnaire at baseline and every cycle.",
        "Previous studies showed that the combination improved the objective response rate.",
        "Exploratory analyses will correlate circulating tumour DNA with clinical outcomes.",
    ]

    mutating func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
    mutating func number(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(random.next() % UInt64(range.count))
    }

    static func nct(_ index: Int) -> String { String(format: "NCT%08d", 90_000_000 + index) }

    mutating func paragraph(sentences: Int) -> String {
        var parts: [String] = []
        for _ in 0..<sentences {
            var sentence = pick(Self.sentences)
            if number(0...2) == 0 { sentence += " Treatment with \(pick(Self.drugs)) was well tolerated." }
            parts.append(sentence)
        }
        return parts.joined(separator: " ")
    }

    mutating func criteria(_ count: Int) -> [String] {
        (0..<count).map { index in
            index % 3 == 0
                ? "Aged 18-75 years with ECOG performance status 0-1 and adequate organ function (\(index))"
                : "No prior treatment with \(pick(Self.drugs)) within \(number(2...12)) weeks before enrolment"
        }
    }

    /// The `index`-th document.
    mutating func document(_ index: Int) -> Document {
        let layout = index % 6
        let drug = pick(Self.drugs)
        let other = pick(Self.drugs)
        let title = "\(drug.capitalized) Combined With \(other.capitalized) in Advanced \(pick(Self.conditions))"
        let mention = index > 0 && number(0...3) == 0 ? Self.nct(number(0...(index - 1))) : nil
        let text: String
        let name: String
        switch layout {
        case 0: (name, text) = ("bench-\(index).txt", medpath(index, title: title, drug: drug, mention: mention))
        case 1: (name, text) = ("bench-\(index).txt", trialDetails(index, title: title, drug: drug, mention: mention))
        case 2: (name, text) = ("bench-\(index).txt", overview(title: title, drug: drug))
        case 3: (name, text) = ("bench-\(index).txt", conditionListing(index, title: title))
        case 4: (name, text) = ("bench-\(index).json", ctgovJSON(index, title: title, drug: drug, mention: mention))
        default: (name, text) = ("bench-\(index).xml", ctgovXML(index, title: title, drug: drug))
        }
        return Document(name: name, bytes: Array(text.utf8))
    }

    mutating func medpath(_ index: Int, title: String, drug: String, mention: String?) -> String {
        let inclusion = criteria(number(4...14)).enumerated().map { "  \($0.offset + 1). \($0.element);" }
        let exclusion = criteria(number(3...10)).map { "  • \($0)" }
        return """
            MedPath

            \(title)

            Phase \(number(1...3))
            \(pick(Self.statuses))
            Conditions
            \(pick(Self.conditions))
            Interventions
            Registration Number
            \(Self.nct(index))
            Lead Sponsor
            \(pick(Self.sponsors))
            Brief Summary

            \(paragraph(sentences: number(3...6)))

            Detailed Description

            \(paragraph(sentences: number(6...14)))\(mention.map { " See also \($0)." } ?? "")

            Recruitment & Eligibility

            Status
            NOT_YET_RECRUITING
            Sex
            All
            Target Recruitment
            \(number(20...400))
            Inclusion Criteria
            \(inclusion.joined(separator: "\n"))
            Exclusion Criteria
            \(exclusion.joined(separator: "\n"))

            Study & Design

            Study Type
            INTERVENTIONAL
            Study Design
            SINGLE_GROUP
            Arm && Interventions
            GroupInterventionDescription
            \(drug.capitalized) Arm\(drug.capitalized)Patients receive \(drug) 100 mg daily.
            Primary Outcome Measures
            NameTimeMethod
            Overall survival\(number(12...48)) months

            Overall survival is measured from enrolment to death from any cause.

            © Copyright 2025. All Rights Reserved by MedPath
            """
    }

    mutating func trialDetails(_ index: Int, title: String, drug: String, mention: String?) -> String {
        let inclusion = criteria(number(4...13)).enumerated().map { "\($0.offset + 1). \($0.element);" }
        let exclusion = criteria(number(3...12)).enumerated().map { "\($0.offset + 1). \($0.element);" }
        var seeAlso = ""
        if index > 2 {
            seeAlso = "See also\n  Status Clinical Trial Phase\n"
            for _ in 0..<number(1...3) {
                seeAlso +=
                    "\(pick(Self.statuses)) \(Self.nct(number(0...(index - 1)))) - \(pick(Self.drugs).capitalized) in \(pick(Self.conditions)) Phase \(number(1...3))\n"
            }
        }
        return """
            Clinical Trial Details — Status: \(pick(Self.statuses))

            Administrative data

            NCT number \(Self.nct(index))
            Other study ID # BENCH-\(index)
            Status \(pick(Self.statuses))
            Phase Phase \(number(1...3))
            Start date June \(number(1...28)), 2023
            Est. completion date October 5, 2026

            Study information

            Verified date March 2024
            Source \(pick(Self.sponsors))
            Study type Interventional

            Clinical Trial Summary

            \(title). \(paragraph(sentences: number(2...5)))

            Description:

            \(paragraph(sentences: number(8...20)))\(mention.map { " The earlier study \($0) informed the design." } ?? "")

            Recruitment information / eligibility

            Status \(pick(Self.statuses))
            Enrollment \(number(10...500))
            Accepts healthy volunteers No
            Gender All
            Age group 18 Years to 75 Years
            Eligibility Inclusion Criteria: \(inclusion.joined(separator: " ")) Exclusion Criteria: \(exclusion.joined(separator: " "))

            Intervention

            Drug:
            \(drug.capitalized)
            \(drug.capitalized): 10 mg/d orally until disease progression.

            Sponsors (1)

            Lead Sponsor
            \(pick(Self.sponsors))

            Outcome

            Type Measure Description Time frame Safety issue
            Primary ORR The proportion of patients with a complete or partial response. up to approximately 24 months
            Secondary PFS Time from enrolment to progression or death. up to approximately 24 months
            \(seeAlso)
            """
    }

    mutating func overview(title: String, drug: String) -> String {
        let inclusion = criteria(number(4...10)).enumerated().map { "\($0.offset + 1). \($0.element);" }
        let exclusion = criteria(number(3...8)).enumerated().map { "\($0.offset + 1). \($0.element)" }
        return """
            Overview
            \(title)
            Status:
            \(pick(Self.statuses))
            Trial end date:
            2026-08-31
            Target enrollment:
            \(number(20...300))
            Participant gender:
            All
            Summary
            \(paragraph(sentences: number(4...10)))Phase:
            Phase \(number(1...3))Accepts Healthy Volunteers?
            NoDetails
            Lead Sponsor:
            \(pick(Self.sponsors))Treatments:
            \(drug.capitalized)
            Criteria
            Inclusion Criteria:\(inclusion.joined(separator: "\n"))
            Exclusion Criteria:
            \(exclusion.joined(separator: "\n"))
            """
    }

    mutating func conditionListing(_ index: Int, title: String) -> String {
        var rows = ""
        for _ in 0..<number(1...4) {
            let id = Self.nct(number(0...max(0, index - 1)))
            rows +=
                "\(pick(Self.statuses)) |\n\(id) -\n\(pick(Self.drugs).capitalized) in \(pick(Self.conditions))\n|\nPhase \(number(1...3)) |\n"
        }
        return """
            \(pick(Self.conditions)) Clinical Trial
            Official title:
            \(title): A Prospective Phase II Study \(index)
            \(paragraph(sentences: number(3...6)))
            \(paragraph(sentences: number(8...16))) ;
            Status | Clinical Trial | Phase | |
            ---|---|---|---|
            \(rows)
            """
    }

    mutating func ctgovJSON(_ index: Int, title: String, drug: String, mention: String?) -> String {
        let inclusion = criteria(number(3...10)).map { "* \($0)" }.joined(separator: "\\n")
        let exclusion = criteria(number(2...8)).map { "* \($0)" }.joined(separator: "\\n")
        let summary = paragraph(sentences: number(4...10)) + (mention.map { " Related: \($0)." } ?? "")
        return """
            {"protocolSection":{"identificationModule":{"nctId":"\(Self.nct(index))","orgStudyIdInfo":{"id":"B-\(index)"},\
            "briefTitle":"\(title)","officialTitle":"A Phase 2 Study of \(title)"},\
            "statusModule":{"overallStatus":"RECRUITING","startDateStruct":{"date":"2023-01-15","type":"ACTUAL"},\
            "completionDateStruct":{"date":"2026-12","type":"ESTIMATED"}},\
            "sponsorCollaboratorsModule":{"leadSponsor":{"name":"\(pick(Self.sponsors))","class":"OTHER"}},\
            "descriptionModule":{"briefSummary":"\(summary)"},\
            "conditionsModule":{"conditions":["\(pick(Self.conditions))"]},\
            "designModule":{"studyType":"INTERVENTIONAL","phases":["PHASE2"],"enrollmentInfo":{"count":\(number(10...300)),"type":"ESTIMATED"}},\
            "armsInterventionsModule":{"armGroups":[{"label":"\(drug) arm","type":"EXPERIMENTAL","interventionNames":["Drug: \(drug.capitalized)"]}],\
            "interventions":[{"type":"DRUG","name":"\(drug.capitalized)","description":"Given orally."}]},\
            "outcomesModule":{"primaryOutcomes":[{"measure":"Objective response rate","timeFrame":"24 months"}]},\
            "eligibilityModule":{"eligibilityCriteria":"Inclusion Criteria:\\n\\n\(inclusion)\\n\\nExclusion Criteria:\\n\\n\(exclusion)",\
            "sex":"ALL","minimumAge":"18 Years","healthyVolunteers":false}}}
            """
    }

    mutating func ctgovXML(_ index: Int, title: String, drug: String) -> String {
        let criteriaText =
            "Inclusion Criteria:\n\n" + criteria(number(3...10)).map { "  - \($0)" }.joined(separator: "\n")
            + "\n\nExclusion Criteria:\n\n" + criteria(number(2...8)).map { "  - \($0)" }.joined(separator: "\n")
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <clinical_study>
              <id_info><org_study_id>X-\(index)</org_study_id><nct_id>\(Self.nct(index))</nct_id></id_info>
              <brief_title>\(title)</brief_title>
              <sponsors><lead_sponsor><agency>\(pick(Self.sponsors))</agency></lead_sponsor></sponsors>
              <brief_summary><textblock>\(paragraph(sentences: number(4...10)))</textblock></brief_summary>
              <overall_status>Recruiting</overall_status>
              <start_date type="Actual">March 3, 2022</start_date>
              <phase>Phase 1/Phase 2</phase>
              <study_type>Interventional</study_type>
              <condition>\(pick(Self.conditions))</condition>
              <intervention><intervention_type>Drug</intervention_type><intervention_name>\(drug.capitalized)</intervention_name></intervention>
              <eligibility><criteria><textblock>\(criteriaText)</textblock></criteria><gender>All</gender>
                <minimum_age>18 Years</minimum_age><maximum_age>N/A</maximum_age></eligibility>
            </clinical_study>
            """
    }
}

/// A small, fast, deterministic random number generator (SplitMix64).
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
