public import TrialModel

/// One dropped file on its way through a pipeline: its bytes, the records stages have made of it, and what
/// extract read beside each record for the stages after it.
///
/// The side data (``RecordAnnotations``: listed links, the source's intervention classes, the document text)
/// is kept by record id, never on the record, so sinks never see it and a stage that adds, drops or reorders
/// records cannot pair a record with another one's side data: a record nobody annotated has none. A stage
/// that changes a record's id moves its annotations to the new id (as `exec` does). Records of one document
/// that share an id share one entry, the first record's.
public struct PipelineDocument: Sendable {
    /// The size limit of a document unless a pipeline sets its own, 32 MiB.
    public static let defaultMaxBytes = 32 << 20

    /// The file's path relative to the inbox.
    public var sourcePath: String
    /// The file's bytes.
    public var bytes: [UInt8]
    /// Lower-case hex SHA-256 of ``bytes``.
    public var sha256: String
    /// The records made so far (the extract stage fills it; enrichers change it).
    public var records: [TrialRecord]
    /// What extract read beside each record, by record id (see ``annotations(for:)``); never written by a sink.
    public var annotations: [String: RecordAnnotations]

    /// Creates a document with no records yet.
    public init(
        sourcePath: String, bytes: [UInt8], sha256: String? = nil, records: [TrialRecord] = [],
        annotations: [String: RecordAnnotations] = [:]
    ) {
        self.sourcePath = sourcePath
        self.bytes = bytes
        self.sha256 = sha256 ?? SHA256.hex(bytes)
        self.records = records
        self.annotations = annotations
    }

    /// The side data of `record` (found by its id), empty when nothing was read beside it.
    public func annotations(for record: TrialRecord) -> RecordAnnotations {
        annotations[record.id] ?? RecordAnnotations()
    }

    /// Replaces the records and their side data: each record with the annotations at the same index
    /// (a record without one has none); the first of records sharing an id gives theirs.
    public mutating func setRecords(_ records: [TrialRecord], annotations: [RecordAnnotations]) {
        var byID: [String: RecordAnnotations] = [:]
        byID.reserveCapacity(records.count)
        for (record, recordAnnotations) in zip(records, annotations) where byID[record.id] == nil {
            byID[record.id] = recordAnnotations
        }
        self.records = records
        self.annotations = byID
    }
}
