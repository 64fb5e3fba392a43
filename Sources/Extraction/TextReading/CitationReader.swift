import TrialModel

/// Reads a publication list: one citation per paragraph or per "— View Citation" ending, with its DOI and
/// PubMed id pulled out where the citation states them.
enum CitationReader {
    /// The references the lines cite.
    static func read(_ lines: [String]) -> [Reference] {
        let marksEnds = lines.contains { viewCitationStart($0) != nil }
        var references: [Reference] = []
        var pending: [String] = []
        func flush() {
            let text = TextValue.collapsed(pending.joined(separator: " "))
            pending.removeAll()
            guard !text.isEmpty, !TextValue.isNullWord(text) else { return }
            references.append(reference(text))
        }
        for line in lines {
            let text = TextValue.trimmed(line)
            if text.isEmpty {
                if !marksEnds { flush() }
                continue
            }
            if isNote(text) { continue }
            if let end = viewCitationStart(text) {
                pending.append(String(text[..<end]))
                flush()
            } else if marksEnds {
                pending.append(text)
            } else {
                pending.append(text)
                flush()
            }
        }
        flush()
        return references
    }

    /// One citation with its DOI and PMID.
    static func reference(_ citation: String) -> Reference {
        Reference(citation: citation, pmid: pmid(in: citation), doi: doi(in: citation))
    }

    /// The DOI in a citation ("doi: 10.1056/NEJMoa1717002." → "10.1056/NEJMoa1717002").
    static func doi(in text: String) -> String? {
        let lower = text.lowercased()
        for marker in ["doi:", "doi.org/", "doi "] {
            guard let range = lower.firstRange(of: marker) else { continue }
            let after = text[range.upperBound...].drop(while: { $0 == " " })
            var token = String(after.prefix(while: { $0 != " " }))
            while let last = token.last, ".,;)]".contains(last) { token.removeLast() }
            if token.hasPrefix("10.") { return token }
        }
        return nil
    }

    /// The PubMed id in a citation ("PMID: 29972759", "PubMed 12345").
    static func pmid(in text: String) -> String? {
        let lower = text.lowercased()
        for marker in ["pmid", "pubmed id", "pubmed"] {
            for range in lower.ranges(of: marker) {
                let after = text[range.upperBound...].drop(while: { $0 == " " || $0 == ":" || $0 == "#" })
                let digits = after.prefix(while: { $0.isASCII && $0.isNumber })
                if digits.count >= 4 { return String(digits) }
            }
        }
        return nil
    }

    private static func viewCitationStart(_ line: String) -> String.Index? {
        guard let range = line.ranges(of: "View Citation").last else { return nil }
        guard line[range.upperBound...].allSatisfy({ $0 == " " || $0 == "." }) else { return nil }
        var start = range.lowerBound
        while start > line.startIndex {
            let prev = line[line.index(before: start)]
            guard prev == " " || prev == "—" || prev == "-" || prev == "–" else { break }
            start = line.index(before: start)
        }
        return start
    }

    private static func isNote(_ line: String) -> Bool {
        let key = EnumNormalizer.key(line)
        return key.hasPrefix("NOTE_") || key.contains("CLICK_HERE") || key.hasPrefix("SHOW_ALL")
            || key.hasPrefix("VIEW_ALL")
    }
}
