public import TrialModel
public import TrialpipeErrors

/// A failure of one stage on one document: which stage, a stable code, the reason, and the stage's error.
public struct StageFailure: DescribedError, Sendable {
    /// The stage's type name.
    public var stage: String
    /// A short, stable code.
    public var code: TrialpipeError.Code
    /// What went wrong.
    public var message: String
    /// The error the stage threw.
    public var cause: (any Error & Sendable)?

    /// Creates a failure.
    public init(stage: String, code: TrialpipeError.Code, message: String, cause: (any Error & Sendable)? = nil) {
        self.stage = stage
        self.code = code
        self.message = message
        self.cause = cause
    }

    public var errorCode: TrialpipeError.Code { code }
    public var errorMessage: String { message }
    public var errorCause: (any Error & Sendable)? { cause }
}

/// Runs a document through stages in order, and links batches of records with a corpus.
public struct StageChain: Sendable {
    /// The stages, in order.
    public var stages: [any Stage]

    /// A chain of stages.
    public init(stages: [any Stage]) { self.stages = stages }

    /// Prepares every stage (loads dictionaries, builds matchers), in order.
    public func prepare() async throws {
        for stage in stages { try await stage.prepare() }
    }

    /// The document after every stage; the first failure stops it. The context's events hear how long each
    /// stage took, failures included.
    public func process(_ document: PipelineDocument, context: StageContext) async throws(StageFailure)
        -> PipelineDocument
    {
        var document = document
        let clock = ContinuousClock()
        for stage in stages {
            let started = clock.now
            defer {
                context.events.stageFinished(
                    pipeline: context.pipeline, stage: stage.name, seconds: started.secondsUntil(clock.now))
            }
            do {
                document = try await stage.process(document, context: context)
            } catch {
                let (code, message) = Self.describe(error)
                throw StageFailure(stage: stage.name, code: code, message: message, cause: error)
            }
        }
        return document
    }

    /// Links records with the corpus through every stage and stores them; returns the ids-ordered list of
    /// earlier records that changed and must be written again.
    public func link(_ records: inout [TrialRecord], corpus: any CorpusIndex) throws -> [TrialRecord] {
        var rewritten: [String: TrialRecord] = [:]
        var order: [String] = []
        for stage in stages {
            for record in try stage.link(&records, corpus: corpus) {
                if rewritten[record.id] == nil { order.append(record.id) }
                rewritten[record.id] = record
            }
        }
        for record in records { try corpus.store(record) }
        let batchIds = Set(records.map(\.id))
        return order.filter { !batchIds.contains($0) }.compactMap { rewritten[$0] }
    }

    /// A stable code and a message for any error a stage throws.
    static func describe(_ error: any Error) -> (code: TrialpipeError.Code, message: String) {
        if let error = error as? any DescribedError { return (error.errorCode, error.errorMessage) }
        return (.error, String(describing: error))
    }
}
