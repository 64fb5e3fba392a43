/// What an extractor read from a document for the enrichers to use beside one record; never written by a sink.
///
/// It is not part of ``TrialRecord``: the pipeline document carries it next to its records, by record id,
/// and enrichers take it as a separate argument. The see-also stage turns ``listedLinks`` into the record's
/// `seeAlso`; the drug-class stage adds the document's own intervention classes (ClinicalTrials.gov
/// `interventionBrowseModule`) to the drugs it finds.
public struct RecordAnnotations: Sendable, Equatable {
    /// The related links the page itself lists ("See also" sections, related-trial tables, `seeAlsoLinks`).
    public var listedLinks: [SeeAlsoLink]
    /// MeSH terms the source assigned to the interventions (e.g. "Capecitabine").
    public var interventionMeshTerms: [String]
    /// MeSH ancestors of those terms, the source's own classes (e.g. "Antimetabolites, Antineoplastic").
    public var interventionMeshAncestors: [String]
    /// The document's whole text, for a page read as text or HTML, so that enrichers also find drugs and trial
    /// ids in text no layout assigned to a field; nil for structured documents (ClinicalTrials.gov XML, JSON).
    public var documentText: String?

    /// Creates annotations; all lists default to empty, the document text to nil.
    public init(
        listedLinks: [SeeAlsoLink] = [], interventionMeshTerms: [String] = [], interventionMeshAncestors: [String] = [],
        documentText: String? = nil
    ) {
        self.listedLinks = listedLinks
        self.interventionMeshTerms = interventionMeshTerms
        self.interventionMeshAncestors = interventionMeshAncestors
        self.documentText = documentText
    }
}
