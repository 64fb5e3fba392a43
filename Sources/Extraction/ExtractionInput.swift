public import TrialModel

/// One dropped document as the extractors see it: its bytes and where it came from.
public struct ExtractionInput: Sendable {
    /// The file's bytes, exactly as read.
    public var bytes: [UInt8]
    /// The path of the dropped file, relative to the source folder.
    public var sourcePath: String
    /// Lower-case hex SHA-256 of ``bytes``.
    public var sha256: String
    /// The pipeline's name, for provenance.
    public var pipeline: String
    /// When the document is processed, ISO 8601 UTC.
    public var processedAt: String
    /// The dropped file's size in bytes (``bytes`` may hold it re-encoded).
    public var fileSize: Int

    /// Creates an input; the hash is computed when not given.
    public init(bytes: [UInt8], sourcePath: String, sha256: String? = nil, pipeline: String, processedAt: String) {
        self.bytes = bytes
        self.sourcePath = sourcePath
        self.sha256 = sha256 ?? SHA256.hex(bytes)
        self.pipeline = pipeline
        self.processedAt = processedAt
        self.fileSize = bytes.count
    }

    /// Provenance for a record this document yields through the named layout.
    public func provenance(layout: String) -> Provenance {
        Provenance(
            sourcePath: sourcePath, sha256: sha256, bytes: fileSize, layout: layout, pipeline: pipeline,
            processedAt: processedAt)
    }
}

/// Why a document could not be read or recognised at all.
public struct ExtractionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A short, stable code (`empty`, `binary`, `malformed-xml`, `not-a-study`, `too-large`, …).
    public var code: String
    /// What went wrong and, where it helps, how to fix it.
    public var message: String

    /// Creates an error.
    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}
