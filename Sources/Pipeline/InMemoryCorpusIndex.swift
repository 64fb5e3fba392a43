import Synchronization
public import TrialModel

/// A corpus index that lives only as long as the process: for `trialpipe extract` and tests.
public final class InMemoryCorpusIndex: CorpusIndex {
    private let state = Mutex(CrossReferencedRecords())

    /// An empty index.
    public init() {}

    public func contains(_ id: String) throws -> Bool { state.withLock { $0.records[id] != nil } }

    public func record(_ id: String) throws -> TrialRecord? { state.withLock { $0.records[id] } }

    public func referrers(of id: String) throws -> [String] {
        state.withLock { $0.referrers(of: id).sorted() }
    }

    public func store(_ record: TrialRecord) throws {
        state.withLock { $0.store(record) }
    }
}
