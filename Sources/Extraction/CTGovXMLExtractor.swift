import TrialModel
import XMLSupport

/// Legacy ClinicalTrials.gov `clinical_study` XML (the public.xsd format), and files holding many studies:
/// a `search_results` download or any root wrapping several `clinical_study` (or `study`) elements. One
/// record per study. The short study entries of search-result listings (`title`, `status`,
/// `condition_summary`, …) are read too.
enum CTGovXMLExtractor {
    static let layout = "ctgov-xml"

    static func extract(_ input: ExtractionInput) throws(ExtractionError) -> [ExtractedRecord] {
        // The study is read straight from libxml2's tree: no copy of the document is made. Results (most of a
        // finished study's bytes) give no record field: the parser checks them but builds no tree of them. Every
        // value is the text of an element holding text only, so the indentation between elements is left out
        // of the tree (half its nodes; extraction took 9 % less CPU on 1,000 bench files, records unchanged).
        let extracted: Result<[ExtractedRecord], ExtractionError>
        do {
            extracted = try SafeXMLReader.withRootElement(
                of: input.bytes, unreadElements: ["clinical_results"], keepingBlankText: false
            ) { root in
                let studies = studies(in: root)
                guard !studies.isEmpty else {
                    return .failure(
                        ExtractionError(
                            code: "not-a-study",
                            message:
                                "expected a ClinicalTrials.gov <clinical_study> document or a <search_results> file "
                                + "of studies; found <\(root.qualifiedName)> with no study inside"))
                }
                return .success(
                    studies.enumerated().map { index, study in
                        XMLStudyReader(study: study, input: input, index: index, count: studies.count).extracted()
                    })
            }
        } catch {
            throw ExtractionError(
                code: "malformed-xml",
                message:
                    "the XML is not well-formed at line \(error.line), column \(error.column): \(error.message)"
            )
        }
        return try extracted.get()
    }

    /// The study elements of a document: the root itself, its children, or its grandchildren.
    static func studies(in root: XMLElementView) -> [XMLElementView] {
        if root.hasName("clinical_study") { return [root] }
        let children = root.elements.filter(isStudy)
        if !children.isEmpty { return children }
        return root.elements.flatMap { $0.elements.filter(isStudy) }
    }

    private static func isStudy(_ element: XMLElementView) -> Bool {
        guard element.hasName("clinical_study") || element.hasName("study") else { return false }
        return element.child("id_info") != nil || element.child("nct_id") != nil
            || element.child("brief_title") != nil
            || element.child("title") != nil
    }
}

/// Reads one `clinical_study` (or search-result `study`) element into a record.
private struct XMLStudyReader {
    let study: XMLElementView
    let input: ExtractionInput
    let index: Int
    let count: Int

    /// The text of the first element at `path`, on one line; nil when absent or empty.
    private func line(_ path: String...) -> String? {
        var element: XMLElementView? = study
        for name in path { element = element?.child(name) }
        return CTGovText.line(element?.text)
    }

    /// A free-text element: inside a `textblock` or directly; paragraphs kept.
    private func paragraphs(_ element: XMLElementView?) -> String? {
        guard let element else { return nil }
        return CTGovText.paragraphs((element.child("textblock") ?? element).text)
    }

    /// The study's record, with its links and intervention MeSH terms beside it.
    func extracted() -> ExtractedRecord {
        let rawNCT = line("id_info", "nct_id") ?? line("nct_id")
        let nctId = rawNCT.flatMap { RecordID.isNCTId($0) ? $0 : nil }
        let briefTitle = line("brief_title") ?? line("title")
        let officialTitle = line("official_title")
        var record = TrialRecord(
            id: CTGovRecordParts.recordID(
                nctId: nctId, officialTitle: officialTitle, briefTitle: briefTitle, input: input,
                index: index,
                count: count),
            provenance: input.provenance(layout: CTGovXMLExtractor.layout))
        if let rawNCT, nctId == nil {
            record.warnings.append("nct_id \"\(rawNCT)\" is not NCT + 8 digits")
        }
        record.nctId = nctId
        record.orgStudyId = line("id_info", "org_study_id")
        record.secondaryIds = CTGovRecordParts.distinct(
            (study.child("id_info")?.children(named: "secondary_id") ?? []).map(\.text)
                + (study.child("other_ids")?.children(named: "other_id") ?? []).map(\.text)
        ).filter { $0 != record.orgStudyId && $0 != nctId }
        record.briefTitle = briefTitle
        record.officialTitle = officialTitle
        record.acronym = line("acronym")
        readStatus(into: &record)
        readSponsors(into: &record)
        readDescription(into: &record)
        readDesign(into: &record)
        readArmsAndInterventions(into: &record)
        readOutcomes(into: &record)
        readEligibility(into: &record)
        readContactsAndLocations(into: &record)
        readReferences(into: &record)
        let annotations = RecordAnnotations(
            listedLinks: listedLinks(),
            interventionMeshTerms: CTGovRecordParts.distinct(
                (study.child("intervention_browse")?.children(named: "mesh_term") ?? []).map(\.text)))
        return ExtractedRecord(record: record, annotations: annotations)
    }

    private func readStatus(into record: inout TrialRecord) {
        if let raw = line("overall_status") ?? line("status") {
            record.overallStatus = EnumNormalizer.overallStatus(raw)
            if record.overallStatus == nil {
                record.warnings.append("overall_status \"\(raw)\" not recognised")
            }
        }
        func dateStruct(_ name: String) -> DateStruct? {
            guard let element = study.child(name) else { return nil }
            return CTGovRecordParts.dateStruct(element.text, type: element.attribute("type"))
        }
        func firstDate(_ names: String...) -> String? {
            names.lazy.compactMap { CTGovRecordParts.date(self.line($0)) }.first
        }
        record.dates.start = dateStruct("start_date")
        record.dates.primaryCompletion = dateStruct("primary_completion_date")
        record.dates.completion = dateStruct("completion_date")
        record.dates.statusVerified = firstDate("verification_date", "last_verified")
        record.dates.firstSubmitted = firstDate(
            "study_first_submitted", "study_first_submitted_qc", "firstreceived_date", "first_received")
        record.dates.lastUpdate = firstDate(
            "last_update_posted", "last_update_submitted", "lastchanged_date", "last_changed",
            "last_updated")
    }

    private func readSponsors(into record: inout TrialRecord) {
        guard let sponsors = study.child("sponsors") else { return }
        if let lead = sponsors.child("lead_sponsor") {
            // Full records name the agency in <agency>; search listings put the name in the element itself.
            if let name = CTGovText.line((lead.child("agency") ?? lead).text) {
                record.leadSponsor = Sponsor(
                    name: name, class: CTGovRecordParts.agencyClass(lead.child("agency_class")?.text))
            }
        }
        record.collaborators = CTGovRecordParts.distinct(
            sponsors.children(named: "collaborator").map { ($0.child("agency") ?? $0).text }
        ).map { Collaborator(name: $0) }
    }

    private func readDescription(into record: inout TrialRecord) {
        record.briefSummary = paragraphs(study.child("brief_summary"))
        record.detailedDescription = paragraphs(study.child("detailed_description"))
        let summaries = study.children(named: "condition_summary").flatMap {
            $0.text.split(separator: ";")
        }
        record.conditions = CTGovRecordParts.distinct(
            study.children(named: "condition").map(\.text)
                + (study.child("conditions")?.children(named: "condition") ?? []).map(\.text)
                + summaries.map(String.init))
        record.keywords = CTGovRecordParts.distinct(study.children(named: "keyword").map(\.text))
    }

    private func readDesign(into record: inout TrialRecord) {
        if let raw = line("study_type") ?? line("study_types") {
            record.studyType = EnumNormalizer.studyType(raw)
            if record.studyType == nil, !CTGovText.isPlaceholder(raw) {
                record.warnings.append("study_type \"\(raw)\" not recognised")
            }
        }
        record.phases = CTGovRecordParts.phases(
            (study.children(named: "phase") + (study.child("phases")?.children(named: "phase") ?? []))
                .map(\.text))
        if let info = study.child("study_design_info") {
            record.design = Design(
                allocation: info.child("allocation").flatMap { EnumNormalizer.allocation($0.text) },
                interventionModel: info.child("intervention_model").flatMap {
                    EnumNormalizer.interventionModel($0.text)
                },
                primaryPurpose: info.child("primary_purpose").flatMap {
                    EnumNormalizer.primaryPurpose($0.text)
                },
                masking: info.child("masking").flatMap { EnumNormalizer.masking($0.text) })
        } else {
            // Before 2017 the design was one comma-separated string; search listings give one part per element.
            let parts =
                study.children(named: "study_design").flatMap { CTGovLegacyDesign.parts($0.text) }
                + (study.child("study_designs")?.children(named: "study_design") ?? []).map(\.text)
            record.design = CTGovLegacyDesign.design(parts)
        }
        if let enrollment = study.child("enrollment"),
            let count = Int(CTGovText.collapse(enrollment.text))
        {
            record.enrollment = Enrollment(
                count: count,
                type: enrollment.attribute("type").flatMap { EnumNormalizer.actualOrEstimated($0) })
        }
    }

    private func readArmsAndInterventions(into record: inout TrialRecord) {
        var armsOfIntervention: [(name: String, arms: [String])] = []
        for element in study.children(named: "intervention") {
            guard let name = CTGovText.line(element.child("intervention_name")?.text) else { continue }
            record.interventions.append(
                Intervention(
                    type: element.child("intervention_type").flatMap {
                        EnumNormalizer.interventionType($0.text)
                    },
                    name: name, description: paragraphs(element.child("description")),
                    otherNames: CTGovRecordParts.distinct(element.children(named: "other_name").map(\.text))))
            armsOfIntervention.append(
                (name, element.children(named: "arm_group_label").compactMap { CTGovText.line($0.text) }))
        }
        // Search listings: <interventions><intervention type="Drug">Capecitabine</intervention></interventions>.
        for element in study.child("interventions")?.children(named: "intervention") ?? [] {
            guard let text = CTGovText.line(element.text) else { continue }
            let name = CTGovRecordParts.interventionName(text)
            let prefix = name == text ? nil : text.split(separator: ":").first.map(String.init)
            record.interventions.append(
                Intervention(
                    type: (element.attribute("type") ?? prefix).flatMap {
                        EnumNormalizer.interventionType($0)
                    },
                    name: name))
        }
        record.armGroups = study.children(named: "arm_group").compactMap { element in
            guard let label = CTGovText.line(element.child("arm_group_label")?.text) else { return nil }
            let key = label.lowercased()
            return ArmGroup(
                label: label,
                type: element.child("arm_group_type").flatMap { EnumNormalizer.armGroupType($0.text) },
                description: paragraphs(element.child("description")),
                interventionNames: armsOfIntervention.filter { $0.arms.contains { $0.lowercased() == key } }
                    .map(\.name))
        }
    }

    private func readOutcomes(into record: inout TrialRecord) {
        func outcomes(_ name: String) -> [Outcome] {
            study.children(named: name).compactMap { element in
                guard let measure = CTGovText.line(element.child("measure")?.text) else { return nil }
                return Outcome(
                    measure: measure, timeFrame: CTGovText.line(element.child("time_frame")?.text),
                    description: paragraphs(element.child("description")))
            }
        }
        record.primaryOutcomes = outcomes("primary_outcome")
        record.secondaryOutcomes = outcomes("secondary_outcome")
    }

    private func readEligibility(into record: inout TrialRecord) {
        let eligibility = study.child("eligibility")
        if let criteria = CTGovText.block(
            eligibility?.child("criteria").map { ($0.child("textblock") ?? $0).text })
        {
            record.eligibility.criteria = criteria
            let split = CTGovCriteria.split(criteria)
            record.eligibility.inclusion = split.inclusion
            record.eligibility.exclusion = split.exclusion
            if let warning = split.warning { record.warnings.append(warning) }
        }
        let sex = line("eligibility", "gender") ?? line("gender")
        record.eligibility.sex = sex.flatMap { EnumNormalizer.sex($0) }
        record.eligibility.minimumAge = CTGovRecordParts.age(
            line("eligibility", "minimum_age") ?? line("min_age"))
        record.eligibility.maximumAge = CTGovRecordParts.age(
            line("eligibility", "maximum_age") ?? line("max_age"))
        record.eligibility.healthyVolunteers = line("eligibility", "healthy_volunteers").flatMap {
            EnumNormalizer.yesNo($0)
        }
    }

    private func readContactsAndLocations(into record: inout TrialRecord) {
        for element in study.children(named: "location") {
            let address = element.child("facility")?.child("address")
            let location = Location(
                facility: CTGovText.line(element.child("facility")?.child("name")?.text),
                city: CTGovText.line(address?.child("city")?.text),
                state: CTGovText.line(address?.child("state")?.text),
                zip: CTGovText.line(address?.child("zip")?.text),
                country: CTGovText.line(address?.child("country")?.text))
            if location != Location() { record.locations.append(location) }
        }
        // Search listings: <locations><location>Facility, City, State, Country</location></locations>.
        for element in study.child("locations")?.children(named: "location") ?? [] {
            guard let text = CTGovText.line(element.text) else { continue }
            var parts = text.split(separator: ",").map { CTGovText.collapse($0) }.filter { !$0.isEmpty }
            let country = parts.count > 1 ? parts.removeLast() : nil
            record.locations.append(Location(facility: parts.joined(separator: ", "), country: country))
        }
        for name in ["overall_contact", "overall_contact_backup"] {
            guard let element = study.child(name) else { continue }
            let nameParts = ["first_name", "middle_name", "last_name"].compactMap {
                CTGovText.line(element.child($0)?.text)
            }
            var fullName = nameParts.isEmpty ? nil : nameParts.joined(separator: " ")
            if let name = fullName, let degrees = CTGovText.line(element.child("degrees")?.text) {
                fullName = name + ", " + degrees
            }
            var phone = CTGovText.line(element.child("phone")?.text)
            if let number = phone, let ext = CTGovText.line(element.child("phone_ext")?.text) {
                phone = number + " ext. " + ext
            }
            let contact = Contact(
                name: fullName, role: "CONTACT", phone: phone,
                email: CTGovText.line(element.child("email")?.text))
            if contact.name != nil || contact.phone != nil || contact.email != nil {
                record.contacts.append(contact)
            }
        }
    }

    private func readReferences(into record: inout TrialRecord) {
        record.references =
            (study.children(named: "reference") + study.children(named: "results_reference"))
            .compactMap { element in
                CTGovRecordParts.reference(
                    citation: element.child("citation")?.text, pmid: element.child("PMID")?.text)
            }
    }

    /// The study's `link` elements.
    private func listedLinks() -> [SeeAlsoLink] {
        study.children(named: "link").compactMap { element in
            CTGovRecordParts.listedLink(
                url: element.child("url")?.text, label: element.child("description")?.text)
        }
    }
}
