public import Logging
public import TrialModel
public import TrialpipeErrors

/// What every stage may know about the run it is part of.
public struct StageContext: Sendable {
    /// The pipeline's name.
    public var pipeline: String
    /// When the document is processed, ISO 8601 UTC.
    public var processedAt: String
    /// Where the stage logs; its metadata names the document (`file`, `sha256`) when the runner made it.
    ///
    /// The document's metadata is added when a stage asks for the logger, not for every document: most
    /// documents are processed without a line logged.
    public var logger: Logger {
        get {
            guard let document else { return baseLogger }
            var logger = baseLogger
            logger[metadataKey: "file"] = "\(document.file)"
            logger[metadataKey: "sha256"] = "\(document.sha256)"
            return logger
        }
        set {
            baseLogger = newValue
            document = nil
        }
    }
    /// Who hears what the stage reports (a restarted subprocess).
    public var events: any PipelineEvents
    private var baseLogger: Logger
    private var document: (file: String, sha256: String)?

    /// Creates a context.
    public init(
        pipeline: String, processedAt: String, logger: Logger, events: any PipelineEvents = NoPipelineEvents()
    ) {
        self.pipeline = pipeline
        self.processedAt = processedAt
        self.baseLogger = logger
        self.events = events
    }

    /// Creates a context for one document: its logger's metadata names the document's `file` and `sha256`.
    public init(
        pipeline: String, processedAt: String, logger: Logger, file: String, sha256: String,
        events: any PipelineEvents = NoPipelineEvents()
    ) {
        self.init(pipeline: pipeline, processedAt: processedAt, logger: logger, events: events)
        document = (file, sha256)
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

    /// Builds what the stage needs to run (dictionaries, matchers, connections) when its pipeline starts;
    /// reading options in the stage type's `make` does no such work, so checking a pipeline file stays cheap.
    func prepare() async throws

    /// Releases what the stage holds (subprocesses, files) when its pipeline stops.
    func shutdown() async
}

extension Stage {
    /// Stages that do not look at the corpus change nothing at commit time.
    public func link(_ records: inout [TrialRecord], corpus: any CorpusIndex) throws -> [TrialRecord] { [] }

    /// Stages built whole by their type's `make` have nothing to prepare.
    public func prepare() async throws {}

    /// Stages that hold nothing have nothing to release.
    public func shutdown() async {}
}

/// The name plugins written before ``TrialpipeError`` throw; the same type.
public typealias StageError = TrialpipeError
