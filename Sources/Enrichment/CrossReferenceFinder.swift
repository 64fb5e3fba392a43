public import TrialModel

/// Finds every other trial a record mentions by NCT id.
public enum CrossReferenceFinder {
    /// The most cross-references one record keeps unless told otherwise; a page that lists thousands of
    /// trials keeps the first ones it names.
    public static let defaultLimit = 500

    /// The NCT ids in the record's text fields (as ``RecordField`` lists them), in its see-also links' and
    /// the listed links' (of `annotations`) ids and addresses, and then in the document text no field holds
    /// (`foundIn: ["text"]`), other than the record's own id, in order of first appearance; each with the
    /// fields it was found in (in field order), its ClinicalTrials.gov address, and `inCorpus` false (the
    /// pipeline knows the corpus and sets it).
    public static func find(in record: TrialRecord, annotations: RecordAnnotations) -> [CrossReference] {
        find(in: record, annotations: annotations, limit: .max).references
    }

    /// The cross-references as ``find(in:annotations:)`` lists them, at most `limit`, and how many more ids
    /// the record names.
    public static func find(
        in record: TrialRecord, annotations: RecordAnnotations, limit: Int
    ) -> (references: [CrossReference], omitted: Int) {
        let ownId = record.nctId ?? (RecordID.isNCTId(record.id) ? record.id : nil)
        var references: [CrossReference] = []
        var indexById: [String: Int] = [:]
        var omitted = Set<String>()
        func note(_ id: String, in field: RecordField) {
            guard id != ownId else { return }
            if let index = indexById[id] {
                // An id a field holds is not also reported as found in the document text.
                if field != .text, !references[index].foundIn.contains(field.rawValue) {
                    references[index].foundIn.append(field.rawValue)
                }
            } else if references.count < limit {
                indexById[id] = references.count
                references.append(CrossReference(nctId: id, foundIn: [field.rawValue]))
            } else {
                omitted.insert(id)
            }
        }
        RecordField.forEachFieldText(of: record, listedLinks: annotations.listedLinks) { field, text in
            NCTIdScanner.forEachId(in: text) { note($0, in: field) }
        }
        func noteIds(of link: SeeAlsoLink) {
            if let id = link.nctId {
                NCTIdScanner.forEachId(in: id) { note($0, in: .seeAlso) }
            }
            NCTIdScanner.forEachId(in: link.url) { note($0, in: .seeAlso) }
        }
        for link in record.seeAlso { noteIds(of: link) }
        for link in annotations.listedLinks { noteIds(of: link) }
        if let text = annotations.documentText {
            NCTIdScanner.forEachId(in: text) { note($0, in: .text) }
        }
        for index in references.indices {
            references[index].foundIn.sort {
                (RecordField(rawValue: $0) ?? .seeAlso) < (RecordField(rawValue: $1) ?? .seeAlso)
            }
        }
        return (references, omitted.count)
    }
}
