import TrialModel

/// MedPath trial pages: a "MedPath" header, the title, phase and status lines, then headed sections
/// ("Conditions", "Registration Number", "Brief Summary", "Recruitment & Eligibility", "Study & Design",
/// "Arm && Interventions" with a glued Group/Intervention/Description table, outcome tables glued as
/// "NameTimeMethod", "Trial Locations" with facility, flag and address lines).
enum MedPathLayout {
    fileprivate enum Heading {
        case site
        case field(FieldSlot)
        case arms, primaryOutcomes, secondaryOutcomes, otherOutcomes, locations, related, references, ignored, end
    }

    /// Fills `record` from the page's lines, adding the related trials the page lists to `listedLinks`.
    static func fill(_ record: inout TrialRecord, listedLinks: inout [SeeAlsoLink], from lines: TextLines) {
        let sections = Sections.split(lines.ungluing(glue), heading: heading)
        var ended = false
        let hasSiteName = sections.contains { if case .site? = $0.heading { true } else { false } }
        for section in sections where !ended {
            switch section.heading {
            case nil:
                // Lines above the site's name are navigation; without the name they are the header.
                if !hasSiteName { readHeader(section.textLines, into: &record) }
            case .site?:
                readHeader(section.textLines, into: &record)
            case .field(let slot)?:
                RecordFields.assign(slot, label: section.title, values: section.lines, to: &record)
            case .arms?:
                let table = ArmsTableReader.read(
                    section.lines, knownInterventions: record.interventions.map(\.name))
                for arm in table.arms
                where !record.armGroups.contains(where: { $0.label == arm.label }) {
                    record.armGroups.append(arm)
                }
                for intervention in table.interventions {
                    RecordFields.addIntervention(intervention, to: &record)
                }
                if table.guessed { record.warnings.append("arms table: cell boundaries guessed") }
            case .primaryOutcomes?, .secondaryOutcomes?:
                let table = OutcomeTableReader.read(section.lines)
                if case .primaryOutcomes? = section.heading {
                    record.primaryOutcomes += table.outcomes
                } else {
                    record.secondaryOutcomes += table.outcomes
                }
                if table.guessed, !record.warnings.contains(outcomeWarning) {
                    record.warnings.append(outcomeWarning)
                }
            case .locations?:
                record.locations += SiteListReader.read(section.lines)
            case .related?:
                listedLinks += RelatedTrialsReader.read(section.lines)
            case .references?:
                record.references += CitationReader.read(section.lines)
            case .end?:
                ended = true
            case .otherOutcomes?, .ignored?:
                break
            }
        }
    }

    static let outcomeWarning = "outcome table: measure and time frame boundary guessed"

    /// The title, then phase and status lines, before the first section. Where the page prints other
    /// lines there too (navigation), the title is the line just above the first phase or status line.
    private static func readHeader(_ lines: [String], into record: inout TrialRecord) {
        var titleCandidates: [String] = []
        var sawCode = false
        for line in lines {
            if PhaseText.isPhaseOnly(line) {
                if record.phases.isEmpty { record.phases = PhaseNormalizer.phases(line) }
                sawCode = true
            } else if let status = RelatedTrialsReader.statusCell(line) {
                if record.overallStatus == nil { record.overallStatus = status }
                sawCode = true
            } else if !sawCode, EnumNormalizer.key(line) != "MEDPATH" {
                titleCandidates.append(line)
            }
        }
        let title = sawCode ? titleCandidates.last : titleCandidates.first
        if record.briefTitle == nil, let title { record.briefTitle = TextValue.clean(title) }
    }

    private static let headings: [String: Heading] = {
        var t: [String: Heading] = [:]
        func add(_ heading: Heading, _ keys: String...) { for k in keys { t[k] = heading } }
        add(.site, "MEDPATH")
        add(
            .ignored, "RECRUITMENT_ELIGIBILITY", "RESEARCH_TEAM", "INVESTIGATORS",
            "PRINCIPAL_INVESTIGATOR", "NEWS")
        add(
            .arms, "ARM_INTERVENTIONS", "ARMS_INTERVENTIONS", "ARMS_AND_INTERVENTIONS",
            "ARM_GROUPS", "ARMS")
        add(
            .primaryOutcomes, "PRIMARY_OUTCOME_MEASURES", "PRIMARY_OUTCOME_MEASURE",
            "PRIMARY_OUTCOMES",
            "PRIMARY_OUTCOME")
        add(
            .secondaryOutcomes, "SECONDARY_OUTCOME_MEASURES", "SECONDARY_OUTCOME_MEASURE",
            "SECONDARY_OUTCOMES",
            "SECONDARY_OUTCOME")
        add(.otherOutcomes, "OTHER_OUTCOME_MEASURES", "OTHER_OUTCOMES", "TERTIARY_OUTCOME_MEASURES")
        add(.locations, "TRIAL_LOCATIONS", "LOCATIONS", "STUDY_LOCATIONS", "SITES")
        add(
            .related, "RELATED_CLINICAL_TRIALS", "RELATED_TRIALS", "SEE_ALSO", "SIMILAR_TRIALS",
            "RELATED_STUDIES",
            "SIMILAR_CLINICAL_TRIALS")
        add(.references, "REFERENCES", "PUBLICATIONS", "RELATED_PUBLICATIONS")
        return t
    }()

    /// Single-word labels too common to be taken as headings on a line of their own.
    private static let tooCommon: Set<String> = [
        "TITLE", "TREATMENT", "DISEASE", "DESIGN", "INCLUSION", "EXCLUSION", "NCT", "TEL", "SUMMARY", "DESCRIPTION",
        "CRITERIA", "ELIGIBILITY",
    ]

    /// Headings the page may glue to the end of the text above them ("…treatment challenging.Detailed
    /// Description").
    private static let glue = GluedLabels(
        punctuated: [],
        headings: [
            "Conditions", "Interventions", "Registration Number", "Lead Sponsor", "Brief Summary",
            "Detailed Description", "Recruitment & Eligibility", "Inclusion Criteria", "Exclusion Criteria",
            "Study & Design", "Arm && Interventions", "Primary Outcome Measures", "Secondary Outcome Measures",
            "Trial Locations",
        ])

    /// The heading of every key a line may be on its own: the section headings, then the field labels not
    /// ``tooCommon`` (one look-up per line).
    private static let headingsAndLabels: KeyTable<Heading> = {
        var table = headings
        for (key, slot) in FieldLabels.table.values where !tooCommon.contains(key) && table[key] == nil {
            table[key] = .field(slot)
        }
        return KeyTable(table)
    }()

    private static func heading(_ line: String, key: String) -> Heading? {
        if line.utf8.first == 0xC2, line.hasPrefix("©") { return .end }
        if key.utf8.starts(with: "COPYRIGHT".utf8) { return .end }
        let found = headingsAndLabels[key]
        // Section headings (never fields) come first, then "Locations (3)", then the field labels.
        if let found, !found.isField { return found }
        if key.utf8.starts(with: "LOCATIONS".utf8), Sections.headingKey(key: key) == "LOCATIONS",
            line.utf8.last == UInt8(ascii: ")")
        {
            return .locations
        }
        return found
    }
}

extension MedPathLayout.Heading {
    /// Whether the heading is a field label rather than a section.
    fileprivate var isField: Bool { if case .field = self { true } else { false } }
}
