import Synchronization
public import TrialModel

/// A corpus index that lives only as long as the process: for `trialpipe extract` and tests.
public final class InMemoryCorpusIndex: CorpusIndex {
    private let records = Mutex<[String: TrialRecord]>([:])

    /// An empty index.
    public init() {}

    public func contains(_ id: String) throws -> Bool { records.withLock { $0[id] != nil } }

    public func record(_ id: String) throws -> TrialRecord? { records.withLock { $0[id] } }

    public func referrers(of id: String) throws -> [String] {
        records.withLock { all in
            all.values.filter { record in record.crossReferences.contains { $0.nctId == id } }.map(\.id).sorted()
        }
    }

    public func store(_ record: TrialRecord) throws { records.withLock { $0[record.id] = record } }
}
