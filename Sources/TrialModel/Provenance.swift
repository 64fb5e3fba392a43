/// Where a record came from: the dropped file, which extractor read it, which pipeline, and when.
public struct Provenance: Sendable, Equatable, Codable {
    /// Path of the dropped file, relative to the source folder.
    public var sourcePath: String
    /// Lower-case hex SHA-256 of the file's bytes.
    public var sha256: String
    /// The file's size in bytes.
    public var bytes: Int
    /// Which extractor recognised the document (`medpath`, `ctgov-xml`, `generic`, …).
    public var layout: String
    /// The pipeline's name.
    public var pipeline: String
    /// When the record was produced, ISO 8601 UTC.
    public var processedAt: String

    /// Creates provenance from its parts.
    public init(
        sourcePath: String, sha256: String, bytes: Int, layout: String, pipeline: String, processedAt: String
    ) {
        self.sourcePath = sourcePath
        self.sha256 = sha256
        self.bytes = bytes
        self.layout = layout
        self.pipeline = pipeline
        self.processedAt = processedAt
    }
}
