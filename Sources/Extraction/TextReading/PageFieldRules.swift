import TrialModel

/// How the generic reader tells a label and its value from the rest of a page: labels written with or
/// without a colon, values that can be what the label names (a status is not a sentence), list items that
/// are not glossary sentences.
enum PageFieldRules {
    /// Single-word labels that also start ordinary lines ("Treatment Varies", "Design of the study"), so they
    /// are labels only with a colon or alone on their line.
    private static let colonOnly: Set<String> = [
        "TREATMENT", "TREATMENTS", "TITLE", "DESIGN", "CONTACT", "AGE", "AGES", "DISEASE", "DISEASES", "PHONE",
        "TEL", "TELEPHONE", "EMAIL", "KEYWORD", "KEYWORDS", "INTERVENTION", "DESCRIPTION", "SUMMARY", "SOURCE",
    ]

    /// The label that starts `line`: "Label: value", "Label | value", a label alone on its line, or a label
    /// followed by a short value after a space ("Overall Status Recruiting", "Start Date May 28, 2019").
    static func label(_ line: String) -> LabelLine? {
        if let label = LabelLine.parse(line, isLabel: { FieldLabels.slot(forKey: $0) != nil }) { return label }
        guard line.utf8.count <= 120, let first = line.utf8.first, ASCIIByte.isUpper(first),
            !PhaseText.isPhaseOnly(line),
            let label = LabelLine.parse(line, spaceSeparated: true, isLabel: { FieldLabels.slot(forKey: $0) != nil }),
            let slot = FieldLabels.slot(forKey: label.key), !slot.isFreeText, !colonOnly.contains(label.key)
        else { return nil }
        let value = label.value
        let maxWords = slot == .studyDesign ? 40 : 12
        guard let lead = value.utf8.first, !ASCIIByte.isLower(lead), !value.hasSuffix(":"),
            !value.contains(". "), TextValue.words(value, limit: maxWords + 1).count <= maxWords,
            normalizes(value, for: slot)
        else { return nil }
        return label
    }

    /// Whether a value after a label and a space is one the field can hold ("Phase II Trial of …" is a title
    /// that starts with a label word, not a phase).
    static func normalizes(_ value: String, for slot: FieldSlot) -> Bool {
        switch slot {
        case .status: LabelVocabulary.shipped.status(value) != nil || EnumNormalizer.overallStatus(value) != nil
        case .phase: PhaseText.isPhaseOnly(phaseValue(value))
        case .studyType: EnumNormalizer.studyType(value) != nil
        case .sex: EnumNormalizer.sex(value) != nil
        case .enrollment: TextValue.firstInteger(value) != nil && TextValue.words(value, limit: 4).count <= 3
        case .startDate, .primaryCompletionDate, .completionDate, .statusVerified, .firstSubmitted, .lastUpdate:
            DateNormalizer.isoDate(value) != nil
        default: true
        }
    }

    /// A coded value with an explanation glued to it ("ObservationalDescribes the nature of a clinical
    /// study.") as the value alone ("Observational"); nil when nothing is glued.
    static func withoutGluedExplanation(_ value: String) -> String? {
        let bytes = Array(value.utf8)
        var index = 1
        while index < bytes.count {
            if ASCIIByte.isLower(bytes[index - 1]), ASCIIByte.isUpper(bytes[index]) {
                let head = TextValue.trimmed(String(decoding: bytes[..<index], as: UTF8.self))
                return head.isEmpty ? nil : head
            }
            index += 1
        }
        return nil
    }

    /// List items a page glued together ("…Cell CarcinomaRecurrent Head and Neck…") cut apart: a word of
    /// three or more lower-case letters directly followed by a capitalised word, with at least two words on
    /// each side.
    static func gluedItems(_ line: String) -> [String] {
        let bytes = Array(line.utf8)
        var pieces: [String] = []
        var start = 0
        var index = 3
        while index + 1 < bytes.count {
            if ASCIIByte.isUpper(bytes[index]), ASCIIByte.isLower(bytes[index + 1]),
                bytes[(index - 3)..<index].allSatisfy(ASCIIByte.isLower)
            {
                let head = String(decoding: bytes[start..<index], as: UTF8.self)
                let tail = String(decoding: bytes[index...], as: UTF8.self)
                if TextValue.words(head, limit: 2).count >= 2, TextValue.words(tail, limit: 2).count >= 2 {
                    pieces.append(TextValue.trimmed(head))
                    start = index
                }
            }
            index += 1
        }
        pieces.append(TextValue.trimmed(String(decoding: bytes[start...], as: UTF8.self)))
        return pieces
    }

    /// An enrollment written as a count before its noun ("3214 participants", "120 patients").
    static func participantCount(_ line: String) -> Int? {
        let words = TextValue.words(line)
        guard words.count == 2 else { return nil }
        let noun = EnumNormalizer.key(words[1].word)
        guard ["PARTICIPANTS", "PATIENTS", "SUBJECTS", "VOLUNTEERS"].contains(noun) else { return nil }
        let digits = words[0].word.filter { $0 != "," }
        guard !digits.isEmpty, digits.utf8.allSatisfy(ASCIIByte.isDigit) else { return nil }
        return Int(digits)
    }

    /// Whether `value` can be what a coded or dated field holds: short, one statement, not a sentence that
    /// explains the field ("Most clinical trials are designated as phase 1, 2, 3, or 4, …").
    static func isPlausible(_ value: String, for slot: FieldSlot) -> Bool {
        switch slot {
        case .status, .phase, .studyType, .allocation, .interventionModel, .masking, .primaryPurpose, .sex,
            .healthyVolunteers, .enrollment, .startDate, .primaryCompletionDate, .completionDate, .statusVerified,
            .firstSubmitted, .lastUpdate, .minimumAge, .maximumAge, .ageRange:
            return value.utf8.count <= 80 && !value.hasSuffix(":") && !value.contains(". ")
        default:
            return true
        }
    }

    /// Whether a line under a list label is an item, not a sentence that explains the label ("Conditions
    /// usually refer to a disease, disorder, …").
    static func isListItem(_ line: String) -> Bool {
        !(line.hasSuffix(".") && TextValue.words(line, limit: 11).count > 10) && !line.hasSuffix(":")
    }

    /// Whether the slot holds a date.
    static func isDate(_ slot: FieldSlot) -> Bool {
        switch slot {
        case .startDate, .primaryCompletionDate, .completionDate, .statusVerified, .firstSubmitted, .lastUpdate:
            true
        default: false
        }
    }

    /// A phase value written as a bare numeral under a phase label ("3", "II", "1/2") as the normalizer reads
    /// it ("Phase 3").
    static func phaseValue(_ value: String) -> String {
        let key = EnumNormalizer.key(value)
        let numerals: Set<String> = ["0", "1", "2", "3", "4", "I", "II", "III", "IV", "1_2", "2_3", "I_II", "II_III"]
        return numerals.contains(key) ? "Phase " + value : value
    }
}
