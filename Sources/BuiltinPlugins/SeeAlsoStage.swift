import Enrichment
public import Pipeline
import TrialModel

/// The `see-also` stage: the related links the document itself lists, as `seeAlso` entries.
///
/// The links are moved: the document's annotations no longer list them afterwards, so the stages after it
/// find them once, in `seeAlso`.
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
        for index in document.records.indices {
            let annotations = document.annotations(for: document.records[index])
            SeeAlsoEnricher.enrich(&document.records[index], annotations: annotations)
        }
        for index in document.annotations.values.indices { document.annotations.values[index].listedLinks = [] }
        return document
    }
}
