public import TrialModel

/// One dropped file on its way through a pipeline: its bytes and the records stages have made of it.
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

    /// Creates a document with no records yet.
    public init(sourcePath: String, bytes: [UInt8], sha256: String? = nil, records: [TrialRecord] = []) {
        self.sourcePath = sourcePath
        self.bytes = bytes
        self.sha256 = sha256 ?? SHA256.hex(bytes)
        self.records = records
    }
}
