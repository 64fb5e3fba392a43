import Extraction
public import Pipeline
import TrialModel

/// The `extract` stage: recognises the document's layout and builds its trial records, keeping what it read
/// beside each (listed links, the source's intervention classes, the document text) on the document.
public struct ExtractStage: Stage {
    public let name = "extract"
    let extractor: DocumentExtractor

    /// A stage that refuses documents over `maxBytes`.
    public init(maxBytes: Int) { extractor = DocumentExtractor(maxBytes: maxBytes) }

    /// The plugin description.
    public static let type = StageType(
        name: "extract",
        summary:
            "recognises the document's layout (ClinicalTrials.gov XML/JSON, HTML, page text) and builds its records",
        options: [maxBytes]
    ) { (options: inout OptionReader, _) throws(PipelineConfigError) -> any Stage in
        ExtractStage(maxBytes: try options.read(Self.maxBytes))
    }

    static let maxBytes = OptionSpec.integer(
        "max-bytes", in: 1...(1 << 40), default: DocumentExtractor.defaultMaxBytes,
        "documents larger than this fail with a clear reason")

    public func process(_ document: PipelineDocument, context: StageContext) async throws -> PipelineDocument {
        var document = document
        let input = ExtractionInput(
            bytes: document.bytes, sourcePath: document.sourcePath, sha256: document.sha256, pipeline: context.pipeline,
            processedAt: context.processedAt)
        do {
            let extracted = try extractor.extract(input)
            document.setRecords(extracted.map(\.record), annotations: extracted.map(\.annotations))
        } catch {
            throw TrialpipeError(code: .init(error.code), message: error.message, cause: error)
        }
        return document
    }
}
