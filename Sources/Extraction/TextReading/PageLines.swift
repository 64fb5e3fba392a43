import TrialModel

/// Undoes what copying a page from a site without a layout of its own does to its labels, so that the
/// generic reader sees "Label" / "value" lines: table cells keep their trailing `|`, separator rows are left
/// between rows, bilingual sites print a label in their own script before the English one ("注册号:
/// Registration number:"), list pages bullet their labels ("- Submission date"), a label gets glued to the
/// end of the sentence before it ("…were compared.Phase:"), and hidden row numbers follow a value
/// ("Low Back Pain 311509 0", "Secondary ID [1] 297372 0").
enum PageLines {
    /// The lines with those marks removed; a glued label becomes a line of its own.
    static func normalized(_ lines: [String]) -> [String] {
        var out: [String] = []
        out.reserveCapacity(lines.count)
        for line in lines {
            guard !line.isEmpty else {
                out.append(line)
                continue
            }
            var line = line
            if line.utf8.last == UInt8(ascii: "|") { line = withoutTableMarks(line) }
            if line.isEmpty {
                out.append(line)
                continue
            }
            if let first = line.utf8.first, first >= 0x80 { line = withoutForeignLabel(line) }
            line = withoutBulletBeforeLabel(line)
            line = withoutTrailingCodes(line)
            // A line of only row numbers is dropped, not left blank (a blank line would end a list).
            if line.isEmpty { continue }
            if let badges = gluedBadges(line) {
                out += badges
            } else if let glued = gluedLabel(line) {
                out.append(glued.before)
                out.append(glued.label)
            } else {
                out.append(line)
            }
        }
        return out
    }

    /// A table cell line without its closing `|`; a separator row (`---|---|`, `||`) is empty, while a cell
    /// that holds only "-" keeps it (it says the value is absent).
    static func withoutTableMarks(_ line: String) -> String {
        let marksOnly = line.utf8.allSatisfy { $0 == 0x7C || $0 == 0x2D || $0 == 0x3A || $0 == 0x20 }
        if marksOnly, line.contains("---") || !line.contains("-") { return "" }
        var bytes = Array(line.utf8)
        while let last = bytes.last, last == 0x7C || last == 0x20 { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// "注册号: Registration number:" → "Registration number:": a label in another script before the
    /// English label it translates.
    static func withoutForeignLabel(_ line: String) -> String {
        let bytes = Array(line.utf8)
        var index = 0
        while index < bytes.count, bytes[index] >= 0x80 || bytes[index] == 0x20 { index += 1 }
        // An ASCII colon, or the full-width colon U+FF1A (EF BC 9A), ends the foreign label.
        var afterColon: Int?
        if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
            afterColon = index + 1
        } else if index >= 3, bytes[index - 3] == 0xEF, bytes[index - 2] == 0xBC, bytes[index - 1] == 0x9A {
            afterColon = index
        }
        guard let start = afterColon, start > 0 else { return line }
        let rest = TextValue.trimmed(String(decoding: bytes[start...], as: UTF8.self))
        guard let label = LabelLine.parse(rest, isLabel: { FieldLabels.slot(forKey: $0) != nil }) else {
            return line
        }
        _ = label
        return rest
    }

    /// "- Submission date" → "Submission date" when what follows the bullet is a label.
    static func withoutBulletBeforeLabel(_ line: String) -> String {
        for bullet in ["- ", "• ", "* ", "· "] where line.hasPrefix(bullet) {
            let rest = TextValue.trimmed(line.dropFirst(bullet.count))
            if LabelLine.parse(rest, isLabel: { FieldLabels.slot(forKey: $0) != nil }) != nil { return rest }
        }
        return line
    }

    /// A value without the hidden row numbers some registries print after it: number tokens ending in a
    /// lone "0" ("Low Back Pain 311509 0", "Secondary ID [1] 297372 0" → "Secondary ID"); a line of nothing
    /// else is dropped.
    static func withoutTrailingCodes(_ line: String) -> String {
        guard line.hasSuffix(" 0") else { return line }
        let tokens = line.split(separator: " ", omittingEmptySubsequences: true)
        var keep = tokens.count
        var numbers = 0
        while keep > 0, isCode(tokens[keep - 1]) {
            keep -= 1
            if tokens[keep].utf8.allSatisfy(ASCIIByte.isDigit) { numbers += 1 }
        }
        guard numbers >= 2 else { return line }
        if keep == 0 { return "" }
        guard tokens[..<keep].contains(where: { $0.utf8.contains(where: ASCIIByte.isLetter) }) else { return line }
        return tokens[..<keep].joined(separator: " ")
    }

    private static func isCode(_ token: Substring) -> Bool {
        let bytes = Array(token.utf8)
        if bytes.allSatisfy(ASCIIByte.isDigit) { return true }
        // "[1]": the number of a repeated field.
        return bytes.count >= 3 && bytes.first == UInt8(ascii: "[") && bytes.last == UInt8(ascii: "]")
            && bytes.dropFirst().dropLast().allSatisfy(ASCIIByte.isDigit)
    }

    /// "…were compared.Phase:" → ("…were compared.", "Phase:"): a known label, followed by a colon, glued
    /// to the end of the text before it (after a full stop, a closing bracket or a lower-case letter).
    static func gluedLabel(_ line: String) -> (before: String, label: String)? {
        let bytes = Array(line.utf8)
        guard bytes.count > 3, bytes.last == UInt8(ascii: ":") else { return nil }
        let lowest = max(1, bytes.count - 1 - FieldLabels.maxLabelBytes)
        var start = bytes.count - 2
        var found: Int?
        while start >= lowest {
            let b = bytes[start]
            let previous = bytes[start - 1]
            if ASCIIByte.isUpper(b),
                previous == UInt8(ascii: ".") || previous == UInt8(ascii: ")") || ASCIIByte.isLower(previous)
            {
                let label = String(decoding: bytes[start..<(bytes.count - 1)], as: UTF8.self)
                if FieldLabels.slot(forLabel: label) != nil { found = start }
            }
            start -= 1
        }
        guard let cut = found else { return nil }
        let before = TextValue.trimmed(String(decoding: bytes[..<cut], as: UTF8.self))
        guard before.utf8.count >= 2 else { return nil }
        return (before, String(decoding: bytes[cut...], as: UTF8.self))
    }

    /// "PHASE2Active, not recruitingINTERVENTIONAL" → "PHASE2", "Active, not recruiting", "INTERVENTIONAL": badges
    /// a page printed side by side, each a phase, a status or a study type.
    static func gluedBadges(_ line: String) -> [String]? {
        let bytes = Array(line.utf8)
        guard bytes.count <= 80 else { return nil }
        var cuts: [Int] = []
        for index in 1..<bytes.count
        where (ASCIIByte.isLower(bytes[index - 1]) || ASCIIByte.isDigit(bytes[index - 1]))
            && ASCIIByte.isUpper(bytes[index])
        {
            cuts.append(index)
        }
        guard !cuts.isEmpty else { return nil }
        var pieces: [String] = []
        var start = 0
        for cut in cuts + [bytes.count] {
            pieces.append(TextValue.trimmed(String(decoding: bytes[start..<cut], as: UTF8.self)))
            start = cut
        }
        let isBadge = { (piece: String) -> Bool in
            PhaseText.isPhaseOnly(piece) || LabelVocabulary.shipped.status(piece) != nil
                || ["INTERVENTIONAL", "OBSERVATIONAL", "EXPANDED_ACCESS"].contains(EnumNormalizer.key(piece))
        }
        guard pieces.count >= 2, pieces.allSatisfy(isBadge) else { return nil }
        return pieces
    }
}
