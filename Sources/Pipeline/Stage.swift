public import Logging
public import TrialModel

/// What every stage may know about the run it is part of.
public struct StageContext: Sendable {
    /// The pipeline's name.
    public var pipeline: String
    /// When the document is processed, ISO 8601 UTC.
    public var processedAt: String
    /// Where the stage logs.
    public var logger: Logger
    /// Where the stage reports what operators count (a subprocess restart).
    public var events: any PipelineEvents

    /// Creates a context.
    public init(
        pipeline: String, processedAt: String, logger: Logger, events: any PipelineEvents = NoPipelineEvents()
    ) {
        self.pipeline = pipeline
        self.processedAt = processedAt
        self.logger = logger
        self.events = events
    }
}

/// A step every document goes through: extract, or an enricher. Registered by name as a plugin.
///
/// `process` runs concurrently for different documents and must not share mutable state. `link` runs
/// once per committed batch, serially, with access to the corpus index: the place for work that depends on
/// the other records (cross-reference backlinks).
public protocol Stage: Sendable {
    /// The stage's type name, as written in pipeline files.
    var name: String { get }

    /// Turns a document into records, or changes the records it carries.
    func process(_ document: PipelineDocument, context: StageContext) async throws -> PipelineDocument

    /// Links a batch of records, about to be written, with the corpus. May change them; returns earlier
    /// records of the corpus that changed as a result and must be written again.
    func link(_ records: inout [TrialRecord], corpus: any CorpusIndex) throws -> [TrialRecord]

    /// Releases what the stage holds (subprocesses, files) when its pipeline stops.
    func shutdown() async
}

extension Stage {
    /// Stages that do not look at the corpus change nothing at commit time.
    public func link(_ records: inout [TrialRecord], corpus: any CorpusIndex) throws -> [TrialRecord] { [] }

    /// Stages that hold nothing have nothing to release.
    public func shutdown() async {}
}

/// A failure inside a stage, with a message that says what to do about it.
public struct StageError: Error, Sendable, CustomStringConvertible {
    /// A short, stable code, e.g. `binary`, `malformed-xml`, `exec-crashed`.
    public var code: String
    /// What went wrong.
    public var message: String

    /// Creates an error.
    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
