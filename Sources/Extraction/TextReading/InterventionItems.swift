import TrialModel

/// The intervention lines under an interventions label on a page without a layout of its own: typed lines
/// ("Drug: Cisplatin") that follow an inline one, and a type printed alone above its name ("DRUG" then
/// "Pembrolizumab").
enum InterventionItems {
    /// The intervention lines: `values` as read after the label, extended with the typed lines that follow
    /// an inline typed value, a lone type joined to the name after it.
    static func read(_ values: [String], inline: String, lines: [String], from index: inout Int) -> [String] {
        var values = values
        if !inline.isEmpty, isTyped(inline) {
            while index < lines.count, !lines[index].isEmpty, isTyped(lines[index]),
                PageFieldRules.label(lines[index]) == nil
            {
                values.append(lines[index])
                index += 1
            }
        }
        var items: [String] = []
        var pendingType: String?
        for value in values {
            if isTypeWord(value) {
                pendingType = value
            } else if let type = pendingType {
                items.append(type + ": " + value)
                pendingType = nil
            } else {
                items.append(value)
            }
        }
        // A type alone with its name after a blank line: the name is the next line.
        if let type = pendingType {
            while index < lines.count, lines[index].isEmpty { index += 1 }
            if index < lines.count, PageFieldRules.label(lines[index]) == nil {
                items.append(type + ": " + lines[index])
                index += 1
            }
        }
        return items
    }

    /// "Drug: Cisplatin", "• Device: Stent": a line that starts with an intervention type and a colon.
    static func isTyped(_ line: String) -> Bool {
        var text = Substring(line)
        for bullet in ["• ", "- ", "* "] where text.hasPrefix(bullet) { text = text.dropFirst(bullet.count) }
        guard let colon = text.firstIndex(of: ":") else { return false }
        return EnumNormalizer.interventionType(text[..<colon]) != nil
    }

    /// "DRUG", "Biological": an intervention type alone.
    static func isTypeWord(_ line: String) -> Bool {
        TextValue.words(line).count <= 2 && EnumNormalizer.interventionType(line) != nil
    }
}
