public import TrialModel

/// Fills a record's `drugs`: every dictionary drug its fields name, with ATC codes, classes and role.
///
/// Fields are searched in ``RecordField`` order. Each drug appears once, with the distinct spellings seen
/// (letter case of the first one kept), the fields it was seen in, its ATC codes, its dictionary classes
/// plus the document's own MeSH ancestors when one of the document's intervention MeSH terms names it,
/// and role `intervention` when seen in interventions or arm groups (else `mentioned`). A regimen
/// (`SOX`) stands for each of its drugs, with the regimen's spelling as the mention. Misspelt long names
/// are read as the closest drug (see ``MisspellingResolver``) with a warning. Drugs that are interventions
/// come first, then by first appearance. Running it again gives the same record.
public struct DrugClassEnricher: Sendable {
    /// What the enricher reads, in one object: a copy of the enricher (a stage hands one out per document)
    /// then costs one reference instead of one for each of the matcher's tables.
    private final class Tables: Sendable {
        let matcher: DrugMatcher
        /// Lower-case spellings (name and synonyms) of each drug, for comparing with MeSH terms.
        let spellingsOfDrug: [Set<String>]

        init(matcher: DrugMatcher, spellingsOfDrug: [Set<String>]) {
            self.matcher = matcher
            self.spellingsOfDrug = spellingsOfDrug
        }
    }

    private let tables: Tables

    /// MeSH ancestors too general to be a drug's class.
    static let genericAncestors: Set<String> = [
        "molecular mechanisms of pharmacological action", "pharmacologic actions",
        "physiological effects of drugs", "therapeutic uses", "chemical actions and uses",
        "pharmacological actions",
    ]

    /// Builds the matcher for `dictionary` once; enriching is then one pass per field.
    public init(dictionary: DrugDictionary) {
        self.tables = Tables(
            matcher: DrugMatcher(dictionary: dictionary),
            spellingsOfDrug: dictionary.drugs.map { Set($0.spellings.map { $0.lowercased() }) })
    }

    /// Replaces `record.drugs` with the drugs found in the record (and in the listed-link titles and
    /// document text of `annotations`, which also gives the source's own classes) and appends a warning
    /// for each misspelt name read as a drug.
    public func enrich(_ record: inout TrialRecord, annotations: RecordAnnotations) {
        var found = FoundDrugs()
        var unknownWords: [(word: [UInt8], spelling: String, field: RecordField, order: Int)] = []
        var order = 0
        // Drugs found in the record's fields; the document text then adds only drugs no field names.
        var inFields: Set<Int>?
        RecordField.forEachText(of: record, annotations: annotations) { field, text in
            if field == .text, inFields == nil { inFields = found.drugIndices }
            MatchText.withBytes(text) { bytes in
                tables.matcher.scan(
                    bytes, allowingStrict: field.isInterventionField, readingMisspellings: field != .text,
                    hit: { hit in
                        let drugs = tables.matcher.patterns[hit.pattern].drugs
                        if field == .text, let inFields, drugs.allSatisfy(inFields.contains) { return }
                        let spelling = MatchText.spelling(bytes, from: hit.start, to: hit.end)
                        for drug in drugs {
                            if field == .text, inFields?.contains(drug) == true { continue }
                            found.add(drug, spelling: spelling, field: field, order: order)
                            order += 1
                        }
                    },
                    unknownWord: { range in
                        // Misspellings are read in fields only; document text has too many ordinary words.
                        let spelling = MatchText.spelling(bytes, from: range.lowerBound, to: range.upperBound)
                        unknownWords.append((Array(bytes[range]), spelling, field, order))
                        order += 1
                    })
            }
        }
        let namedCorrectly = found.drugIndices
        var readAs: [String: Int?] = [:]
        for unknown in unknownWords {
            let key = unknown.spelling.lowercased()
            let drug: Int?
            if let known = readAs[key] {
                drug = known
            } else {
                drug = tables.matcher.misspellings.resolve(unknown.word, isInDocument: namedCorrectly.contains)
                readAs[key] = drug
                if let drug {
                    let warning =
                        "drug name '\(unknown.spelling)' read as \(tables.matcher.dictionary.drugs[drug].name)"
                    if !record.warnings.contains(warning) { record.warnings.append(warning) }
                }
            }
            if let drug { found.add(drug, spelling: unknown.spelling, field: unknown.field, order: unknown.order) }
        }
        record.drugs = found.sorted().map { drugRecord($0, meshTerms: annotations) }
    }

    private func drugRecord(_ found: FoundDrugs.Found, meshTerms annotations: RecordAnnotations) -> Drug {
        let entry = tables.matcher.dictionary.drugs[found.drug]
        var classes = entry.classes
        let spellings = tables.spellingsOfDrug[found.drug]
        if annotations.interventionMeshTerms.contains(where: { spellings.contains($0.lowercased()) }) {
            classes.appendNew(
                annotations.interventionMeshAncestors.filter {
                    !Self.genericAncestors.contains($0.lowercased())
                })
        }
        return Drug(
            name: entry.name, mentions: found.mentions.map(\.spelling), foundIn: found.fields.map(\.rawValue),
            atc: entry.atc, classes: classes, role: found.isIntervention ? .intervention : .mentioned)
    }
}

/// What the enricher has seen of each drug while reading one record.
private struct FoundDrugs {
    struct Found {
        var drug: Int
        var firstOrder: Int
        var mentions: [(spelling: String, order: Int)] = []
        /// Each mention's spelling in lower case, to compare spellings without regard to letter case.
        var mentionKeys: [String] = []
        var fields: [RecordField] = []
        var isIntervention = false

        /// Adds one mention seen in `field`; `key` is the spelling in lower case.
        mutating func add(spelling: String, key: String, field: RecordField, order: Int) {
            firstOrder = min(firstOrder, order)
            if let index = mentionKeys.firstIndex(of: key) {
                if order < mentions[index].order { mentions[index] = (spelling, order) }
            } else {
                mentions.append((spelling, order))
                mentionKeys.append(key)
            }
            if !fields.contains(field) { fields.append(field) }
            isIntervention = isIntervention || field.isInterventionField
        }
    }

    private var byDrug: [Int: Found] = [:]

    var drugIndices: Set<Int> { Set(byDrug.keys) }

    mutating func add(_ drug: Int, spelling: String, field: RecordField, order: Int) {
        // Changed in place: a copy taken out of the dictionary would copy its arrays on every mention.
        byDrug[drug, default: Found(drug: drug, firstOrder: order)].add(
            spelling: spelling, key: spelling.lowercased(), field: field, order: order)
    }

    /// Interventions first, then by first appearance; mentions by first appearance, fields in field order.
    func sorted() -> [Found] {
        byDrug.values.map { found in
            var found = found
            found.mentions.sort { $0.order < $1.order }
            found.fields.sort()
            return found
        }
        .sorted { ($0.isIntervention ? 0 : 1, $0.firstOrder) < ($1.isIntervention ? 0 : 1, $1.firstOrder) }
    }
}
