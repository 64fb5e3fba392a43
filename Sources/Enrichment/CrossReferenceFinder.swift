public import TrialModel

/// Finds every other trial a record mentions by NCT id.
public enum CrossReferenceFinder {
    /// The NCT ids in the record's text fields (as ``RecordField`` lists them) and in its see-also links'
    /// ids and addresses, other than the record's own id, in order of first appearance; each with the
    /// fields it was found in (in field order), its ClinicalTrials.gov address, and `inCorpus` false (the
    /// pipeline knows the corpus and sets it).
    public static func find(in record: TrialRecord) -> [CrossReference] {
        let ownId = record.nctId ?? (RecordID.isNCTId(record.id) ? record.id : nil)
        var references: [CrossReference] = []
        var indexById: [String: Int] = [:]
        func note(_ id: String, in field: RecordField) {
            guard id != ownId else { return }
            if let index = indexById[id] {
                if !references[index].foundIn.contains(field.rawValue) {
                    references[index].foundIn.append(field.rawValue)
                }
            } else {
                indexById[id] = references.count
                references.append(CrossReference(nctId: id, foundIn: [field.rawValue]))
            }
        }
        RecordField.forEachText(of: record) { field, text in
            NCTIdScanner.forEachId(in: text) { note($0, in: field) }
        }
        for link in record.seeAlso + record.annotations.listedLinks {
            if let id = link.nctId {
                NCTIdScanner.forEachId(in: id) { note($0, in: .seeAlso) }
            }
            NCTIdScanner.forEachId(in: link.url) { note($0, in: .seeAlso) }
        }
        for index in references.indices {
            references[index].foundIn.sort {
                (RecordField(rawValue: $0) ?? .seeAlso) < (RecordField(rawValue: $1) ?? .seeAlso)
            }
        }
        return references
    }
}
