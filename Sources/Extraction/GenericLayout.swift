import TrialModel

/// Any other text: "Label: value" lines, label lines followed by their value, related-trial lists and
/// references under their headings, a title, and the NCT id the page states as its own.
enum GenericLayout {
    private enum Block { case related, references }

    private static let blockHeadings: [String: Block] = [
        "SEE_ALSO": .related, "RELATED_TRIALS": .related, "RELATED_CLINICAL_TRIALS": .related,
        "SIMILAR_TRIALS": .related, "RELATED_STUDIES": .related, "SIMILAR_STUDIES": .related,
        "SIMILAR_CLINICAL_TRIALS": .related, "REFERENCES": .references, "PUBLICATIONS": .references,
        "CITATIONS": .references, "REFERENCES_PUBLICATIONS": .references,
    ]

    /// Fills `record` from the page's lines, adding the related trials the page lists to `listedLinks`.
    static func fill(_ record: inout TrialRecord, listedLinks: inout [SeeAlsoLink], from lines: TextLines) {
        let all = PageLines.normalized(lines.lines)
        let dayFirst = SlashDates.dayFirst(in: all)
        var unclaimed: [(index: Int, line: String)] = []
        var firstLabelIndex = all.count
        var statusFromOverallLabel = false
        var index = 0
        while index < all.count {
            let line = all[index]
            index += 1
            guard !line.isEmpty else { continue }
            if let block = blockHeadings[Sections.headingKey(line)], line.utf8.count <= 60 {
                let body = takeUntilHeading(all, from: &index)
                switch block {
                case .related: listedLinks += RelatedTrialsReader.read(body)
                case .references: record.references += CitationReader.read(body)
                }
                continue
            }
            if let kind = OutcomeCells.heading(line) {
                var next = index
                let outcomes = OutcomeCells.read(all, from: &next)
                if !outcomes.isEmpty {
                    switch kind {
                    case .primary: record.primaryOutcomes += outcomes
                    case .secondary: record.secondaryOutcomes += outcomes
                    }
                    index = next
                    continue
                }
            }
            if TextValue.hasPipe(line), EnumNormalizer.key(line).hasPrefix("STATUS_CLINICAL_TRIAL") {
                listedLinks += RelatedTrialsReader.read(
                    takeUntilHeading(all, from: &index))
                continue
            }
            guard let label = fieldLabel(line), let slot = FieldLabels.slot(forKey: label.key)
            else {
                unclaimed.append((index - 1, line))
                continue
            }
            firstLabelIndex = min(firstLabelIndex, index - 1)
            var values = label.value.isEmpty ? [] : [label.value]
            if slot == .criteria || slot == .inclusionCriteria || slot == .exclusionCriteria {
                // An inclusion or exclusion heading stays with its lines; a general one gives way to them.
                let head = slot == .criteria ? values : [line]
                values = head + takeUntilHeading(all, from: &index, keepingCriteria: true)
                RecordFields.assign(.criteria, label: label.label, values: values, to: &record)
                continue
            }
            if values.isEmpty {
                values = takeValue(all, from: &index, slot: slot)
            }
            if slot == .interventions {
                values = InterventionItems.read(values, inline: label.value, lines: all, from: &index)
                if record.phases.isEmpty, let phase = values.first(where: PhaseText.isPhaseOnly) {
                    record.phases = PhaseNormalizer.phases(phase)
                }
                values.removeAll(where: PhaseText.isPhaseOnly)
            }
            if slot == .conditions { values = values.flatMap(PageFieldRules.gluedItems) }
            if slot.isList { values = values.filter(PageFieldRules.isListItem) }
            if let first = values.first, !slot.isList, !PageFieldRules.isPlausible(first, for: slot) {
                // A coded value with its tooltip glued on ("ObservationalDescribes …") is the value alone.
                guard let value = PageFieldRules.withoutGluedExplanation(first),
                    PageFieldRules.normalizes(value, for: slot), PageFieldRules.isPlausible(value, for: slot)
                else { continue }
                values = [value]
            }
            if PageFieldRules.isDate(slot) { values = values.map { SlashDates.iso($0, dayFirst: dayFirst) } }
            if slot == .phase { values = values.map(PageFieldRules.phaseValue) }
            if slot == .status, let value = values.first {
                // An overall status outranks a recruitment status stated before it.
                let isOverall = label.key.hasPrefix("OVERALL")
                guard record.overallStatus == nil || (isOverall && !statusFromOverallLabel) else { continue }
                if let status = LabelVocabulary.shipped.status(value) ?? EnumNormalizer.overallStatus(value) {
                    record.overallStatus = status
                    statusFromOverallLabel = isOverall
                }
                continue
            }
            RecordFields.assign(slot, label: label.label, values: values, to: &record)
        }
        var nonEmptyBefore = [Int](repeating: 0, count: all.count + 1)
        for (position, line) in all.enumerated() {
            nonEmptyBefore[position + 1] = nonEmptyBefore[position] + (line.isEmpty ? 0 : 1)
        }
        if record.briefTitle == nil,
            let title = PageTitle.first(
                in: unclaimed, nonEmptyBefore: { nonEmptyBefore[$0] }, before: firstLabelIndex),
            title != record.officialTitle
        {
            record.briefTitle = TextValue.clean(title)
        }
        for entry in unclaimed where entry.line.utf8.count <= 80 {
            if record.phases.isEmpty, PhaseText.isPhaseOnly(entry.line) {
                record.phases = PhaseNormalizer.phases(entry.line)
            } else if record.overallStatus == nil, let status = statusSentence(entry.line) {
                record.overallStatus = status
            } else if record.overallStatus == nil, nonEmptyBefore[entry.index] < PageTitle.window,
                let status = LabelVocabulary.shipped.status(entry.line)
            {
                // A status printed alone near the top, as a badge beside the title.
                record.overallStatus = status
            } else if record.studyType == nil, nonEmptyBefore[entry.index] < PageTitle.window,
                let type = StudyType(rawValue: EnumNormalizer.key(entry.line))
            {
                record.studyType = type
            } else if record.enrollment == nil, let count = participantCount(entry.index, all) {
                record.enrollment = Enrollment(count: count, type: nil)
            }
        }
        if record.nctId == nil {
            // An id in the title, or alone on a line near the top, is the page's own; ids in running text
            // are only mentioned.
            let title = record.briefTitle ?? record.officialTitle ?? ""
            let ownLine =
                unclaimed.first {
                    $0.index < 10 && $0.line.utf8.count <= 60 && TextValue.nctIds(in: $0.line).count == 1
                }?.line ?? ""
            record.nctId = TextValue.nctIds(in: title).first ?? TextValue.nctIds(in: ownLine).first
        }
    }

    /// The count of an enrollment a page prints before its noun: "3214 participants" on one line, or "56"
    /// with "Participants" on the next.
    private static func participantCount(_ index: Int, _ lines: [String]) -> Int? {
        if let count = PageFieldRules.participantCount(lines[index]) { return count }
        guard index + 1 < lines.count, lines[index].utf8.allSatisfy(ASCIIByte.isDigit) else { return nil }
        return PageFieldRules.participantCount(lines[index] + " " + lines[index + 1])
    }

    /// A label line: "Label: value", "Label | value", or a known label alone on its line.
    private static func fieldLabel(_ line: String) -> LabelLine? {
        PageFieldRules.label(line)
    }

    /// The value lines after a label: one line for a single value, the lines up to a blank line for a
    /// list, the lines up to the next label for free text.
    private static func takeValue(_ lines: [String], from index: inout Int, slot: FieldSlot)
        -> [String]
    {
        var values: [String] = []
        while index < lines.count, lines[index].isEmpty, values.isEmpty, !slot.isFreeText {
            index += 1
        }
        while index < lines.count {
            let line = lines[index]
            if !line.isEmpty,
                fieldLabel(line) != nil || blockHeadings[Sections.headingKey(line)] != nil
            {
                break
            }
            if line.isEmpty, !slot.isFreeText, !values.isEmpty { break }
            values.append(line)
            index += 1
            if !slot.isFreeText, !slot.isList { break }
        }
        return values
    }

    /// The lines up to the next label or block heading on a line of its own; inclusion and exclusion
    /// headings do not end criteria.
    private static func takeUntilHeading(
        _ lines: [String], from index: inout Int, keepingCriteria: Bool = false
    )
        -> [String]
    {
        var body: [String] = []
        while index < lines.count {
            let line = lines[index]
            if !line.isEmpty, line.utf8.count <= 60 {
                let key = EnumNormalizer.key(line)
                let slot = FieldLabels.slot(forKey: key)
                let isCriteriaHeading = slot == .inclusionCriteria || slot == .exclusionCriteria
                if blockHeadings[Sections.headingKey(line)] != nil
                    || (slot != nil && !(keepingCriteria && isCriteriaHeading))
                {
                    break
                }
            }
            body.append(line)
            index += 1
        }
        return body
    }

    /// The status a sentence about the study states ("This study has been terminated.", "This study is
    /// currently recruiting participants.").
    static func statusSentence(_ line: String) -> OverallStatus? {
        let key = EnumNormalizer.key(line)
        guard key.hasPrefix("THIS_STUDY_") || key.hasPrefix("THIS_TRIAL_") else { return nil }
        let padded = "_" + key + "_"
        for status in OverallStatus.allCases.sorted(by: { $0.rawValue.count > $1.rawValue.count })
        where padded.contains("_" + status.rawValue + "_") {
            return status
        }
        return nil
    }
}
