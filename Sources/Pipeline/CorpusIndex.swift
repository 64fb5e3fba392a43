public import TrialModel

/// What the pipeline knows about every record it has produced: enough to link records to each other.
public protocol CorpusIndex: AnyObject, Sendable {
    /// Whether a record with this id has been produced.
    func contains(_ id: String) throws -> Bool
    /// The latest version of a record.
    func record(_ id: String) throws -> TrialRecord?
    /// Ids of records whose cross-references name `id`.
    func referrers(of id: String) throws -> [String]
    /// Stores (or replaces) a record and the ids it cross-references.
    func store(_ record: TrialRecord) throws
    /// Runs `body`, during which the index may answer every look-up from one read of its store (a batch is
    /// linked inside one call, instead of opening a read for each look-up).
    func withOneRead<Result>(_ body: () throws -> Result) throws -> Result
}

extension CorpusIndex {
    /// Indexes without a store to hold open run `body` as it is.
    public func withOneRead<Result>(_ body: () throws -> Result) throws -> Result { try body() }
}
