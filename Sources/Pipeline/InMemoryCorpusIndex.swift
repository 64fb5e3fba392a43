import Synchronization
public import TrialModel

/// A corpus index that lives only as long as the process: for `trialpipe extract` and tests.
public final class InMemoryCorpusIndex: CorpusIndex {
    private struct State {
        var records: [String: TrialRecord] = [:]
        /// For each id, the records whose cross-references name it.
        var referrers: [String: Set<String>] = [:]
    }
    private let state = Mutex(State())

    /// An empty index.
    public init() {}

    public func contains(_ id: String) throws -> Bool { state.withLock { $0.records[id] != nil } }

    public func record(_ id: String) throws -> TrialRecord? { state.withLock { $0.records[id] } }

    public func referrers(of id: String) throws -> [String] {
        state.withLock { $0.referrers[id].map { Array($0).sorted() } ?? [] }
    }

    public func store(_ record: TrialRecord) throws {
        state.withLock { state in
            if let old = state.records[record.id] {
                for reference in old.crossReferences { state.referrers[reference.nctId]?.remove(record.id) }
            }
            state.records[record.id] = record
            for reference in record.crossReferences {
                state.referrers[reference.nctId, default: []].insert(record.id)
            }
        }
    }
}
