import Foundation
import TrialModel

/// ClinicalTrials.gov study JSON, one record per study: API v2 (a single study object, a `{"studies": [...]}`
/// page or a bare array of studies; text fields are Markdown) and the classic API's `FullStudiesResponse`
/// downloads (`{"FullStudies": [{"Rank": 1, "Study": {...}}]}`; plain text), read through their API v2 shape
/// (``CTGovClassicStudy``). Unknown keys are ignored.
enum CTGovJSONExtractor {
    static let layout = "ctgov-json"

    static func extract(_ input: ExtractionInput) throws(ExtractionError) -> [ExtractedRecord] {
        let json = try parse(input.bytes)
        let (studies, skipped) = try studies(in: json)
        var records: [ExtractedRecord] = []
        for (index, study) in studies.enumerated() {
            var record = StudyReader(
                study: study.tree, format: study.format, input: input, index: index, count: studies.count
            )
            .extracted()
            if skipped > 0 {
                record.record.warnings.append(
                    "\(skipped) item(s) of the document's study list were not studies and were skipped")
            }
            records.append(record)
        }
        return records
    }

    /// Study sections no record field comes from (results, documents, annotations: most of a finished study's
    /// bytes): checked by the JSON reader but not built.
    private static let unreadSections: [StaticString] = [
        "resultsSection", "documentSection", "annotationSection", "ResultsSection", "DocumentSection",
        "AnnotationSection",
    ]

    private static func parse(_ bytes: [UInt8]) throws(ExtractionError) -> CTGovLooseJSON {
        if let tree = JSONTree.parse(bytes, unreadMembers: unreadSections) { return CTGovLooseJSON(tree) }
        // What the strict reader refuses (another encoding, a byte-order mark, an error) Foundation judges.
        do {
            return CTGovLooseJSON(
                foundation: try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]))
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
            throw ExtractionError(
                code: "malformed-json",
                message: "the document is not valid JSON" + position(in: bytes, detail: detail)
                    + (detail.map { ": " + $0 } ?? ""))
        }
    }

    /// " (line L, column C)" for Foundation's "around character N", when its message says so.
    private static func position(in bytes: [UInt8], detail: String?) -> String {
        guard let detail, let range = detail.firstRange(of: "character ") else { return "" }
        guard let offset = Int(detail[range.upperBound...].prefix { $0.isNumber }) else { return "" }
        var line = 1
        var column = 1
        for byte in bytes.prefix(offset) {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return " (line \(line), column \(column))"
    }

    /// The study objects of the document, in API v2 shape, and how many list items were not studies.
    private static func studies(in json: CTGovLooseJSON) throws(ExtractionError) -> (
        [CTGovJSONStudy], Int
    ) {
        let expected =
            "expected a ClinicalTrials.gov API v2 study (an object with \"protocolSection\"), "
            + "a page of studies ({\"studies\": [...]}), an array of studies or a classic API download "
            + "({\"FullStudiesResponse\": {\"FullStudies\": [...]}})"
        if isStudy(json) { return ([CTGovJSONStudy(tree: json, format: .apiV2)], 0) }
        if let classic = classicStudy(json) { return ([classic], 0) }
        let response = json["FullStudiesResponse"].isObject ? json["FullStudiesResponse"] : json
        let list: [CTGovLooseJSON]
        if json.isObject, json["studies"].isArray {
            list = json["studies"].array
        } else if response["FullStudies"].isArray {
            list = response["FullStudies"].array
        } else if json.isArray {
            list = json.array
        } else if json.isObject {
            let keys = json.keys.prefix(8).map { "\"\($0)\"" }.joined(separator: ", ")
            throw ExtractionError(
                code: "not-a-study",
                message: expected + "; found an object with keys " + (keys.isEmpty ? "none" : keys))
        } else {
            throw ExtractionError(
                code: "not-a-study", message: expected + "; found a JSON \(json.kind)")
        }
        let studies = list.compactMap { item in
            isStudy(item) ? CTGovJSONStudy(tree: item, format: .apiV2) : classicStudy(item)
        }
        guard !studies.isEmpty else {
            let what =
                list.isEmpty
                ? "an empty study list" : "a list of \(list.count) item(s), none of them a study"
            throw ExtractionError(code: "not-a-study", message: expected + "; found " + what)
        }
        return (studies, list.count - studies.count)
    }

    private static func isStudy(_ json: CTGovLooseJSON) -> Bool {
        json["protocolSection"].isObject
    }

    /// A classic API study (an item of `FullStudies` or a bare `Study`) in API v2 shape; nil for anything else.
    private static func classicStudy(_ json: CTGovLooseJSON) -> CTGovJSONStudy? {
        guard let tree = json.tree, let study = CTGovClassicStudy.study(in: tree) else { return nil }
        return CTGovJSONStudy(tree: CTGovLooseJSON(CTGovClassicStudy.v2Study(study)), format: .classic)
    }
}

/// One study of a JSON document in API v2 shape, and which API wrote it.
private struct CTGovJSONStudy {
    /// Which API a study comes from: it decides how text fields and display values are read.
    enum Format {
        /// API v2: text fields are Markdown, coded values upper-case keys.
        case apiV2
        /// The classic API: text fields are plain text, coded values display text ("Contact").
        case classic
    }

    let tree: CTGovLooseJSON
    let format: Format
}

/// Reads one API v2 study object into a record.
private struct StudyReader {
    let study: CTGovLooseJSON
    let format: CTGovJSONStudy.Format
    let input: ExtractionInput
    let index: Int
    let count: Int
    private var protocolSection: CTGovLooseJSON { study["protocolSection"] }

    init(study: CTGovLooseJSON, format: CTGovJSONStudy.Format, input: ExtractionInput, index: Int, count: Int) {
        self.study = study
        self.format = format
        self.input = input
        self.index = index
        self.count = count
    }

    /// The study's record, with its see-also links and intervention MeSH terms beside it.
    func extracted() -> ExtractedRecord {
        let identification = protocolSection["identificationModule"]
        let rawNCT = CTGovText.line(identification["nctId"].string)
        let nctId = rawNCT.flatMap { RecordID.isNCTId($0) ? $0 : nil }
        let briefTitle = CTGovText.line(identification["briefTitle"].string)
        let officialTitle = CTGovText.line(identification["officialTitle"].string)
        var record = TrialRecord(
            id: CTGovRecordParts.recordID(
                nctId: nctId, officialTitle: officialTitle, briefTitle: briefTitle, input: input,
                index: index,
                count: count),
            provenance: input.provenance(layout: CTGovJSONExtractor.layout))
        if let rawNCT, nctId == nil {
            record.warnings.append("nctId \"\(rawNCT)\" is not NCT + 8 digits")
        }
        record.nctId = nctId
        record.orgStudyId = CTGovText.line(identification["orgStudyIdInfo"]["id"].string)
        record.secondaryIds = CTGovRecordParts.distinct(
            identification["secondaryIdInfos"].array.map { $0["id"].string })
        record.briefTitle = briefTitle
        record.officialTitle = officialTitle
        record.acronym = CTGovText.line(identification["acronym"].string)
        readStatus(into: &record)
        readSponsors(into: &record)
        readDescription(into: &record)
        readDesign(into: &record)
        readArmsAndInterventions(into: &record)
        readOutcomes(into: &record)
        readEligibility(into: &record)
        readContactsAndLocations(into: &record)
        readReferences(into: &record)
        var annotations = RecordAnnotations(listedLinks: listedLinks())
        readInterventionBrowse(into: &annotations)
        return ExtractedRecord(record: record, annotations: annotations)
    }

    private func readStatus(into record: inout TrialRecord) {
        let status = protocolSection["statusModule"]
        if let raw = status["overallStatus"].string {
            record.overallStatus = EnumNormalizer.overallStatus(raw)
            if record.overallStatus == nil {
                record.warnings.append("overallStatus \"\(raw)\" not recognised")
            }
        }
        func dateStruct(_ key: String) -> DateStruct? {
            CTGovRecordParts.dateStruct(status[key]["date"].string, type: status[key]["type"].string)
        }
        record.dates.start = dateStruct("startDateStruct")
        record.dates.primaryCompletion = dateStruct("primaryCompletionDateStruct")
        record.dates.completion = dateStruct("completionDateStruct")
        record.dates.statusVerified = CTGovRecordParts.date(status["statusVerifiedDate"].string)
        record.dates.firstSubmitted = CTGovRecordParts.date(
            status["studyFirstSubmitDate"].string ?? status["studyFirstSubmitQcDate"].string)
        record.dates.lastUpdate = CTGovRecordParts.date(
            status["lastUpdatePostDateStruct"]["date"].string ?? status["lastUpdateSubmitDate"].string)
    }

    private func readSponsors(into record: inout TrialRecord) {
        let sponsors = protocolSection["sponsorCollaboratorsModule"]
        if let name = CTGovText.line(sponsors["leadSponsor"]["name"].string) {
            record.leadSponsor = Sponsor(
                name: name, class: CTGovRecordParts.agencyClass(sponsors["leadSponsor"]["class"].string))
        }
        record.collaborators = CTGovRecordParts.distinct(
            sponsors["collaborators"].array.map { $0["name"].string }
        )
        .map { Collaborator(name: $0) }
    }

    private func readDescription(into record: inout TrialRecord) {
        let description = protocolSection["descriptionModule"]
        record.briefSummary = text(description["briefSummary"].string)
        record.detailedDescription = text(description["detailedDescription"].string)
        let conditions = protocolSection["conditionsModule"]
        record.conditions = CTGovRecordParts.distinct(conditions["conditions"].strings)
        record.keywords = CTGovRecordParts.distinct(conditions["keywords"].strings)
    }

    private func readDesign(into record: inout TrialRecord) {
        let design = protocolSection["designModule"]
        if let raw = design["studyType"].string {
            record.studyType = EnumNormalizer.studyType(raw)
            if record.studyType == nil { record.warnings.append("studyType \"\(raw)\" not recognised") }
        }
        record.phases = CTGovRecordParts.phases(design["phases"].strings)
        let info = design["designInfo"]
        record.design = Design(
            allocation: info["allocation"].string.flatMap { EnumNormalizer.allocation($0) },
            interventionModel: info["interventionModel"].string.flatMap {
                EnumNormalizer.interventionModel($0)
            },
            primaryPurpose: info["primaryPurpose"].string.flatMap { EnumNormalizer.primaryPurpose($0) },
            masking: info["maskingInfo"]["masking"].string.flatMap { EnumNormalizer.masking($0) })
        let enrollment = design["enrollmentInfo"]
        if let count = enrollment["count"].int {
            record.enrollment = Enrollment(
                count: count,
                type: enrollment["type"].string.flatMap { EnumNormalizer.actualOrEstimated($0) })
        }
    }

    private func readArmsAndInterventions(into record: inout TrialRecord) {
        let module = protocolSection["armsInterventionsModule"]
        record.interventions = module["interventions"].array.compactMap { item in
            guard let name = CTGovText.line(item["name"].string) else { return nil }
            return Intervention(
                type: item["type"].string.flatMap { EnumNormalizer.interventionType($0) }, name: name,
                description: text(item["description"].string),
                otherNames: CTGovRecordParts.distinct(item["otherNames"].strings))
        }
        // Arms name their interventions; where an arm does not, the interventions' arm labels say it.
        let armsOfIntervention = module["interventions"].array.map { item in
            (
                name: CTGovText.line(item["name"].string),
                arms: Set(item["armGroupLabels"].strings.map { $0.lowercased() })
            )
        }
        record.armGroups = module["armGroups"].array.compactMap { item in
            guard let label = CTGovText.line(item["label"].string) else { return nil }
            var names = item["interventionNames"].strings.map(CTGovRecordParts.interventionName)
            if names.isEmpty {
                names = armsOfIntervention.filter { $0.arms.contains(label.lowercased()) }.compactMap(\.name)
            }
            return ArmGroup(
                label: label, type: item["type"].string.flatMap { EnumNormalizer.armGroupType($0) },
                description: text(item["description"].string),
                interventionNames: CTGovRecordParts.distinct(names))
        }
    }

    private func readOutcomes(into record: inout TrialRecord) {
        let module = protocolSection["outcomesModule"]
        func outcomes(_ key: String) -> [Outcome] {
            module[key].array.compactMap { item in
                guard let measure = text(item["measure"].string).flatMap(CTGovText.line)
                else {
                    return nil
                }
                return Outcome(
                    measure: measure, timeFrame: text(item["timeFrame"].string),
                    description: text(item["description"].string))
            }
        }
        record.primaryOutcomes = outcomes("primaryOutcomes")
        record.secondaryOutcomes = outcomes("secondaryOutcomes")
    }

    private func readEligibility(into record: inout TrialRecord) {
        let module = protocolSection["eligibilityModule"]
        if let raw = module["eligibilityCriteria"].string, let criteria = text(raw) {
            record.eligibility.criteria = criteria
            let split =
                format == .apiV2
                ? CTGovCriteria.split(raw, unescape: CTGovText.unescapeMarkdown)
                : CTGovCriteria.split(raw, wrappedLines: false)
            record.eligibility.inclusion = split.inclusion
            record.eligibility.exclusion = split.exclusion
            if let warning = split.warning { record.warnings.append(warning) }
        }
        record.eligibility.sex = module["sex"].string.flatMap { EnumNormalizer.sex($0) }
        record.eligibility.minimumAge = CTGovRecordParts.age(module["minimumAge"].string)
        record.eligibility.maximumAge = CTGovRecordParts.age(module["maximumAge"].string)
        record.eligibility.healthyVolunteers =
            module["healthyVolunteers"].bool
            ?? module["healthyVolunteers"].string.flatMap { EnumNormalizer.yesNo($0) }
    }

    private func readContactsAndLocations(into record: inout TrialRecord) {
        let module = protocolSection["contactsLocationsModule"]
        record.locations = module["locations"].array.compactMap { item in
            let location = Location(
                facility: CTGovText.line(item["facility"].string),
                city: CTGovText.line(item["city"].string),
                state: CTGovText.line(item["state"].string), zip: CTGovText.line(item["zip"].string),
                country: CTGovText.line(item["country"].string))
            return location == Location() ? nil : location
        }
        record.contacts = module["centralContacts"].array.compactMap { item in
            var phone = CTGovText.line(item["phone"].string)
            if let phoneValue = phone, let ext = CTGovText.line(item["phoneExt"].string) {
                phone = phoneValue + " ext. " + ext
            }
            let contact = Contact(
                name: CTGovText.line(item["name"].string), role: role(item["role"].string),
                phone: phone,
                email: CTGovText.line(item["email"].string))
            return contact.name == nil && contact.phone == nil && contact.email == nil ? nil : contact
        }
    }

    /// A free-text field: Markdown in API v2, plain text in the classic API.
    private func text(_ raw: String?) -> String? {
        format == .apiV2 ? CTGovText.markdown(raw) : CTGovText.plain(raw)
    }

    /// A contact's role in API v2 spelling (`CONTACT`; the classic API writes "Contact").
    private func role(_ raw: String?) -> String? {
        let role = CTGovText.line(raw)
        return format == .apiV2 ? role : role.map { EnumNormalizer.key($0) }
    }

    private func readReferences(into record: inout TrialRecord) {
        let module = protocolSection["referencesModule"]
        record.references = module["references"].array.compactMap { item in
            CTGovRecordParts.reference(
                citation: text(item["citation"].string), pmid: item["pmid"].string)
        }
    }

    /// The study's `seeAlsoLinks`.
    private func listedLinks() -> [SeeAlsoLink] {
        protocolSection["referencesModule"]["seeAlsoLinks"].array.compactMap { item in
            CTGovRecordParts.listedLink(url: item["url"].string, label: item["label"].string)
        }
    }

    private func readInterventionBrowse(into annotations: inout RecordAnnotations) {
        let browse = study["derivedSection"]["interventionBrowseModule"]
        annotations.interventionMeshTerms = CTGovRecordParts.distinct(
            browse["meshes"].array.map { $0["term"].string })
        annotations.interventionMeshAncestors = CTGovRecordParts.distinct(
            browse["ancestors"].array.map { $0["term"].string })
    }
}
