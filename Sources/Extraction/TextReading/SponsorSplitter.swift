import TrialModel

/// Splits a line that holds several organisation names side by side ("Shenyang Tenth People's Hospital
/// Beijing Tsinghua Changgeng Hospital") into the names.
enum SponsorSplitter {
    /// Words that end an organisation's name.
    private static let endings: Set<String> = [
        "HOSPITAL", "HOSPITALS", "UNIVERSITY", "INSTITUTE", "INSTITUTES", "CENTER", "CENTRE",
        "FOUNDATION",
        "CORPORATION", "CORP", "INC", "LTD", "LLC", "LIMITED", "GMBH", "AG", "SA", "SAS", "BV",
        "NV", "PLC", "CO",
        "COMPANY", "PHARMACEUTICALS", "PHARMACEUTICAL", "PHARMA", "GROUP", "COLLEGE", "CLINIC",
        "COUNCIL",
        "ASSOCIATION", "SOCIETY", "NETWORK", "TRUST", "ORGANIZATION", "ORGANISATION", "CONSORTIUM",
        "ALLIANCE",
        "LABORATORIES", "THERAPEUTICS", "BIOSCIENCES", "BIOTECH", "AGENCY", "SCHOOL",
        "MINISTRY", "AUTHORITY",
    ]
    /// Words that continue a name after an ending ("University of …", "Hospital and Clinics").
    private static let continuers: Set<String> = [
        "OF", "FOR", "AND", "&", "DE", "DI", "DEL", "DES", "DU", "LA", "LE", "AT", "IN", "ON",
        "THE", "ZU", "DER",
    ]

    /// The names in `line`. `known` names (the sponsor stated elsewhere on the page) are cut off first;
    /// the rest splits after organisation endings. Returns the whole line when it cannot tell.
    static func split(_ line: String, expected: Int, known: [String] = []) -> (
        names: [String], guessed: Bool
    ) {
        var rest = TextValue.trimmed(line)
        var names: [String] = []
        for name in known where !name.isEmpty && rest.lowercased().hasPrefix(name.lowercased()) {
            let after = rest.dropFirst(name.count)
            guard after.isEmpty || after.first == " " else { continue }
            names.append(String(rest.prefix(name.count)))
            rest = TextValue.trimmed(after)
            break
        }
        guard !rest.isEmpty else { return (names, false) }
        if names.count + 1 >= expected {
            return (names + [rest], false)
        }
        let words = TextValue.words(rest)
        var pieces: [String] = []
        var start = rest.startIndex
        for (index, entry) in words.enumerated() where index + 1 < words.count {
            let key = EnumNormalizer.key(entry.word)
            let nextKey = EnumNormalizer.key(words[index + 1].word)
            guard endings.contains(key), !continuers.contains(nextKey), !endings.contains(nextKey)
            else { continue }
            guard !nextKey.isEmpty, entry.word.last != "," else { continue }
            pieces.append(TextValue.trimmed(rest[start..<entry.end]))
            start = entry.end
        }
        pieces.append(TextValue.trimmed(rest[start...]))
        return (names + pieces.filter { !$0.isEmpty }, names.count + pieces.count != expected)
    }
}
