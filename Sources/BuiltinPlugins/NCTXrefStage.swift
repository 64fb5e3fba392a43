import Enrichment
public import Pipeline
public import TrialModel

/// The `nct-xref` stage: every NCT id the document mentions besides its own, with `inCorpus` and backlinks
/// (`referencedBy`) kept up to date across the corpus.
public struct NCTXrefStage: Stage {
    public let name = "nct-xref"
    /// The most cross-references one record keeps.
    public let maxReferences: Int

    /// The plugin description.
    public static let type = StageType(
        name: "nct-xref",
        summary: "lists every other NCT id the document mentions and keeps backlinks between records (referencedBy)",
        options: [maxReferencesOption]
    ) { (options: inout OptionReader, _) throws(PipelineConfigError) -> any Stage in
        NCTXrefStage(maxReferences: try options.read(Self.maxReferencesOption))
    }

    static let maxReferencesOption = OptionSpec.integer(
        "max-references", in: 1...1_000_000, default: CrossReferenceFinder.defaultLimit,
        "the most cross-references one record keeps; a record that names more keeps the first ones and says so in its warnings"
    )

    /// The most cross-references one record keeps unless the pipeline file says otherwise.
    public static let defaultMaxReferences = CrossReferenceFinder.defaultLimit

    /// A stage that keeps at most `maxReferences` cross-references per record.
    public init(maxReferences: Int = NCTXrefStage.defaultMaxReferences) {
        self.maxReferences = maxReferences
    }

    public func process(_ document: PipelineDocument, context: StageContext) async throws -> PipelineDocument {
        var document = document
        for index in document.records.indices {
            let record = document.records[index]
            let found = CrossReferenceFinder.find(
                in: record, annotations: document.annotations(for: record), limit: maxReferences)
            document.records[index].crossReferences = found.references
            if found.omitted > 0 {
                document.records[index].warnings.append(
                    "cross-references: kept the first \(maxReferences) of \(maxReferences + found.omitted) NCT ids "
                        + "the document names (raise the nct-xref stage's max-references option to keep more)")
            }
        }
        return document
    }

    public func link(_ records: inout [TrialRecord], corpus: any CorpusIndex) throws -> [TrialRecord] {
        try CrossReferenceLinker.link(&records, corpus: corpus)
    }
}
