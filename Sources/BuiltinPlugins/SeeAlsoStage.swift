import Enrichment
public import Pipeline
import TrialModel

/// The `see-also` stage: the related links the document itself lists, as `seeAlso` entries.
public struct SeeAlsoStage: Stage {
    public let name = "see-also"

    /// A stage.
    public init() {}

    /// The plugin description.
    public static let type = StageType(
        name: "see-also",
        summary:
            "turns the related-trial lists the document gives (See also, related trials, seeAlsoLinks) into seeAlso",
        options: []
    ) { (_: inout OptionReader, _) throws(PipelineConfigError) -> any Stage in SeeAlsoStage() }

    public func process(_ document: PipelineDocument, context: StageContext) async throws -> PipelineDocument {
        var document = document
        for index in document.records.indices { SeeAlsoEnricher.enrich(&document.records[index]) }
        return document
    }
}
