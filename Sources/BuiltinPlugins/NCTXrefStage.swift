import Enrichment
public import Pipeline
public import TrialModel

/// The `nct-xref` stage: every NCT id the document mentions besides its own, with `inCorpus` and backlinks
/// (`referencedBy`) kept up to date across the corpus.
public struct NCTXrefStage: Stage {
    public let name = "nct-xref"

    /// The plugin description.
    public static let type = StageType(
        name: "nct-xref",
        summary: "lists every other NCT id the document mentions and keeps backlinks between records (referencedBy)",
        options: []
    ) { (_: inout OptionReader, _) throws(PipelineConfigError) -> any Stage in NCTXrefStage() }

    /// A stage.
    public init() {}

    public func process(_ document: PipelineDocument, context: StageContext) async throws -> PipelineDocument {
        var document = document
        for index in document.records.indices {
            document.records[index].crossReferences = CrossReferenceFinder.find(in: document.records[index])
        }
        return document
    }

    public func link(_ records: inout [TrialRecord], corpus: any CorpusIndex) throws -> [TrialRecord] {
        try CrossReferenceLinker.link(&records, corpus: corpus)
    }
}
