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
        let bytes = Array(text.utf8)
        for marker in ["doi:", "doi.org/", "doi "] {
            guard let at = TextValue.find(Array(marker.utf8), in: bytes) else { continue }
            var start = at + marker.utf8.count
            while start < bytes.count, bytes[start] == 0x20 { start += 1 }
            var end = start
            while end < bytes.count, bytes[end] != 0x20 { end += 1 }
            while end > start, [0x2E, 0x2C, 0x3B, 0x29, 0x5D].contains(bytes[end - 1]) { end -= 1 }
            if bytes[start..<end].starts(with: [0x31, 0x30, 0x2E]) {
                return String(decoding: bytes[start..<end], as: UTF8.self)
            }
        }
        return nil
    }

    /// The PubMed id in a citation ("PMID: 29972759", "PubMed ID 12345").
    static func pmid(in text: String) -> String? {
        let bytes = Array(text.utf8)
        for marker in ["pmid", "pubmed id", "pubmed"] {
            var from = 0
            while let at = TextValue.find(Array(marker.utf8), in: bytes, from: from) {
                var start = at + marker.utf8.count
                while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x3A || bytes[start] == 0x23 {
                    start += 1
                }
                var end = start
                while end < bytes.count, ASCIIByte.isDigit(bytes[end]) { end += 1 }
                if end - start >= 4 { return String(decoding: bytes[start..<end], as: UTF8.self) }
                from = at + 1
            }
        }
        return nil
    }

    /// Where the "— View Citation" ending starts, if the line has one.
    private static func viewCitationStart(_ line: String) -> String.Index? {
        var trimmed = Substring(line)
        while let last = trimmed.last, last == " " || last == "." { trimmed = trimmed.dropLast(1) }
        guard trimmed.utf8.count >= 13, TextValue.hasSuffixIgnoringCase(String(trimmed), "view citation") else {
            return nil
        }
        var start = trimmed.utf8.index(trimmed.utf8.endIndex, offsetBy: -13)
        while start > line.startIndex {
            let prev = line[line.index(before: start)]
            guard prev == " " || prev == "—" || prev == "-" || prev == "–" else { break }
            start = line.index(before: start)
        }
        return start
    }

    private static func isNote(_ line: String) -> Bool {
        guard line.utf8.count <= 200 else { return false }
        let key = EnumNormalizer.key(line)
        return key.hasPrefix("NOTE_") || key.contains("CLICK_HERE") || key.hasPrefix("SHOW_ALL")
            || key.hasPrefix("VIEW_ALL")
    }
}
