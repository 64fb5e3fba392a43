public import Enrichment
public import Pipeline
import TrialModel

/// The `drug-class` stage: every drug the record names, with its ATC codes and pharmacological classes.
public struct DrugClassStage: Stage {
    public let name = "drug-class"
    let enricher: DrugClassEnricher

    /// A stage over a dictionary.
    public init(dictionary: DrugDictionary) { enricher = DrugClassEnricher(dictionary: dictionary) }

    /// The plugin description.
    public static let type = StageType(
        name: "drug-class",
        summary: "finds every drug named (regimens expand to their drugs) and adds ATC codes and MeSH classes",
        options: [
            PluginOption(
                "dictionaries", type: "list of paths", default: "[]",
                "extra dictionary files in the shipped format (drugs.tsv or regimens.tsv columns), added to the shipped one"
            )
        ]
    ) { (options: inout OptionReader, _) throws(PipelineConfigError) -> any Stage in
        let files = try options.stringList("dictionaries") ?? []
        let paths = files.map { PathResolution.resolve($0, against: options.baseDirectory) }
        do {
            return DrugClassStage(dictionary: try DrugDictionary.load(extraFiles: paths))
        } catch {
            throw options.error(at: "dictionaries", "stage 'drug-class': \(error)")
        }
    }

    public func process(_ document: PipelineDocument, context: StageContext) async throws -> PipelineDocument {
        var document = document
        for index in document.records.indices { enricher.enrich(&document.records[index]) }
        return document
    }
}
