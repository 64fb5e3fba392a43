import TrialModel

/// Condition pages that list one trial and its related trials: a "<Condition> Clinical Trial" heading,
/// "Official title:", the summary and description paragraphs (the description ending " ;"), then a
/// Markdown-like "Status | Clinical Trial | Phase" table of related trials.
enum ConditionListingLayout {
    /// Fills `record` from the page's lines, adding the related trials the page lists to `listedLinks`.
    static func fill(_ record: inout TrialRecord, listedLinks: inout [SeeAlsoLink], from lines: TextLines) {
        var index = 0
        let all = lines.lines
        // The "<Condition> Clinical Trial" heading, after any navigation lines above it.
        for candidate in 0..<min(all.count, 10) {
            if let condition = condition(inHeading: all[candidate]) {
                RecordFields.addCondition(condition, to: &record)
                index = candidate + 1
                break
            }
        }
        var paragraphs: [String] = []
        var tableStart = all.count
        while index < all.count {
            let line = all[index]
            if line.isEmpty {
                index += 1
                continue
            }
            if isTableStart(line) {
                tableStart = index
                break
            }
            if let label = LabelLine.parse(line, isLabel: { FieldLabels.slot(forKey: $0) != nil }),
                let slot = FieldLabels.slot(forKey: label.key),
                label.value.isEmpty ? line.hasSuffix(":") : true
            {
                var values = label.value.isEmpty ? [] : [label.value]
                index += 1
                if values.isEmpty {
                    // The value is the next line; free text runs to the next label.
                    while index < all.count, all[index].isEmpty { index += 1 }
                    while index < all.count, !isTableStart(all[index]) {
                        let next = all[index]
                        if !next.isEmpty,
                            LabelLine.parse(next, isLabel: { FieldLabels.slot(forKey: $0) != nil })
                                != nil,
                            next.hasSuffix(":")
                        {
                            break
                        }
                        values.append(next)
                        index += 1
                        if !slot.isFreeText { break }
                    }
                }
                RecordFields.assign(slot, label: label.label, values: values, to: &record)
                continue
            }
            paragraphs.append(line)
            index += 1
        }
        if let summary = paragraphs.first {
            RecordFields.assign(
                .briefSummary, label: "", values: [withoutTrailingSemicolon(summary)], to: &record)
        }
        if paragraphs.count > 1 {
            let description = paragraphs.dropFirst().flatMap { [withoutTrailingSemicolon($0), ""] }
            RecordFields.assign(.detailedDescription, label: "", values: description, to: &record)
        }
        if tableStart < all.count {
            listedLinks += RelatedTrialsReader.read(Array(all[tableStart...]))
        }
    }

    /// The condition a "<Condition> Clinical Trial(s)" heading names.
    static func condition(inHeading line: String) -> String? {
        // Compared as bytes from the end: the endings are ASCII, and most lines differ at their last byte.
        for suffix in headingEndings where line.utf8.count > suffix.count && line.utf8.reversed().starts(with: suffix) {
            return TextValue.clean(line.dropLast(suffix.count))
        }
        return nil
    }

    /// The endings of a condition heading, each reversed.
    private static let headingEndings = [" Clinical Trials", " Clinical Trial", " clinical trials", " clinical trial"]
        .map { Array($0.utf8.reversed()) }

    /// Whether the related-trials table starts here: its header, its first row, or a heading naming it.
    private static func isTableStart(_ line: String) -> Bool {
        guard TextValue.hasPipe(line) || line.utf8.count <= 60 else { return false }
        let key = EnumNormalizer.key(line)
        if TextValue.hasPipe(line),
            key.hasPrefix("STATUS_CLINICAL_TRIAL") || !TextValue.nctIds(in: line).isEmpty
        {
            return true
        }
        switch key {
        case "RELATED_CLINICAL_TRIALS", "RELATED_TRIALS", "SEE_ALSO", "SIMILAR_TRIALS",
            "STATUS_CLINICAL_TRIAL_PHASE":
            return true
        default:
            return !TextValue.nctIds(in: line).isEmpty && line.utf8.count <= 20
        }
    }

    private static func withoutTrailingSemicolon(_ text: String) -> String {
        var value = TextValue.trimmed(text)
        while value.hasSuffix(";") { value = TextValue.trimmed(value.dropLast(1)) }
        return value
    }
}
