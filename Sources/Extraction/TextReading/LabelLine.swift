import TrialModel

/// A line that starts with a label: "Label: value", "Label:value", "Label | value", a bare "Label" or
/// "Label:" line whose value follows on the next lines, or (for pages that print labels and values side by
/// side) "Label value".
struct LabelLine {
    /// The label as printed, without its punctuation.
    var label: String
    /// The label's `EnumNormalizer.key`.
    var key: String
    /// What follows the label on the same line, if anything.
    var value: String

    /// The label that starts `line` if `isLabel` accepts its key.
    ///
    /// - Parameters:
    ///   - spaceSeparated: also accept a label followed only by a space ("Status Not yet recruiting"); the
    ///     longest matching label wins.
    static func parse(_ line: String, spaceSeparated: Bool = false, isLabel: (String) -> Bool)
        -> LabelLine?
    {
        guard !line.isEmpty else { return nil }
        // "Label: value", "Label | value", "Label?" value.
        let utf8 = line.utf8
        if let index = utf8.prefix(FieldLabels.maxLabelBytes + 1).firstIndex(where: {
            $0 == 0x3A || $0 == 0x7C || $0 == 0x3F
        }) {
            var label = TextValue.trimmed(line[..<index])
            var key = EnumNormalizer.key(label)
            if !isLabel(key), let paren = label.firstIndex(of: "(") {
                // "Enrollment (Estimated):" → the label without its qualifier, which stays in `label`.
                let stem = EnumNormalizer.key(label[..<paren])
                if isLabel(stem) { key = stem } else { label = "" }
            }
            if !label.isEmpty, isLabel(key) {
                let value = TextValue.strippingLeadingSeparators(line[line.index(after: index)...])
                return LabelLine(label: label, key: key, value: value)
            }
        }
        if utf8.count <= FieldLabels.maxLabelBytes {
            let key = EnumNormalizer.key(line)
            if isLabel(key) { return LabelLine(label: line, key: key, value: "") }
        }
        guard spaceSeparated else { return nil }
        let words = TextValue.words(line, limit: FieldLabels.maxWords + 1)
        for count in stride(from: min(words.count - 1, FieldLabels.maxWords), through: 1, by: -1) {
            let head = line[..<words[count - 1].end]
            let key = EnumNormalizer.key(head)
            if !key.isEmpty, isLabel(key) {
                let value = TextValue.strippingLeadingSeparators(line[words[count - 1].end...])
                return LabelLine(label: String(head), key: key, value: value)
            }
        }
        return nil
    }
}
