import TrialModel

/// "Overview" pages: the title under "Overview", "Label:" lines with their value on the next line (often
/// printed twice), a "Summary" paragraph, and labels glued to the text before them ("…effect.Phase:",
/// "Phase 3Accepts Healthy Volunteers?", "NoDetails", "Fudan UniversityTreatments:"), then "Criteria".
enum OverviewLayout {
    /// Labels that end in ":" or "?" and may be glued to the text before them.
    static let punctuatedLabels = [
        "Status:", "Trial end date:", "Trial start date:", "Start date:", "End date:",
        "Target enrollment:",
        "Participant gender:", "Phase:", "Accepts Healthy Volunteers?", "Lead Sponsor:", "Sponsor:",
        "Collaborators:", "Treatments:", "Conditions:", "Condition:", "Study type:", "Minimum age:",
        "Maximum age:",
        "Participant age:", "Age range:", "Trial ID:", "NCT ID:", "Official title:",
        "Inclusion Criteria:",
        "Exclusion Criteria:", "Locations:", "Primary completion date:",
    ]

    /// Headings printed on their own, which the page may glue to the end of the line above.
    static let headingWords = [
        "Overview", "Summary", "Details", "Criteria", "Locations", "Eligibility",
    ]

    private static let glue = GluedLabels(punctuated: punctuatedLabels, headings: headingWords)
    private static let headingKeys = Set(headingWords.map { EnumNormalizer.key($0) })

    /// Fills `record` from the page's lines.
    static func fill(_ record: inout TrialRecord, from lines: TextLines) {
        let pieces = lines.lines.flatMap { $0.isEmpty ? [$0] : glue.split($0) }
        var entries: [(key: String, label: String, values: [String])] = [("", "", [])]
        var inCriteria = false
        for piece in pieces {
            if let label = label(of: piece, inCriteria: inCriteria) {
                if inCriteria, isCriteriaPart(label.key) {
                    entries[entries.count - 1].values.append(piece)
                    continue
                }
                inCriteria =
                    FieldLabels.slot(forKey: label.key) == .criteria || isCriteriaPart(label.key)
                let values = label.value.isEmpty ? [] : [label.value]
                entries.append(
                    (label.key, label.label, isCriteriaPart(label.key) ? [piece] : values))
            } else {
                entries[entries.count - 1].values.append(piece)
            }
        }
        let hasOverviewHeading = entries.contains { $0.key == "OVERVIEW" }
        for entry in entries {
            switch entry.key {
            case "", "OVERVIEW":
                // The title is under "Overview"; lines above that heading are navigation.
                guard entry.key == "OVERVIEW" || !hasOverviewHeading else { continue }
                if record.briefTitle == nil, let title = entry.values.first(where: { !$0.isEmpty }) {
                    record.briefTitle = TextValue.clean(title)
                }
            case "LOCATIONS":
                record.locations += SiteListReader.read(entry.values)
            case "DETAILS":
                break
            default:
                guard var slot = FieldLabels.slot(forKey: entry.key) else { continue }
                if isCriteriaPart(entry.key) { slot = .criteria }
                RecordFields.assign(slot, label: entry.label, values: entry.values, to: &record)
            }
        }
    }

    private static func isCriteriaPart(_ key: String) -> Bool {
        key == "INCLUSION_CRITERIA" || key == "EXCLUSION_CRITERIA"
    }

    /// The label that starts a piece: one of the page's labels, a heading on its own line, or (outside the
    /// criteria, where "Age: …" may be a criterion) any shared label followed by a colon.
    private static func label(of piece: String, inCriteria: Bool) -> LabelLine? {
        guard !piece.isEmpty else { return nil }
        let key = EnumNormalizer.key(piece)
        if headingKeys.contains(key), piece.utf8.count <= 20 {
            return LabelLine(label: piece, key: key, value: "")
        }
        // The first byte rules out nearly every label before the (costlier) prefix comparison.
        let first = piece.utf8.first
        for label in punctuatedLabels where label.utf8.first == first && piece.hasPrefix(label) {
            let value = TextValue.strippingLeadingSeparators(piece.dropFirst(label.count))
            return LabelLine(
                label: String(label.dropLast(1)), key: EnumNormalizer.key(label), value: value)
        }
        guard !inCriteria else { return nil }
        return LabelLine.parse(piece) { FieldLabels.slot(forKey: $0) != nil }.flatMap {
            $0.value.isEmpty && !piece.hasSuffix(":") ? nil : $0
        }
    }
}
