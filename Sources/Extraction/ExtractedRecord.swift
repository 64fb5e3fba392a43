public import TrialModel

/// One record an extractor made of a document, and what it read beside it for the enrichers.
///
/// The annotations are never part of the record: the extract stage keeps them on the pipeline document,
/// by record id, for the stages after it.
public struct ExtractedRecord: Sendable {
    /// The record, as sinks write it once enriched.
    public var record: TrialRecord
    /// The listed links, the source's intervention MeSH terms and the document text read for the enrichers.
    public var annotations: RecordAnnotations

    /// Pairs a record with what was read beside it.
    public init(record: TrialRecord, annotations: RecordAnnotations = RecordAnnotations()) {
        self.record = record
        self.annotations = annotations
    }
}
