/// Splits a ClinicalTrials.gov eligibility criteria text into one entry per criterion.
///
/// The text is read line by line. "Inclusion Criteria:" and "Exclusion Criteria:" headings (in any case,
/// with words like "Key" before them or a colon and text after them) switch the list being filled. A line
/// starting with a bullet (`*`, `-`, `•`, …) or a number or letter (`1.`, `2)`, `(3)`, `a)`, `iv.`) starts a
/// criterion; a line after a blank line starts one too; any other line continues the criterion before it
/// (wrapped lines are joined with a space). Bullets and numbers are removed.
enum CTGovCriteria {
    /// The inclusion and exclusion lists, and a warning when the text has no headings to tell them apart.
    struct Split: Equatable {
        var inclusion: [String] = []
        var exclusion: [String] = []
        var warning: String?
    }

    private enum Section { case preamble, inclusion, exclusion }

    /// Splits `text`; `unescape` is applied to each criterion after bullets are found (for Markdown, where a
    /// literal `\*` at the start of a line is not a bullet). With `wrappedLines` false (text whose lines are
    /// never wrapped, such as the classic API's, which drops the bullets of list items) every line is a
    /// criterion of its own.
    static func split(_ text: String, unescape: (String) -> String = { $0 }, wrappedLines: Bool = true) -> Split {
        var section = Section.preamble
        var preamble: [String] = []
        var result = Split()
        var current: [String] = []
        var open = false  // the current criterion may take continuation lines

        func finish() {
            defer {
                current = []
                open = false
            }
            let item = CTGovText.collapse(unescape(current.joined(separator: " ")))
            guard !item.isEmpty else { return }
            switch section {
            case .preamble: preamble.append(item)
            case .inclusion: result.inclusion.append(item)
            case .exclusion: result.exclusion.append(item)
            }
        }

        func take(_ line: Substring) {
            if let rest = withoutMarker(line) {
                finish()
                current = rest.isEmpty ? [] : [String(rest)]
                open = true
            } else if open, wrappedLines {
                current.append(String(line))
            } else {
                finish()
                current = [String(line)]
                open = true
            }
        }

        for rawLine in CTGovText.lines(text) {
            // Most lines start with a printable ASCII byte: nothing to drop.
            let lead = rawLine.utf8.first ?? 0
            let line = lead > 0x20 && lead < 0x7F ? rawLine : rawLine.drop { $0.isWhitespace }
            if line.isEmpty {
                finish()
                continue
            }
            if let heading = heading(line) {
                finish()
                section = heading.section
                if !heading.rest.isEmpty { take(heading.rest) }
                continue
            }
            take(line)
        }
        finish()
        if section == .preamble, !preamble.isEmpty {
            result.inclusion = preamble
            result.warning =
                "eligibility criteria have no inclusion/exclusion headings; all listed as inclusion"
        }
        return result
    }

    /// A heading line: which list it opens and any text after its colon.
    private static func heading(_ line: Substring) -> (section: Section, rest: Substring)? {
        guard mentionsClusion(line) else { return nil }
        var label = line
        var rest: Substring = ""
        if let colon = line.firstIndex(where: { $0 == ":" || $0 == "：" }) {
            label = line[..<colon]
            rest = line[line.index(after: colon)...].drop { $0.isWhitespace }
            // Closing emphasis marks ("**Inclusion Criteria:**") are not criteria.
            if !rest.contains(where: { $0.isLetter || $0.isNumber }) { rest = "" }
        }
        guard label.count <= 80 else { return nil }
        // Markdown emphasis and heading marks, bullets: "**Inclusion Criteria:**", "## Exclusion", "- Inclusion".
        let words = label.lowercased().split { !$0.isLetter }
        let inclusion = words.contains { $0.hasPrefix("inclusion") }
        let exclusion = words.contains { $0.hasPrefix("exclusion") }
        guard inclusion != exclusion else { return nil }
        // "Inclusion Criteria", "Key inclusion criteria", "Inclusion:" — not a sentence that mentions them.
        let namesCriteria = words.contains { $0.hasPrefix("criteri") }
        guard namesCriteria || words.count <= 2 else { return nil }
        guard words.count <= 10, words.filter({ !headingWords.contains($0) }).count <= 3 else { return nil }
        return (exclusion ? .exclusion : .inclusion, rest)
    }

    /// The words a heading may hold besides at most three others (built once, not per line).
    private static let headingWords: Set<Substring> = [
        "inclusion", "exclusion", "criteria", "criterion", "key", "main", "major", "general", "additional",
        "other", "the", "following", "for", "all", "participants", "patients", "subjects", "study", "part",
        "phase", "cohort", "arm", "stage", "and", "of", "in", "to", "must", "meet", "are", "is", "be",
    ]

    /// Whether the line holds "clusion" in any case: a cheap test before reading it as a heading.
    private static func mentionsClusion(_ line: Substring) -> Bool {
        line.utf8.withContiguousStorageIfAvailable(mentionsClusion) ?? mentionsClusion(Array(line.utf8))
    }

    private static func mentionsClusion(_ bytes: some Collection<UInt8>) -> Bool {
        let pattern: StaticString = "clusion"
        var matched = 0
        for byte in bytes {
            let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            if lower == pattern.utf8Start[matched] {
                matched += 1
                if matched == pattern.utf8CodeUnitCount { return true }
            } else {
                matched = lower == pattern.utf8Start[0] ? 1 : 0
            }
        }
        return false
    }

    /// The line without its bullet or number, or nil when it does not start with one.
    static func withoutMarker(_ line: Substring) -> Substring? {
        // Most lines start with an ASCII letter or a character no marker begins with: decide on the byte.
        if let lead = line.utf8.first, lead < 0x80 {
            switch lead {
            case UInt8(ascii: "*"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "("),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "A")...UInt8(ascii: "Z"):
                break
            default:
                return nil
            }
        }
        if let lead = line.utf8.first, isASCIILetterOrDigit(lead), !mayStartWithMarkerWord(line.utf8) { return nil }
        guard let first = line.first else { return nil }
        let afterFirst = line.dropFirst()
        switch first {
        case "*", "-", "+", "–", "—", "‐":
            // A bullet is followed by a space ("- item"); "-2 log" or "*p" are text.
            guard let next = afterFirst.first, next == " " || next == "\t" else { return nil }
            return afterFirst.drop { $0.isWhitespace }
        case "•", "·", "▪", "■", "◦", "○", "●", "►", "➢", "§":
            return afterFirst.drop { $0.isWhitespace }
        case "(", "（":
            // "(1) item", "(a) item", "（2）item"
            let inner = afterFirst.prefix { $0 != ")" && $0 != "）" }
            guard !inner.isEmpty, inner.count <= 3, afterFirst.count > inner.count,
                inner.allSatisfy(\.isNumber) || (inner.count == 1 && inner.allSatisfy(\.isLetter))
                    || inner.allSatisfy({ "ivx".contains($0) })
            else { return nil }
            return afterFirst.dropFirst(inner.count + 1).drop { $0.isWhitespace }
        default:
            break
        }
        // "1. item", "2) item", "3、item", "1.item", "a) item", "b. item", "iv. item"
        let token = line.prefix { $0.isNumber || $0.isLetter }
        guard !token.isEmpty, token.count <= 4 else { return nil }
        let isNumber = token.allSatisfy { $0.isASCII && $0.isNumber }
        let isLetter = token.count == 1 && token.allSatisfy { $0.isASCII && $0.isLowercase }
        let isRoman = token.count <= 4 && token.allSatisfy { "ivx".contains($0) }
        guard isNumber || isLetter || isRoman else { return nil }
        let afterToken = line.dropFirst(token.count)
        guard let punctuation = afterToken.first, ".)、．".contains(punctuation) else { return nil }
        let rest = afterToken.dropFirst()
        if let next = rest.first {
            if next.isWhitespace { return rest.drop { $0.isWhitespace } }
            // "1.Age 18–75" is an item, "2.0 g/dl" and "e.g." are not.
            guard isNumber, !next.isNumber, next != "." else { return nil }
            return rest
        }
        return rest
    }

    /// For a line starting with an ASCII letter or digit: false when its bytes alone show that no marker
    /// word ("1.", "a)", "iv.") starts it — an ASCII word of more than four characters, or one followed by
    /// ASCII other than `.` and `)`; true when the full reading must decide.
    private static func mayStartWithMarkerWord(_ utf8: Substring.UTF8View) -> Bool {
        var length = 0
        for byte in utf8 {
            if isASCIILetterOrDigit(byte) {
                length += 1
                if length > 4 { return false }
            } else {
                return byte >= 0x80 || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ")")
            }
        }
        return true
    }

    private static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }
}
