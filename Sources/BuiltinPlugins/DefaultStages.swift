import Enrichment
public import Pipeline

extension BuiltinPlugins {
    /// The stages of the default pipeline, for `trialpipe extract` when no pipeline file is at hand.
    public static func defaultStages() throws -> [any Stage] {
        [
            ExtractStage(maxBytes: PipelineDocument.defaultMaxBytes),
            DrugClassStage(dictionary: try DrugDictionary.bundled()),
            NCTXrefStage(), SeeAlsoStage(),
        ]
    }
}
