/// One clinical trial, as every sink writes it (`contract/trial-record.md`, version 1).
///
/// A field the document does not state is `nil` (scalars) or empty (lists), never invented.
public struct TrialRecord: Sendable, Equatable, Codable {
    /// The record format's version; always ``TrialRecord/currentSchemaVersion``.
    public var schemaVersion: Int
    /// The NCT id when known, else `doc-` and 16 hex digits (see ``RecordID``).
    public var id: String
    /// The document's own registration id (`NCT` + 8 digits).
    public var nctId: String?
    /// The sponsor's own protocol id.
    public var orgStudyId: String?
    /// Other registry ids (EudraCT, ChiCTR, ISRCTN, …).
    public var secondaryIds: [String]
    /// Where the record came from.
    public var provenance: Provenance
    /// What the extractor or an enricher could not do cleanly.
    public var warnings: [String]

    public var briefTitle: String?
    public var officialTitle: String?
    public var acronym: String?
    public var overallStatus: OverallStatus?
    public var phases: [Phase]
    public var studyType: StudyType?
    public var design: Design
    public var conditions: [String]
    public var keywords: [String]
    public var interventions: [Intervention]
    public var armGroups: [ArmGroup]
    public var leadSponsor: Sponsor?
    public var collaborators: [Collaborator]
    public var enrollment: Enrollment?
    public var dates: TrialDates
    public var briefSummary: String?
    public var detailedDescription: String?
    public var eligibility: Eligibility
    public var primaryOutcomes: [Outcome]
    public var secondaryOutcomes: [Outcome]
    public var locations: [Location]
    public var contacts: [Contact]
    public var references: [Reference]

    /// Drugs found by the drug-class enricher.
    public var drugs: [Drug]
    /// Every other NCT id the document mentions.
    public var crossReferences: [CrossReference]
    /// The related links the document itself lists.
    public var seeAlso: [SeeAlsoLink]
    /// Ids of records in the corpus whose cross-references name this record.
    public var referencedBy: [String]

    private enum CodingKeys: String, CodingKey {
        case schemaVersion, id, nctId, orgStudyId, secondaryIds, provenance, warnings, briefTitle, officialTitle
        case acronym, overallStatus, phases, studyType, design, conditions, keywords, interventions, armGroups
        case leadSponsor, collaborators, enrollment, dates, briefSummary, detailedDescription, eligibility
        case primaryOutcomes, secondaryOutcomes, locations, contacts, references, drugs, crossReferences, seeAlso
        case referencedBy
    }

    /// The schema version this build writes.
    public static let currentSchemaVersion = 1

    /// Creates an empty record with the given id and provenance; every other field is null or empty.
    public init(id: String, provenance: Provenance) {
        self.schemaVersion = Self.currentSchemaVersion
        self.id = id
        self.nctId = nil
        self.orgStudyId = nil
        self.secondaryIds = []
        self.provenance = provenance
        self.warnings = []
        self.briefTitle = nil
        self.officialTitle = nil
        self.acronym = nil
        self.overallStatus = nil
        self.phases = []
        self.studyType = nil
        self.design = Design()
        self.conditions = []
        self.keywords = []
        self.interventions = []
        self.armGroups = []
        self.leadSponsor = nil
        self.collaborators = []
        self.enrollment = nil
        self.dates = TrialDates()
        self.briefSummary = nil
        self.detailedDescription = nil
        self.eligibility = Eligibility()
        self.primaryOutcomes = []
        self.secondaryOutcomes = []
        self.locations = []
        self.contacts = []
        self.references = []
        self.drugs = []
        self.crossReferences = []
        self.seeAlso = []
        self.referencedBy = []
    }
}
