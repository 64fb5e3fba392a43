import TrialModel

/// A document cut at its headings: each heading with the lines up to the next one.
struct Section<Heading> {
    /// What the heading line names; nil for the lines before the first heading.
    var heading: Heading?
    /// The heading line as printed.
    var title: String
    /// The lines under the heading, blank lines kept.
    var lines: [String]

    /// The lines that hold text.
    var textLines: [String] { lines.filter { !$0.isEmpty } }
}

enum Sections {
    /// Cuts the lines before every line that `heading` recognises from the line and its key.
    ///
    /// - Parameter inlineHeadings: also take a heading written before a colon with its text after it on the
    ///   same line ("Description: …"); only for layouts whose content lines do not start with labels.
    static func split<Heading>(
        _ text: TextLines, inlineHeadings: Bool = false, heading: (String, String) -> Heading?
    ) -> [Section<Heading>] {
        var sections: [Section<Heading>] = [Section(heading: nil, title: "", lines: [])]
        for (line, key) in zip(text.lines, text.keys) {
            if !line.isEmpty, line.utf8.count <= 80, let h = heading(line, key) {
                sections.append(Section(heading: h, title: line, lines: []))
            } else if inlineHeadings, let (h, title, rest) = colonHeading(line, heading) {
                // "Description: Advanced primary …": the heading with its text on the same line.
                sections.append(Section(heading: h, title: title, lines: [rest]))
            } else {
                sections[sections.count - 1].lines.append(line)
            }
        }
        return sections
    }

    /// A heading written before a colon at the start of a longer line, and the text after it.
    private static func colonHeading<Heading>(
        _ line: String, _ heading: (String, String) -> Heading?
    ) -> (Heading, String, String)? {
        let utf8 = line.utf8
        guard let colon = utf8.prefix(41).firstIndex(of: 0x3A), utf8.index(after: colon) < utf8.endIndex else {
            return nil
        }
        let title = String(line[...colon])
        guard let h = heading(title, EnumNormalizer.key(title)) else { return nil }
        return (h, title, TextValue.trimmed(line[utf8.index(after: colon)...]))
    }

    /// The key of a heading line with a trailing count removed ("Locations (1)" → `LOCATIONS`,
    /// "Sponsors (2)" → `SPONSORS`).
    static func headingKey(_ line: String) -> String { headingKey(key: EnumNormalizer.key(line)) }

    /// ``headingKey(_:)`` for a key already computed.
    static func headingKey(key: String) -> String {
        var key = key
        while let last = key.utf8.last, ASCIIByte.isDigit(last) || last == 0x5F { key.removeLast() }
        return key
    }
}
