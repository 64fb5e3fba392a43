import TrialModel

/// A record field that a page's label names ("NCT number", "Target enrollment:", "Gender").
enum FieldSlot: Sendable, Equatable {
    case registryId, orgStudyId, secondaryId
    case briefTitle, officialTitle, acronym
    case status, phase, studyType, studyDesign, allocation, interventionModel, masking,
        primaryPurpose
    case conditions, keywords, interventions, leadSponsor, collaborators
    case enrollment, startDate, primaryCompletionDate, completionDate, statusVerified,
        firstSubmitted, lastUpdate
    case sex, ageRange, minimumAge, maximumAge, healthyVolunteers
    case briefSummary, detailedDescription, criteria, inclusionCriteria, exclusionCriteria
    case contactName, contactPhone, contactEmail
    /// A label the page shows that the record has no field for ("Is FDA regulated").
    case ignored

    /// Whether the slot's value is free text that may span several lines and paragraphs.
    var isFreeText: Bool {
        switch self {
        case .briefSummary, .detailedDescription, .criteria, .inclusionCriteria, .exclusionCriteria:
            true
        default: false
        }
    }

    /// Whether the slot takes one value per line (conditions, interventions, collaborators, keywords).
    var isList: Bool {
        switch self {
        case .conditions, .keywords, .interventions, .collaborators, .secondaryId: true
        default: false
        }
    }
}

/// The label spellings the registries and aggregators use, as `EnumNormalizer.key` keys, read from the shipped
/// vocabulary (`Resources/labels.tsv`, see ``LabelVocabulary``).
enum FieldLabels {
    /// The slot a label names, or nil when it is not a known label.
    static func slot(forKey key: String) -> FieldSlot? { table[key] }

    /// The slot of a label as printed ("Other study ID #", "Accepts Healthy Volunteers?").
    static func slot(forLabel label: some StringProtocol) -> FieldSlot? {
        table[EnumNormalizer.key(label)]
    }

    /// The longest label key in the table, in words; label prefixes longer than this are not tried.
    static let maxWords = LabelVocabulary.shipped.maxWords

    /// The longest label spelling in the table, in UTF-8 bytes.
    static let maxLabelBytes = LabelVocabulary.shipped.maxLabelBytes

    /// Every label key and the slot it names.
    static let table = KeyTable(LabelVocabulary.shipped.slots)
}
