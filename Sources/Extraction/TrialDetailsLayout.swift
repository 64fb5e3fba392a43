import TrialModel

/// "Clinical Trial Details" pages: a status heading, blocks of "Label value" lines ("NCT number
/// NCT05831969", "Other study ID # Dream-004", "Est. completion date October 5, 2025"), summary and
/// description text, the eligibility criteria inline, interventions as type/name/description lines,
/// locations, sponsors, references ending "— View Citation", a space-separated outcome table and a
/// "See also" list of related trials.
enum TrialDetailsLayout {
    private enum Heading {
        case pageHeading, fields, summary, description, conditions, interventions, locations,
            sponsors
        case references, outcomes, related, ignored
    }

    /// Fills `record` from the page's lines, adding the related trials the page lists to `listedLinks`.
    static func fill(_ record: inout TrialRecord, listedLinks: inout [SeeAlsoLink], from lines: TextLines) {
        var sponsorSections: [Section<Heading>] = []
        for section in Sections.split(lines.ungluing(glue), inlineHeadings: true, heading: heading) {
            switch section.heading {
            case nil, .fields?:
                readFields(section.lines, into: &record)
            case .pageHeading?:
                readPageHeading(section, into: &record)
            case .summary?:
                RecordFields.assign(
                    .briefSummary, label: section.title, values: section.lines, to: &record)
            case .description?:
                RecordFields.assign(
                    .detailedDescription, label: section.title, values: section.lines, to: &record)
            case .conditions?:
                for line in section.textLines { RecordFields.addCondition(line, to: &record) }
            case .interventions?:
                for intervention in interventions(section.textLines) {
                    RecordFields.addIntervention(intervention, to: &record)
                }
            case .locations?:
                let read = LocationTable.read(section.textLines)
                record.locations += read.locations
                if read.guessed {
                    record.warnings.append("locations table: cell boundaries guessed")
                }
            case .sponsors?:
                sponsorSections.append(section)
            case .references?:
                record.references += CitationReader.read(section.lines)
            case .outcomes?:
                let table = SpacedOutcomeRows.read(section.lines)
                record.primaryOutcomes += table.primary
                record.secondaryOutcomes += table.secondary
                if table.guessed {
                    record.warnings.append("outcome table: cell boundaries guessed")
                }
            case .related?:
                listedLinks += RelatedTrialsReader.read(section.lines)
            case .ignored?:
                break
            }
        }
        // Sponsors last: the "Source" field, read before, names the lead sponsor and helps split the names.
        for section in sponsorSections { readSponsors(section, into: &record) }
    }

    /// Headings the page may glue to the end of the text above them ("…this regimen.Description:").
    private static let glue = GluedLabels(
        punctuated: ["Description:"],
        headings: [
            "Clinical Trial Summary", "Recruitment information / eligibility", "Study Design", "Intervention",
            "Locations", "Outcome", "See also", "Administrative data", "Study information",
        ])

    private static func heading(_ line: String, key: String) -> Heading? {
        if key.hasPrefix("CLINICAL_TRIAL_DETAILS") { return .pageHeading }
        if let heading = headings[key] { return heading }
        return countedHeadings[Sections.headingKey(key: key)]
    }

    private static let headings = KeyTable<Heading>([
        "ADMINISTRATIVE_DATA": .fields, "STUDY_INFORMATION": .fields,
        "RECRUITMENT_INFORMATION_ELIGIBILITY": .fields,
        "STUDY_DESIGN": .fields, "CLINICAL_TRIAL_SUMMARY": .summary, "BRIEF_SUMMARY": .summary,
        "DESCRIPTION": .description, "DETAILED_DESCRIPTION": .description,
        "RELATED_CONDITIONS_MESH_TERMS": .conditions, "RELATED_CONDITIONS": .conditions,
        "CONDITIONS": .conditions,
        "INTERVENTION": .interventions, "INTERVENTIONS": .interventions, "OUTCOME": .outcomes,
        "OUTCOMES": .outcomes,
        "OUTCOME_MEASURES": .outcomes, "SEE_ALSO": .related, "RELATED_TRIALS": .related,
        "RELATED_CLINICAL_TRIALS": .related, "SIMILAR_TRIALS": .related,
        "CLINICAL_TRIALS_LOGO": .ignored,
    ])

    /// Headings that may carry a count ("Sponsors (2)", "References & Publications (13)").
    private static let countedHeadings: [String: Heading] = [
        "LOCATIONS": .locations, "SPONSORS": .sponsors, "REFERENCES_PUBLICATIONS": .references,
        "REFERENCES": .references, "PUBLICATIONS": .references,
    ]

    /// Labels this site prints beside the shared ones.
    private static func slot(forKey key: String) -> FieldSlot? {
        if key == "SOURCE" { return .leadSponsor }
        return FieldLabels.slot(forKey: key)
    }

    /// "Label value" lines; a line without a label continues the value above it.
    private static func readFields(_ lines: [String], into record: inout TrialRecord) {
        var entries: [(slot: FieldSlot, label: String, values: [String])] = []
        for line in lines {
            guard !line.isEmpty else {
                if let last = entries.last, last.slot.isFreeText {
                    entries[entries.count - 1].values.append(line)
                }
                continue
            }
            let inCriteria = entries.last.map { isCriteria($0.slot) } ?? false
            if let label = LabelLine.parse(line, spaceSeparated: true, isLabel: { slot(forKey: $0) != nil }),
                let slot = slot(forKey: label.key),
                !inCriteria || label.key.contains("_")
            {
                entries.append((slot, label.label, label.value.isEmpty ? [] : [label.value]))
            } else if !entries.isEmpty {
                entries[entries.count - 1].values.append(line)
            } else if record.briefTitle == nil, TextValue.words(line, limit: 3).count >= 3 {
                record.briefTitle = TextValue.clean(line)
            }
        }
        for entry in entries {
            RecordFields.assign(entry.slot, label: entry.label, values: entry.values, to: &record)
        }
    }

    /// Whether a slot holds criteria, whose lines may start with words that are also labels ("Age ≥ 18").
    private static func isCriteria(_ slot: FieldSlot) -> Bool {
        slot == .criteria || slot == .inclusionCriteria || slot == .exclusionCriteria
    }

    /// "Clinical Trial Details — Status: Not yet recruiting", then the title if the page prints one.
    private static func readPageHeading(_ section: Section<Heading>, into record: inout TrialRecord) {
        if let colon = TextValue.range(of: "Status:", in: section.title) {
            let status = section.title[colon.upperBound...]
            if record.overallStatus == nil {
                record.overallStatus = EnumNormalizer.overallStatus(status)
            }
        }
        readFields(section.lines, into: &record)
    }

    /// Type lines ("Drug:" or "Drug: Lenalidomide"), each followed by the name and then the description.
    static func interventions(_ lines: [String]) -> [Intervention] {
        var result: [Intervention] = []
        var descriptionLines: [String] = []
        func closeDescription() {
            guard !result.isEmpty, !descriptionLines.isEmpty else { return }
            result[result.count - 1].description = TextValue.clean(
                descriptionLines.joined(separator: " "))
            descriptionLines.removeAll()
        }
        var awaitingName = false
        var pendingType: InterventionType?
        for line in lines {
            let (type, rest) = InterventionText.typePrefix(line)
            if let type {
                closeDescription()
                if let name = TextValue.clean(rest) {
                    result.append(Intervention(type: type, name: name))
                    awaitingName = false
                } else {
                    pendingType = type
                    awaitingName = true
                }
            } else if awaitingName {
                if let name = TextValue.clean(line) {
                    result.append(Intervention(type: pendingType, name: name))
                }
                awaitingName = false
            } else if result.isEmpty {
                if let name = TextValue.clean(line) { result.append(Intervention(name: name)) }
            } else {
                descriptionLines.append(line)
            }
        }
        closeDescription()
        return result
    }

    /// "Lead Sponsor Collaborator" then the names, one per line or side by side on one line; or lines that
    /// each start with the role.
    private static func readSponsors(_ section: Section<Heading>, into record: inout TrialRecord) {
        var roles: [Bool] = []  // true for the lead sponsor
        var names: [String] = []
        var labelled: [(lead: Bool, name: String)] = []
        for line in section.textLines {
            let key = EnumNormalizer.key(line)
            // A roles line starts with one of the roles: other lines skip the (generic, slow) replacing.
            let mayListRoles = key.hasPrefix("LEAD") || key.hasPrefix("COLLABORATOR")
            let words = mayListRoles ? key.replacing("LEAD_SPONSOR", with: "LEAD").split(separator: "_") : []
            if !words.isEmpty, words.allSatisfy({ $0 == "LEAD" || $0.hasPrefix("COLLABORATOR") }) {
                roles = words.map { $0 == "LEAD" }
                continue
            }
            if let label = LabelLine.parse(
                line, spaceSeparated: true,
                isLabel: {
                    ["LEAD_SPONSOR", "SPONSOR", "COLLABORATOR", "COLLABORATORS"].contains($0)
                }),
                let name = TextValue.clean(label.value)
            {
                labelled.append((label.key.hasSuffix("SPONSOR"), name))
                continue
            }
            if TextValue.hasPipe(line) {
                names += TextValue.cells(line)
            } else {
                names.append(line)
            }
        }
        let expected = TextValue.firstInteger(section.title) ?? max(roles.count, 1)
        if names.count == 1, expected > 1 {
            let known = record.leadSponsor.map { [$0.name] } ?? []
            let split = SponsorSplitter.split(names[0], expected: expected, known: known)
            names = split.names
            if split.guessed { record.warnings.append("sponsors: names split at a guess") }
        }
        for (index, name) in names.enumerated() {
            let lead = index < roles.count ? roles[index] : index == 0
            labelled.append((lead, name))
        }
        for entry in labelled {
            guard let name = TextValue.clean(entry.name) else { continue }
            if entry.lead {
                record.leadSponsor = Sponsor(name: name, class: record.leadSponsor?.class)
            } else if !record.collaborators.contains(where: { $0.name == name }) {
                record.collaborators.append(Collaborator(name: name))
            }
        }
    }
}
