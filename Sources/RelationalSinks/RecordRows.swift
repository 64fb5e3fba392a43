public import TrialModel

/// The relational rows of a list of records: for every table of ``RelationalSchema``, its rows' values one
/// after the other (a table of `n` columns holds `n` values per row).
///
/// One record gives one `studies` row (with the whole record as JSON), one `designs`, `eligibilities` and
/// `provenance` row, and one row per list entry in the other tables, in the record's own order (`ordinal`
/// counts from 0). Lists of words (`drugs.mentions`, `found_in`) are joined with `|`.
public struct RecordRows: Sendable {
    /// The `studies` values, ``RelationalSchema/studies`` columns per row.
    public private(set) var studies: [SQLValue] = []
    /// The values of each child table, in ``RelationalSchema/childTables`` order.
    public private(set) var children: [[SQLValue]]
    /// The ids of the records, in the order their rows were added.
    public private(set) var recordIds: [String] = []

    /// The rows of the given records; `json` gives records' JSON already encoded, by id (the others are encoded).
    public init(_ records: some Sequence<TrialRecord>, json: [String: [UInt8]] = [:]) {
        children = Array(repeating: [], count: RelationalSchema.childTables.count)
        for record in records { add(record, json: json[record.id]) }
    }

    /// Empties every table and the list of ids, keeping their storage for the next records' rows.
    public mutating func removeAll() {
        studies.removeAll(keepingCapacity: true)
        for index in children.indices { children[index].removeAll(keepingCapacity: true) }
        recordIds.removeAll(keepingCapacity: true)
    }

    /// How many rows a table holds (by name; `studies` included).
    public func rowCount(_ table: String) -> Int {
        if table == RelationalSchema.studies.name { return studies.count / RelationalSchema.studies.columns.count }
        guard let index = RelationalSchema.childTables.firstIndex(where: { $0.name == table }) else { return 0 }
        return children[index].count / RelationalSchema.childTables[index].columns.count
    }

    private enum Child: Int {
        case briefSummaries, detailedDescriptions, designs, eligibilities, eligibilityCriteria, conditions, keywords
        case interventions, interventionOtherNames, designGroups, designGroupInterventions, designOutcomes
        case sponsors, facilities, centralContacts, idInformation, studyReferences, drugs, drugATCCodes
        case drugClasses, crossReferences, seeAlso, referencedBy, provenance, warnings
    }

    private mutating func row(_ table: Child, _ values: SQLValue...) {
        children[table.rawValue].append(contentsOf: values)
    }

    /// Adds one record's rows; `json` is its JSON when already encoded (`RecordJSONWriter`'s bytes).
    public mutating func add(_ record: TrialRecord, json: [UInt8]? = nil) {
        let id = SQLValue.text(record.id)
        recordIds.append(record.id)
        addStudy(record, id: id, json: json ?? RecordJSONWriter.encode(record))
        if let summary = record.briefSummary { row(.briefSummaries, id, .text(summary)) }
        if let description = record.detailedDescription { row(.detailedDescriptions, id, .text(description)) }
        let design = record.design
        row(
            .designs, id, .optional(design.allocation?.rawValue), .optional(design.interventionModel?.rawValue),
            .optional(design.primaryPurpose?.rawValue), .optional(design.masking?.rawValue))
        addEligibility(record.eligibility, id: id)
        for (ordinal, name) in record.conditions.enumerated() {
            row(.conditions, id, .integer(ordinal), .text(name), .text(name.lowercased()))
        }
        for (ordinal, name) in record.keywords.enumerated() {
            row(.keywords, id, .integer(ordinal), .text(name), .text(name.lowercased()))
        }
        addInterventions(record, id: id)
        addOutcomes(record, id: id)
        addSponsors(record, id: id)
        for (ordinal, location) in record.locations.enumerated() {
            row(
                .facilities, id, .integer(ordinal), .optional(location.facility), .optional(location.city),
                .optional(location.state), .optional(location.zip), .optional(location.country))
        }
        for (ordinal, contact) in record.contacts.enumerated() {
            row(
                .centralContacts, id, .integer(ordinal), .optional(contact.name), .optional(contact.role),
                .optional(contact.phone), .optional(contact.email))
        }
        addIdentifiers(record, id: id)
        for (ordinal, reference) in record.references.enumerated() {
            row(
                .studyReferences, id, .integer(ordinal), .text(reference.citation), .optional(reference.pmid),
                .optional(reference.doi))
        }
        addDrugs(record.drugs, id: id)
        addLinks(record, id: id)
        let provenance = record.provenance
        row(
            .provenance, id, .text(provenance.sourcePath), .text(provenance.sha256), .integer(provenance.bytes),
            .text(provenance.layout), .text(provenance.pipeline), .text(provenance.processedAt))
        for (ordinal, warning) in record.warnings.enumerated() {
            row(.warnings, id, .integer(ordinal), .text(warning))
        }
    }

    private mutating func addStudy(_ record: TrialRecord, id: SQLValue, json: [UInt8]) {
        let dates = record.dates
        let phase = record.phases.isEmpty ? SQLValue.null : .text(record.phases.map(\.rawValue).joined(separator: "/"))
        studies.append(contentsOf: [
            id, .optional(record.nctId), .optional(record.briefTitle), .optional(record.officialTitle),
            .optional(record.acronym), .optional(record.overallStatus?.rawValue), phase,
            .optional(record.studyType?.rawValue), record.enrollment.map { .integer($0.count) } ?? .null,
            .optional(record.enrollment?.type?.rawValue), .optional(dates.start?.date),
            .optional(dates.start?.type?.rawValue), .optional(dates.primaryCompletion?.date),
            .optional(dates.primaryCompletion?.type?.rawValue), .optional(dates.completion?.date),
            .optional(dates.completion?.type?.rawValue), .optional(dates.statusVerified),
            .optional(dates.firstSubmitted), .optional(dates.lastUpdate), .text(record.provenance.processedAt),
            .json(json),
        ])
    }

    private mutating func addEligibility(_ eligibility: Eligibility, id: SQLValue) {
        row(
            .eligibilities, id, .optional(eligibility.sex?.rawValue), .optional(eligibility.minimumAge),
            .optional(eligibility.maximumAge), eligibility.healthyVolunteers.map(SQLValue.boolean) ?? .null,
            .optional(eligibility.criteria))
        for (ordinal, criterion) in eligibility.inclusion.enumerated() {
            row(.eligibilityCriteria, id, .text("inclusion"), .integer(ordinal), .text(criterion))
        }
        for (ordinal, criterion) in eligibility.exclusion.enumerated() {
            row(.eligibilityCriteria, id, .text("exclusion"), .integer(ordinal), .text(criterion))
        }
    }

    private mutating func addInterventions(_ record: TrialRecord, id: SQLValue) {
        for (ordinal, intervention) in record.interventions.enumerated() {
            row(
                .interventions, id, .integer(ordinal), .optional(intervention.type?.rawValue),
                .text(intervention.name), .optional(intervention.description))
            for (nameOrdinal, name) in intervention.otherNames.enumerated() {
                row(.interventionOtherNames, id, .integer(ordinal), .integer(nameOrdinal), .text(name))
            }
        }
        for (ordinal, group) in record.armGroups.enumerated() {
            row(
                .designGroups, id, .integer(ordinal), .optional(group.type?.rawValue), .text(group.label),
                .optional(group.description))
            for (nameOrdinal, name) in group.interventionNames.enumerated() {
                let match = record.interventions.firstIndex { $0.name == name }
                row(
                    .designGroupInterventions, id, .integer(ordinal), .integer(nameOrdinal), .text(name),
                    match.map(SQLValue.integer) ?? .null)
            }
        }
    }

    private mutating func addOutcomes(_ record: TrialRecord, id: SQLValue) {
        for (kind, outcomes) in [("primary", record.primaryOutcomes), ("secondary", record.secondaryOutcomes)] {
            for (ordinal, outcome) in outcomes.enumerated() {
                row(
                    .designOutcomes, id, .text(kind), .integer(ordinal), .text(outcome.measure),
                    .optional(outcome.timeFrame), .optional(outcome.description))
            }
        }
    }

    private mutating func addSponsors(_ record: TrialRecord, id: SQLValue) {
        var ordinal = 0
        if let lead = record.leadSponsor {
            row(.sponsors, id, .integer(ordinal), .text("lead"), .optional(lead.class), .text(lead.name))
            ordinal += 1
        }
        for collaborator in record.collaborators {
            row(.sponsors, id, .integer(ordinal), .text("collaborator"), .null, .text(collaborator.name))
            ordinal += 1
        }
    }

    private mutating func addIdentifiers(_ record: TrialRecord, id: SQLValue) {
        var ordinal = 0
        if let orgStudyId = record.orgStudyId {
            row(.idInformation, id, .integer(ordinal), .text("org_study_id"), .text(orgStudyId))
            ordinal += 1
        }
        for secondary in record.secondaryIds {
            row(.idInformation, id, .integer(ordinal), .text("secondary_id"), .text(secondary))
            ordinal += 1
        }
    }

    private mutating func addDrugs(_ drugs: [Drug], id: SQLValue) {
        for (ordinal, drug) in drugs.enumerated() {
            let name = SQLValue.text(drug.name)
            row(
                .drugs, id, .integer(ordinal), name, .text(drug.role.rawValue),
                .text(drug.mentions.joined(separator: "|")), .text(drug.foundIn.joined(separator: "|")))
            for (codeOrdinal, code) in drug.atc.enumerated() {
                row(
                    .drugATCCodes, id, .integer(ordinal), .integer(codeOrdinal), name, .text(code),
                    .text(String(code.prefix(1))))
            }
            for (classOrdinal, drugClass) in drug.classes.enumerated() {
                row(.drugClasses, id, .integer(ordinal), .integer(classOrdinal), name, .text(drugClass))
            }
        }
    }

    private mutating func addLinks(_ record: TrialRecord, id: SQLValue) {
        for (ordinal, reference) in record.crossReferences.enumerated() {
            row(
                .crossReferences, id, .integer(ordinal), .text(reference.nctId),
                .text(reference.foundIn.joined(separator: "|")), .text(reference.url), .boolean(reference.inCorpus))
        }
        for (ordinal, link) in record.seeAlso.enumerated() {
            let phase = link.phases.isEmpty ? SQLValue.null : .text(link.phases.map(\.rawValue).joined(separator: "/"))
            row(
                .seeAlso, id, .integer(ordinal), .optional(link.nctId), .optional(link.title),
                .optional(link.overallStatus?.rawValue), phase, .text(link.url))
        }
        for (ordinal, referencing) in record.referencedBy.enumerated() {
            row(.referencedBy, id, .integer(ordinal), .text(referencing))
        }
    }
}
