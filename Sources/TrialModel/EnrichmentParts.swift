/// A drug found in the record, with its ATC codes and pharmacological classes.
public struct Drug: Sendable, Equatable, Codable {
    /// Lower-case INN, e.g. `thalidomide`.
    public var name: String
    /// The spellings seen in the document.
    public var mentions: [String]
    /// The record fields it was seen in (`interventions`, `briefSummary`, …).
    public var foundIn: [String]
    /// ATC codes.
    public var atc: [String]
    /// MeSH Pharmacological Action classes.
    public var classes: [String]
    /// `intervention` when it is one of the study's interventions, else `mentioned`.
    public var role: DrugRole

    public init(
        name: String, mentions: [String] = [], foundIn: [String] = [], atc: [String] = [], classes: [String] = [],
        role: DrugRole = .mentioned
    ) {
        self.name = name
        self.mentions = mentions
        self.foundIn = foundIn
        self.atc = atc
        self.classes = classes
        self.role = role
    }
}

/// Another trial the document mentions by NCT id.
public struct CrossReference: Sendable, Equatable, Codable {
    public var nctId: String
    /// The record fields it was found in.
    public var foundIn: [String]
    /// `https://clinicaltrials.gov/study/NCT…`.
    public var url: String
    /// Whether a record with that id has already been produced by this pipeline.
    public var inCorpus: Bool

    public init(nctId: String, foundIn: [String] = [], url: String? = nil, inCorpus: Bool = false) {
        self.nctId = nctId
        self.foundIn = foundIn
        self.url = url ?? CrossReference.studyURL(nctId)
        self.inCorpus = inCorpus
    }

    /// The ClinicalTrials.gov address of a study.
    public static func studyURL(_ nctId: String) -> String { "https://clinicaltrials.gov/study/" + nctId }
}

/// A related link the document itself lists ("See also", related-trials tables, `seeAlsoLinks`).
public struct SeeAlsoLink: Sendable, Equatable, Codable {
    /// The trial's id, or nil for a link that is not a trial.
    public var nctId: String?
    public var title: String?
    public var overallStatus: OverallStatus?
    public var phases: [Phase]
    public var url: String

    public init(
        nctId: String? = nil, title: String? = nil, overallStatus: OverallStatus? = nil, phases: [Phase] = [],
        url: String
    ) {
        self.nctId = nctId
        self.title = title
        self.overallStatus = overallStatus
        self.phases = phases
        self.url = url
    }
}
