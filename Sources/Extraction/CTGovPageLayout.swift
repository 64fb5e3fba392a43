import TrialModel

/// A ClinicalTrials.gov study page copied as text: a header (status, brief title, "ClinicalTrials.gov ID",
/// sponsor), then sections ("Study Overview", "Participation Criteria", "Study Plan", …) whose labels stand
/// on their own lines above their values, with the arms, outcome and location tables printed a cell per line.
enum CTGovPageLayout {
    /// What a section of the page holds.
    enum Part { case fields, arms, primaryOutcomes, secondaryOutcomes, otherOutcomes, locations, references }

    /// The page's section headings, as `EnumNormalizer.key` keys, with what follows each.
    static let headings = KeyTable<Part>([
        "STUDY_OVERVIEW": .fields, "STUDY_DETAILS": .fields, "CONTACTS_AND_LOCATIONS": .fields,
        "STUDY_CONTACT": .fields, "STUDY_CONTACT_BACKUP": .fields, "PARTICIPATION_CRITERIA": .fields,
        "STUDY_PLAN": .fields, "HOW_IS_THE_STUDY_DESIGNED": .fields, "DESIGN_DETAILS": .fields,
        "COLLABORATORS_AND_INVESTIGATORS": .fields, "INVESTIGATORS": .fields,
        "STUDY_RECORD_DATES": .fields, "STUDY_REGISTRATION_DATES": .fields,
        "STUDY_RECORD_UPDATES": .fields, "MORE_INFORMATION": .fields,
        "TERMS_RELATED_TO_THIS_STUDY": .fields, "ADDITIONAL_RELEVANT_MESH_TERMS": .fields,
        "WHAT_IS_THE_STUDY_MEASURING": .fields, "RESEARCHER_VIEW": .fields,
        "ARMS_AND_INTERVENTIONS": .arms, "PRIMARY_OUTCOME_MEASURES": .primaryOutcomes,
        "SECONDARY_OUTCOME_MEASURES": .secondaryOutcomes, "OTHER_OUTCOME_MEASURES": .otherOutcomes,
        "STUDY_LOCATIONS": .locations, "LOCATIONS": .locations, "PUBLICATIONS": .references,
        "GENERAL_PUBLICATIONS": .references,
    ])

    /// Page furniture around the header that is never a title.
    private static let furniture: Set<String> = [
        "NO_RESULTS_POSTED", "RECORD_HISTORY", "ON_THIS_PAGE", "STUDY_DETAILS", "RESEARCHER_VIEW",
        "RESULTS_POSTED", "SAVE", "PRINT", "SHARE", "HOME", "SEARCH_RESULTS", "STUDY_RECORD",
    ]

    /// Fills `record` from the page's lines, adding the related trials the page lists to `listedLinks`.
    static func fill(_ record: inout TrialRecord, listedLinks: inout [SeeAlsoLink], from lines: TextLines) {
        let all = lines.lines.map(qualifiedLabel)
        var parts: [(part: Part, lines: [String])] = [(.fields, [])]
        for line in joinedScalarLabels(all) {
            let key = line.utf8.count <= TextLines.maxKeyedBytes ? EnumNormalizer.key(line) : ""
            if line.utf8.count <= 60, let part = headings[key] {
                parts.append((part, []))
            } else if key.hasPrefix("PARTICIPANT_GROUP_ARM") {
                parts.append((.arms, []))
            } else {
                parts[parts.count - 1].lines.append(line)
            }
        }
        readHeader(parts[0].lines, into: &record)
        var armLines: [String] = []
        for (part, body) in parts {
            switch part {
            case .fields: GenericLayout.fill(&record, listedLinks: &listedLinks, from: TextLines(lines: body))
            case .arms: armLines += body
            case .primaryOutcomes: record.primaryOutcomes += CTGovPageOutcomes.read(body)
            case .secondaryOutcomes: record.secondaryOutcomes += CTGovPageOutcomes.read(body)
            case .otherOutcomes: break
            case .locations: record.locations += CTGovPageLocations.read(body)
            case .references:
                // A citation names its year; the section's explanation does not.
                record.references += CitationReader.read(body.filter { $0.isEmpty || $0.contains(where: \.isNumber) })
            }
        }
        let arms = CTGovPageArms.read(armLines)
        record.armGroups += arms.armGroups
        for intervention in arms.interventions {
            RecordFields.addIntervention(intervention, to: &record)
            let key = intervention.name.lowercased()
            if let index = record.interventions.firstIndex(where: { $0.name.lowercased() == key }),
                record.interventions[index].otherNames.isEmpty
            {
                record.interventions[index].otherNames = intervention.otherNames
            }
        }
        readPhases(all, into: &record)
    }

    /// Whether the page's own signals name it a ClinicalTrials.gov study page; adds its score.
    /// The section headings the page prints, each with its points and signal name (looked up by whole key).
    static let headingSignals: [(key: String, points: Int, name: String)] = [
        ("STUDY_OVERVIEW", 2, "study-overview"), ("PARTICIPATION_CRITERIA", 2, "participation-criteria"),
        ("COLLABORATORS_AND_INVESTIGATORS", 2, "collaborators-and-investigators"),
        ("STUDY_RECORD_DATES", 2, "study-record-dates"), ("CONTACTS_AND_LOCATIONS", 1, "contacts-and-locations"),
        ("STUDY_PLAN", 1, "study-plan"), ("AGES_ELIGIBLE_FOR_STUDY", 1, "ages-eligible"),
    ]

    /// The signals of keys that start with the page's labels ("ClinicalTrials.gov ID NCT…").
    static func score(prefixOf key: String, _ add: (TextLayout, Int, String) -> Void) {
        guard let lead = key.utf8.first, lead == UInt8(ascii: "C") || lead == UInt8(ascii: "P") else { return }
        if key.hasPrefix("CLINICALTRIALS_GOV_ID_NCT") { add(.ctgovPage, 2, "ctgov-id") }
        if key.hasPrefix("PARTICIPANT_GROUP_ARM") { add(.ctgovPage, 2, "participant-group-arm") }
    }

    /// The header above the first section: the status alone on a line, the brief title, the page's id.
    private static func readHeader(_ lines: [String], into record: inout TrialRecord) {
        var index = 0
        while index < lines.count {
            let line = lines[index]
            index += 1
            let key = EnumNormalizer.key(line)
            guard !line.isEmpty, !furniture.contains(key) else { continue }
            if key.hasPrefix("CLINICALTRIALS_GOV_ID") {
                var ids = TextValue.nctIds(in: line)
                if ids.isEmpty, index < lines.count { ids = TextValue.nctIds(in: lines[index]) }
                if record.nctId == nil { record.nctId = ids.first }
                continue
            }
            if let label = LabelLine.parse(line, isLabel: { FieldLabels.slot(forKey: $0) != nil }) {
                // The section readers take labelled values; a bare label's value is the next line.
                if label.value.isEmpty { index += 1 }
                continue
            }
            if line.utf8.count <= 40, let status = EnumNormalizer.overallStatus(line) {
                if record.overallStatus == nil { record.overallStatus = status }
                continue
            }
            if record.briefTitle == nil, TextValue.words(line, limit: 3).count >= 3, line.utf8.count <= 400 {
                record.briefTitle = TextValue.clean(line)
            }
        }
    }

    /// "Phase" with each phase on a line of its own ("Phase 1", "Phase 2").
    private static func readPhases(_ lines: [String], into record: inout TrialRecord) {
        guard
            let start = lines.firstIndex(where: {
                EnumNormalizer.key($0) == "PHASE" || EnumNormalizer.key($0) == "PHASES"
            })
        else { return }
        var phases: [Phase] = []
        for line in lines[(start + 1)...] {
            if line.isEmpty { continue }
            guard PhaseText.isPhaseOnly(line) else { break }
            for phase in PhaseNormalizer.phases(line) where !phases.contains(phase) { phases.append(phase) }
        }
        if !phases.isEmpty { record.phases = phases }
    }

    /// A single-value label alone on its line takes the next line as its value where that value is
    /// itself a label word ("Primary Purpose" / "Treatment"): the page prints a label only with a value.
    private static func joinedScalarLabels(_ lines: [String]) -> [String] {
        var out: [String] = []
        out.reserveCapacity(lines.count)
        var index = 0
        while index < lines.count {
            let line = lines[index]
            index += 1
            guard line.utf8.count <= 60, index < lines.count, !lines[index].isEmpty,
                !line.hasSuffix(")"), headings[EnumNormalizer.key(line)] == nil,
                let slot = FieldLabels.slot(forKey: EnumNormalizer.key(line)),
                !slot.isFreeText, !slot.isList, slot != .phase,
                headings[EnumNormalizer.key(lines[index])] == nil,
                FieldLabels.slot(forKey: EnumNormalizer.key(lines[index])) != nil
            else {
                out.append(line)
                continue
            }
            out.append(line + ": " + lines[index])
            index += 1
        }
        return out
    }

    /// A label alone on its line with its qualifier ("Enrollment (Estimated)", "Study Start (Actual)")
    /// ends in a colon, so the label reader takes its stem and keeps the qualifier.
    private static func qualifiedLabel(_ line: String) -> String {
        guard line.utf8.count <= 60, line.hasSuffix(")"), let paren = line.firstIndex(of: "(") else {
            return line
        }
        let stem = EnumNormalizer.key(line[..<paren])
        return FieldLabels.slot(forKey: stem) != nil ? line + ":" : line
    }

    /// A sentence the page prints to explain a section ("This section provides …").
    static func isExplanation(_ line: String) -> Bool {
        line.utf8.count > 80 && line.hasSuffix(".") && TextValue.nctIds(in: line).isEmpty
            && CitationReader.pmid(in: line) == nil && CitationReader.doi(in: line) == nil
    }
}
