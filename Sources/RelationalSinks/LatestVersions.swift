public import TrialModel

/// The records a relational sink writes for one batch: the last version of each id (a batch may hold a
/// record and, later, its re-emitted version with a new backlink), sorted by id so that concurrent writers
/// lock rows in the same order and never deadlock.
public enum LatestVersions {
    /// The last record of each id, sorted by id.
    public static func of(_ records: [TrialRecord]) -> [TrialRecord] {
        var latest: [String: Int] = [:]
        latest.reserveCapacity(records.count)
        for (index, record) in records.enumerated() { latest[record.id] = index }
        return latest.sorted { $0.key < $1.key }.map { records[$0.value] }
    }

    /// The JSON of the last record of each id, by id: `json[i]` is the encoding of `records[i]`.
    public static func json(of records: [TrialRecord], _ json: [[UInt8]]) -> [String: [UInt8]] {
        var latest: [String: [UInt8]] = [:]
        latest.reserveCapacity(records.count)
        for (record, encoded) in zip(records, json) { latest[record.id] = encoded }
        return latest
    }
}
