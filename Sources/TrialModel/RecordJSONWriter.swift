/// Encodes a ``TrialRecord`` as one line of JSON, straight into bytes.
///
/// Keys come in the contract's order; a nil scalar or object is written as `null`, an empty list as
/// `[]`, and `design`, `dates` and `eligibility` are always objects. The output has no trailing newline.
/// `JSONEncoder` over the record's `Encodable` conformance produces the same JSON value and is kept as the
/// oracle in tests; this writer is the fast path.
public enum RecordJSONWriter {
    /// The record as one line of UTF-8 JSON, without a trailing newline.
    public static func encode(_ record: TrialRecord) -> [UInt8] {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(4096)
        append(record, to: &buffer)
        return buffer
    }

    /// Appends the record as one line of UTF-8 JSON to `buffer`, without a trailing newline.
    public static func append(_ record: TrialRecord, to buffer: inout [UInt8]) {
        W.appendRaw("{\"schemaVersion\":", to: &buffer)
        W.appendInt(record.schemaVersion, to: &buffer)
        W.appendRaw(",\"id\":", to: &buffer)
        W.appendString(record.id, to: &buffer)
        W.appendRaw(",\"nctId\":", to: &buffer)
        W.appendString(record.nctId, to: &buffer)
        W.appendRaw(",\"orgStudyId\":", to: &buffer)
        W.appendString(record.orgStudyId, to: &buffer)
        W.appendRaw(",\"secondaryIds\":", to: &buffer)
        W.appendStrings(record.secondaryIds, to: &buffer)
        W.appendRaw(",\"provenance\":", to: &buffer)
        appendProvenance(record.provenance, to: &buffer)
        W.appendRaw(",\"warnings\":", to: &buffer)
        W.appendStrings(record.warnings, to: &buffer)
        W.appendRaw(",\"briefTitle\":", to: &buffer)
        W.appendString(record.briefTitle, to: &buffer)
        W.appendRaw(",\"officialTitle\":", to: &buffer)
        W.appendString(record.officialTitle, to: &buffer)
        W.appendRaw(",\"acronym\":", to: &buffer)
        W.appendString(record.acronym, to: &buffer)
        W.appendRaw(",\"overallStatus\":", to: &buffer)
        W.appendEnum(record.overallStatus, to: &buffer)
        W.appendRaw(",\"phases\":", to: &buffer)
        appendPhases(record.phases, to: &buffer)
        W.appendRaw(",\"studyType\":", to: &buffer)
        W.appendEnum(record.studyType, to: &buffer)
        W.appendRaw(",\"design\":", to: &buffer)
        appendDesign(record.design, to: &buffer)
        W.appendRaw(",\"conditions\":", to: &buffer)
        W.appendStrings(record.conditions, to: &buffer)
        W.appendRaw(",\"keywords\":", to: &buffer)
        W.appendStrings(record.keywords, to: &buffer)
        W.appendRaw(",\"interventions\":", to: &buffer)
        W.appendArray(record.interventions, to: &buffer, element: appendIntervention)
        W.appendRaw(",\"armGroups\":", to: &buffer)
        W.appendArray(record.armGroups, to: &buffer, element: appendArmGroup)
        W.appendRaw(",\"leadSponsor\":", to: &buffer)
        W.appendObject(record.leadSponsor, to: &buffer, element: appendSponsor)
        W.appendRaw(",\"collaborators\":", to: &buffer)
        W.appendArray(record.collaborators, to: &buffer, element: appendCollaborator)
        W.appendRaw(",\"enrollment\":", to: &buffer)
        W.appendObject(record.enrollment, to: &buffer, element: appendEnrollment)
        W.appendRaw(",\"dates\":", to: &buffer)
        appendDates(record.dates, to: &buffer)
        W.appendRaw(",\"briefSummary\":", to: &buffer)
        W.appendString(record.briefSummary, to: &buffer)
        W.appendRaw(",\"detailedDescription\":", to: &buffer)
        W.appendString(record.detailedDescription, to: &buffer)
        W.appendRaw(",\"eligibility\":", to: &buffer)
        appendEligibility(record.eligibility, to: &buffer)
        W.appendRaw(",\"primaryOutcomes\":", to: &buffer)
        W.appendArray(record.primaryOutcomes, to: &buffer, element: appendOutcome)
        W.appendRaw(",\"secondaryOutcomes\":", to: &buffer)
        W.appendArray(record.secondaryOutcomes, to: &buffer, element: appendOutcome)
        W.appendRaw(",\"locations\":", to: &buffer)
        W.appendArray(record.locations, to: &buffer, element: appendLocation)
        W.appendRaw(",\"contacts\":", to: &buffer)
        W.appendArray(record.contacts, to: &buffer, element: appendContact)
        W.appendRaw(",\"references\":", to: &buffer)
        W.appendArray(record.references, to: &buffer, element: appendReference)
        W.appendRaw(",\"drugs\":", to: &buffer)
        W.appendArray(record.drugs, to: &buffer, element: appendDrug)
        W.appendRaw(",\"crossReferences\":", to: &buffer)
        W.appendArray(record.crossReferences, to: &buffer, element: appendCrossReference)
        W.appendRaw(",\"seeAlso\":", to: &buffer)
        W.appendArray(record.seeAlso, to: &buffer, element: appendSeeAlso)
        W.appendRaw(",\"referencedBy\":", to: &buffer)
        W.appendStrings(record.referencedBy, to: &buffer)
        buffer.append(UInt8(ascii: "}"))
    }

    // MARK: - Nested objects, each in its type's declaration order

    private typealias W = JSONByteWriter

    private static func appendProvenance(_ value: Provenance, to buffer: inout [UInt8]) {
        W.appendRaw("{\"sourcePath\":", to: &buffer)
        W.appendString(value.sourcePath, to: &buffer)
        W.appendRaw(",\"sha256\":", to: &buffer)
        W.appendString(value.sha256, to: &buffer)
        W.appendRaw(",\"bytes\":", to: &buffer)
        W.appendInt(value.bytes, to: &buffer)
        W.appendRaw(",\"layout\":", to: &buffer)
        W.appendString(value.layout, to: &buffer)
        W.appendRaw(",\"pipeline\":", to: &buffer)
        W.appendString(value.pipeline, to: &buffer)
        W.appendRaw(",\"processedAt\":", to: &buffer)
        W.appendString(value.processedAt, to: &buffer)
        buffer.append(UInt8(ascii: "}"))
    }

    private static func appendPhases(_ phases: [Phase], to buffer: inout [UInt8]) {
        W.appendArray(phases, to: &buffer) { phase, buffer in W.appendEnum(phase, to: &buffer) }
    }

    private static func appendDesign(_ value: Design, to buffer: inout [UInt8]) {
        W.appendRaw("{\"allocation\":", to: &buffer)
        W.appendEnum(value.allocation, to: &buffer)
        W.appendRaw(",\"interventionModel\":", to: &buffer)
        W.appendEnum(value.interventionModel, to: &buffer)
        W.appendRaw(",\"primaryPurpose\":", to: &buffer)
        W.appendEnum(value.primaryPurpose, to: &buffer)
        W.appendRaw(",\"masking\":", to: &buffer)
        W.appendEnum(value.masking, to: &buffer)
        buffer.append(UInt8(ascii: "}"))
    }

    private static func appendIntervention(_ value: Intervention, to buffer: inout [UInt8]) {
        W.appendRaw("{\"type\":", to: &buffer)
        W.appendEnum(value.type, to: &buffer)
        W.appendRaw(",\"name\":", to: &buffer)
        W.appendString(value.name, to: &buffer)
        W.appendRaw(",\"description\":", to: &buffer)
        W.appendString(value.description, to: &buffer)
        W.appendRaw(",\"otherNames\":", to: &buffer)
        W.appendStrings(value.otherNames, to: &buffer)
        buffer.append(UInt8(ascii: "}"))
    }

    private static func appendArmGroup(_ value: ArmGroup, to buffer: inout [UInt8]) {
        W.appendRaw("{\"label\":", to: &buffer)
        W.appendString(value.label, to: &buffer)
        W.appendRaw(",\"type\":", to: &buffer)
        W.appendEnum(value.type, to: &buffer)
        W.appendRaw(",\"description\":", to: &buffer)
        W.appendString(value.description, to: &buffer)
        W.appendRaw(",\"interventionNames\":", to: &buffer)
        W.appendStrings(value.interventionNames, to: &buffer)
        buffer.append(UInt8(ascii: "}"))
    }

    private static func appendSponsor(_ value: Sponsor, to buffer: inout [UInt8]) {
        W.appendRaw("{\"name\":", to: &buffer)
        W.appendString(value.name, to: &buffer)
        W.appendRaw(",\"class\":", to: &buffer)
        W.appendString(value.class, to: &buffer)
        buffer.append(UInt8(ascii: "}"))
    }

    private static func appendCollaborator(_ value: Collaborator, to buffer: inout [UInt8]) {
        W.appendRaw("{\"name\":", to: &buffer)
        W.appendString(value.name, to: &buffer)
        buffer.append(UInt8(ascii: "}"))
    }

    private static func appendEnrollment(_ value: Enrollment, to buffer: inout [UInt8]) {
        W.appendRaw("{\"count\":", to: &buffer)
        W.appendInt(value.count, to: &buffer)
        W.appendRaw(",\"type\":", to: &buffer)
        W.appendEnum(value.type, to: &buffer)
        buffer.append(UInt8(ascii: "}"))
    }

    private static func appendDateStruct(_ value: DateStruct, to buffer: inout [UInt8]) {
        W.appendRaw("{\"date\":", to: &buffer)
        W.appendString(value.date, to: &buffer)
        W.appendRaw(",\"type\":", to: &buffer)
        W.appendEnum(value.type, to: &buffer)
        buffer.append(UInt8(ascii: "}"))
    }

    private static func appendDates(_ value: TrialDates, to buffer: inout [UInt8]) {
        W.appendRaw("{\"start\":", to: &buffer)
        W.appendObject(value.start, to: &buffer, element: appendDateStruct)
        W.appendRaw(",\"primaryCompletion\":", to: &buffer)
        W.appendObject(value.primaryCompletion, to: &buffer, element: appendDateStruct)
        W.appendRaw(",\"completion\":", to: &buffer)
        W.appendObject(value.completion, to: &buffer, element: appendDateStruct)
        W.appendRaw(",\"statusVerified\":", to: &buffer)
        W.appendString(value.statusVerified, to: &buffer)
        W.appendRaw(",\"firstSubmitted\":", to: &buffer)
        W.appendString(value.firstSubmitted, to: &buffer)
        W.appendRaw(",\"lastUpdate\":", to: &buffer)
        W.appendString(value.lastUpdate, to: &buffer)
        buffer.append(UInt8(ascii: "}"))
    }

    private static func appendEligibility(_ value: Eligibility, to buffer: inout [UInt8]) {
        W.appendRaw("{\"criteria\":", to: &buffer)
        W.appendString(value.criteria, to: &buffer)
        W.appendRaw(",\"inclusion\":", to: &buffer)
        W.appendStrings(value.inclusion, to: &buffer)
        W.appendRaw(",\"exclusion\":", to: &buffer)
        W.appendStrings(value.exclusion, to: &buffer)
        W.appendRaw(",\"sex\":", to: &buffer)
        W.appendEnum(value.sex, to: &buffer)
        W.appendRaw(",\"minimumAge\":", to: &buffer)
        W.appendString(value.minimumAge, to: &buffer)
        W.appendRaw(",\"maximumAge\":", to: &buffer)
        W.appendString(value.maximumAge, to: &buffer)
        W.appendRaw(",\"healthyVolunteers\":", to: &buffer)
        W.appendBool(value.healthyVolunteers, to: &buffer)
        buffer.append(UInt8(ascii: "}"))
    }

    private static func appendOutcome(_ value: Outcome, to buffer: inout [UInt8]) {
        W.appendRaw("{\"measure\":", to: &buffer)
        W.appendString(value.measure, to: &buffer)
        W.appendRaw(",\"timeFrame\":", to: &buffer)
        W.appendString(value.timeFrame, to: &buffer)
        W.appendRaw(",\"description\":", to: &buffer)
        W.appendString(value.description, to: &buffer)
        buffer.append(UInt8(ascii: "}"))
    }

    private static func appendLocation(_ value: Location, to buffer: inout [UInt8]) {
        W.appendRaw("{\"facility\":", to: &buffer)
        W.appendString(value.facility, to: &buffer)
        W.appendRaw(",\"city\":", to: &buffer)
        W.appendString(value.city, to: &buffer)
        W.appendRaw(",\"state\":", to: &buffer)
        W.appendString(value.state, to: &buffer)
        W.appendRaw(",\"zip\":", to: &buffer)
        W.appendString(value.zip, to: &buffer)
        W.appendRaw(",\"country\":", to: &buffer)
        W.appendString(value.country, to: &buffer)
        buffer.append(UInt8(ascii: "}"))
    }

    private static func appendContact(_ value: Contact, to buffer: inout [UInt8]) {
        W.appendRaw("{\"name\":", to: &buffer)
        W.appendString(value.name, to: &buffer)
        W.appendRaw(",\"role\":", to: &buffer)
        W.appendString(value.role, to: &buffer)
        W.appendRaw(",\"phone\":", to: &buffer)
        W.appendString(value.phone, to: &buffer)
        W.appendRaw(",\"email\":", to: &buffer)
        W.appendString(value.email, to: &buffer)
        buffer.append(UInt8(ascii: "}"))
    }

    private static func appendReference(_ value: Reference, to buffer: inout [UInt8]) {
        W.appendRaw("{\"citation\":", to: &buffer)
        W.appendString(value.citation, to: &buffer)
        W.appendRaw(",\"pmid\":", to: &buffer)
        W.appendString(value.pmid, to: &buffer)
        W.appendRaw(",\"doi\":", to: &buffer)
        W.appendString(value.doi, to: &buffer)
        buffer.append(UInt8(ascii: "}"))
    }

    private static func appendDrug(_ value: Drug, to buffer: inout [UInt8]) {
        W.appendRaw("{\"name\":", to: &buffer)
        W.appendString(value.name, to: &buffer)
        W.appendRaw(",\"mentions\":", to: &buffer)
        W.appendStrings(value.mentions, to: &buffer)
        W.appendRaw(",\"foundIn\":", to: &buffer)
        W.appendStrings(value.foundIn, to: &buffer)
        W.appendRaw(",\"atc\":", to: &buffer)
        W.appendStrings(value.atc, to: &buffer)
        W.appendRaw(",\"classes\":", to: &buffer)
        W.appendStrings(value.classes, to: &buffer)
        W.appendRaw(",\"role\":", to: &buffer)
        W.appendEnum(value.role, to: &buffer)
        buffer.append(UInt8(ascii: "}"))
    }

    private static func appendCrossReference(_ value: CrossReference, to buffer: inout [UInt8]) {
        W.appendRaw("{\"nctId\":", to: &buffer)
        W.appendString(value.nctId, to: &buffer)
        W.appendRaw(",\"foundIn\":", to: &buffer)
        W.appendStrings(value.foundIn, to: &buffer)
        W.appendRaw(",\"url\":", to: &buffer)
        W.appendString(value.url, to: &buffer)
        W.appendRaw(",\"inCorpus\":", to: &buffer)
        W.appendBool(value.inCorpus, to: &buffer)
        buffer.append(UInt8(ascii: "}"))
    }

    private static func appendSeeAlso(_ value: SeeAlsoLink, to buffer: inout [UInt8]) {
        W.appendRaw("{\"nctId\":", to: &buffer)
        W.appendString(value.nctId, to: &buffer)
        W.appendRaw(",\"title\":", to: &buffer)
        W.appendString(value.title, to: &buffer)
        W.appendRaw(",\"overallStatus\":", to: &buffer)
        W.appendEnum(value.overallStatus, to: &buffer)
        W.appendRaw(",\"phases\":", to: &buffer)
        appendPhases(value.phases, to: &buffer)
        W.appendRaw(",\"url\":", to: &buffer)
        W.appendString(value.url, to: &buffer)
        buffer.append(UInt8(ascii: "}"))
    }
}
