import TrialModel

/// Small readings both ClinicalTrials.gov readers share: sponsor classes, phase lists, de-duplication,
/// age limits and the record id.
enum CTGovRecordParts {
    /// The record id for one study of a document: its NCT id, else a hash of its titles, else of the
    /// document (with the study's position when the document holds several).
    static func recordID(
        nctId: String?, officialTitle: String?, briefTitle: String?, input: ExtractionInput, index: Int, count: Int
    ) -> String {
        // The document text is the last resort; decode it only then (a page may hold thousands of studies).
        let hasTitle = [officialTitle, briefTitle].contains { !RecordID.normalized($0 ?? "").isEmpty }
        var text = ""
        if nctId.map({ !RecordID.isNCTId($0) }) ?? true, !hasTitle {
            text = String(decoding: input.bytes, as: UTF8.self)
            if count > 1 { text += "\n#study \(index + 1)" }
        }
        return RecordID.make(nctId: nctId, officialTitle: officialTitle, briefTitle: briefTitle, text: text)
    }

    /// The API v2 agency class for a legacy spelling ("Industry" → `INDUSTRY`, "U.S. Fed" → `FED`).
    static func agencyClass(_ raw: String?) -> String? {
        guard let raw else { return nil }
        let key = EnumNormalizer.key(raw)
        switch key {
        case "": return nil
        case "U_S_FED", "US_FED", "FEDERAL": return "FED"
        case "INDIVIDUAL": return "INDIV"
        case "OTHER_GOVERNMENT": return "OTHER_GOV"
        default: return key
        }
    }

    /// The phases named by each value, in order, without duplicates.
    static func phases(_ values: [String]) -> [Phase] {
        var result: [Phase] = []
        for value in values {
            let named = Phase(rawValue: value).map { [$0] } ?? PhaseNormalizer.phases(value)
            for phase in named where !result.contains(phase) { result.append(phase) }
        }
        return result
    }

    /// The values without empty ones and without repeats (compared ignoring case), first spelling kept.
    static func distinct(_ values: [String?]) -> [String] {
        var seen: Set<String> = []
        var result: [String] = []
        for case let value? in values.map({ CTGovText.line($0) })
        where seen.insert(value.lowercased()).inserted {
            result.append(value)
        }
        return result
    }

    /// An age limit in `"18 Years"` form; "N/A" and other values without a number give nil.
    static func age(_ raw: String?) -> String? {
        guard let raw, !CTGovText.isPlaceholder(raw) else { return nil }
        return AgeNormalizer.age(raw)
    }

    /// An intervention name listed under an arm ("Drug: Capecitabine") without its type prefix.
    static func interventionName(_ raw: String) -> String {
        guard let colon = raw.firstIndex(of: ":") else { return raw }
        let prefix = raw[..<colon]
        guard prefix.count <= 24, EnumNormalizer.interventionType(prefix) != nil else { return raw }
        return CTGovText.collapse(raw[raw.index(after: colon)...])
    }

    /// A date in `YYYY-MM-DD` or `YYYY-MM` form.
    static func date(_ raw: String?) -> String? {
        guard let raw = CTGovText.line(raw) else { return nil }
        return DateNormalizer.isoDate(raw)
    }

    /// A milestone date with its actual/estimated type; nil without a readable date.
    static func dateStruct(_ raw: String?, type: String?) -> DateStruct? {
        guard let date = date(raw) else { return nil }
        return DateStruct(date: date, type: type.flatMap { EnumNormalizer.actualOrEstimated($0) })
    }

    /// A "see also" link: a study address gets its NCT id.
    static func listedLink(url: String?, label: String?) -> SeeAlsoLink? {
        guard let url = CTGovText.line(url) else { return nil }
        return SeeAlsoLink(
            nctId: CTGovText.studyNCTId(inURL: url), title: CTGovText.line(label), url: url)
    }

    /// A reference from its citation and PubMed id; the DOI is read from the citation.
    static func reference(citation: String?, pmid: String?) -> Reference? {
        guard let citation = CTGovText.line(citation) else { return nil }
        return Reference(
            citation: citation, pmid: CTGovText.line(pmid), doi: CTGovText.doi(in: citation))
    }
}
