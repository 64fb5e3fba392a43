public import TrialModel

/// Records by id, with the ids of the records whose cross-references name each id: what a corpus index keeps
/// in memory (all of it, or a batch's changes until they are written).
public struct CrossReferencedRecords: Sendable {
    /// The records, by id.
    public private(set) var records: [String: TrialRecord] = [:]
    private var referrersById: [String: Set<String>] = [:]

    /// No records.
    public init() {}

    /// Ids of the records kept here whose cross-references name `id`.
    public func referrers(of id: String) -> Set<String> { referrersById[id] ?? [] }

    /// Keeps `record`, replacing an earlier version and what that one cross-referenced.
    public mutating func store(_ record: TrialRecord) {
        if let earlier = records[record.id] {
            for reference in earlier.crossReferences { referrersById[reference.nctId]?.remove(record.id) }
        }
        records[record.id] = record
        for reference in record.crossReferences { referrersById[reference.nctId, default: []].insert(record.id) }
    }
}
