import TrialModel

/// The record fields enrichers search for drugs and trial ids, in the order `foundIn` lists them.
public enum RecordField: String, Sendable, CaseIterable, Comparable {
    /// Intervention names, descriptions and other names.
    case interventions
    /// Arm group labels, descriptions and intervention names.
    case armGroups
    case briefTitle
    case officialTitle
    case briefSummary
    case detailedDescription
    /// The criteria text (or, without it, the inclusion and exclusion lists).
    case eligibility
    /// Primary and secondary outcome measures, time frames and descriptions.
    case outcomes
    /// Reference citations.
    case references
    /// Titles of the related links the document lists.
    case seeAlso
    /// Document text no field holds (pages read as text or HTML): searched after every field, for drugs and
    /// trial ids not found in one.
    case text

    /// Whether the field states what the study gives (interventions and arm groups).
    public var isInterventionField: Bool { self == .interventions || self == .armGroups }

    private var order: Int { RecordField.allCases.firstIndex(of: self) ?? 0 }

    /// Fields compare by their place in ``allCases``.
    public static func < (lhs: RecordField, rhs: RecordField) -> Bool { lhs.order < rhs.order }

    /// Calls `body` with each text of `record`, field by field in order, then the document text of
    /// `annotations`. See-also titles come from both `seeAlso` and the listed links the see-also stage has
    /// not moved yet.
    static func forEachText(
        of record: TrialRecord, annotations: RecordAnnotations, _ body: (RecordField, String) -> Void
    ) {
        forEachFieldText(of: record, listedLinks: annotations.listedLinks, body)
        if let text = annotations.documentText { body(.text, text) }
    }

    /// Calls `body` with each text of the record's fields and the titles of `listedLinks`, without the
    /// document text.
    static func forEachFieldText(
        of record: TrialRecord, listedLinks: [SeeAlsoLink], _ body: (RecordField, String) -> Void
    ) {
        for intervention in record.interventions {
            body(.interventions, intervention.name)
            if let description = intervention.description { body(.interventions, description) }
            for name in intervention.otherNames { body(.interventions, name) }
        }
        for arm in record.armGroups {
            body(.armGroups, arm.label)
            if let description = arm.description { body(.armGroups, description) }
            for name in arm.interventionNames { body(.armGroups, name) }
        }
        if let text = record.briefTitle { body(.briefTitle, text) }
        if let text = record.officialTitle { body(.officialTitle, text) }
        if let text = record.briefSummary { body(.briefSummary, text) }
        if let text = record.detailedDescription { body(.detailedDescription, text) }
        if let criteria = record.eligibility.criteria {
            body(.eligibility, criteria)
        } else {
            for item in record.eligibility.inclusion { body(.eligibility, item) }
            for item in record.eligibility.exclusion { body(.eligibility, item) }
        }
        for outcome in record.primaryOutcomes + record.secondaryOutcomes {
            body(.outcomes, outcome.measure)
            if let text = outcome.timeFrame { body(.outcomes, text) }
            if let text = outcome.description { body(.outcomes, text) }
        }
        for reference in record.references { body(.references, reference.citation) }
        for link in record.seeAlso {
            if let title = link.title { body(.seeAlso, title) }
        }
        for link in listedLinks {
            if let title = link.title { body(.seeAlso, title) }
        }
    }
}
