import Foundation

/// Reads a ``TrialRecord`` back from the JSON ``RecordJSONWriter`` wrote, straight from the bytes.
///
/// It expects the writer's exact shape (its key order, no white space) and returns nil for anything else, so a
/// caller falls back to `JSONDecoder` over the record's `Decodable` conformance for JSON written some other way
/// (by hand, by another tool, or by an older build). That decoder stays the oracle in tests: on everything the
/// writer produces, both give the same record. This reader is the fast path for the corpus index, which reads
/// earlier records back to add backlinks.
public enum RecordJSONReader {
    /// The record in `bytes` (one JSON object, nothing after it), or nil when they are not in the writer's shape.
    public static func decode(_ bytes: UnsafeRawBufferPointer) -> TrialRecord? {
        var reader = JSONByteReader(bytes.assumingMemoryBound(to: UInt8.self))
        guard let record = try? record(&reader), reader.atEnd else { return nil }
        return record
    }

    /// The record in `bytes`, or nil when they are not in the writer's shape.
    public static func decode(_ bytes: [UInt8]) -> TrialRecord? {
        bytes.withUnsafeBytes { decode($0) }
    }

    /// The record in `bytes`: read here when they are in the writer's shape, else by `JSONDecoder` (whose error
    /// is thrown when they hold no record).
    public static func record(from bytes: UnsafeRawBufferPointer) throws -> TrialRecord {
        if let record = decode(bytes) { return record }
        return try JSONDecoder().decode(TrialRecord.self, from: Data(bytes))
    }

    /// The record in `bytes`, read as ``record(from:)-(UnsafeRawBufferPointer)`` reads it.
    public static func record(from bytes: [UInt8]) throws -> TrialRecord {
        try bytes.withUnsafeBytes { try record(from: $0) }
    }

    private typealias R = JSONByteReader

    private static func record(_ r: inout R) throws -> TrialRecord {
        try r.expect("{\"schemaVersion\":")
        let schemaVersion = try r.int()
        try r.expect(",\"id\":")
        let id = try r.string()
        try r.expect(",\"nctId\":")
        let nctId = try r.optionalString()
        try r.expect(",\"orgStudyId\":")
        let orgStudyId = try r.optionalString()
        try r.expect(",\"secondaryIds\":")
        let secondaryIds = try r.strings()
        try r.expect(",\"provenance\":")
        var record = TrialRecord(id: id, provenance: try provenance(&r))
        record.schemaVersion = schemaVersion
        record.nctId = nctId
        record.orgStudyId = orgStudyId
        record.secondaryIds = secondaryIds
        try r.expect(",\"warnings\":")
        record.warnings = try r.strings()
        try r.expect(",\"briefTitle\":")
        record.briefTitle = try r.optionalString()
        try r.expect(",\"officialTitle\":")
        record.officialTitle = try r.optionalString()
        try r.expect(",\"acronym\":")
        record.acronym = try r.optionalString()
        try r.expect(",\"overallStatus\":")
        record.overallStatus = try r.optionalEnum()
        try r.expect(",\"phases\":")
        record.phases = try r.array { try $0.enumValue() }
        try r.expect(",\"studyType\":")
        record.studyType = try r.optionalEnum()
        try r.expect(",\"design\":")
        record.design = try design(&r)
        try r.expect(",\"conditions\":")
        record.conditions = try r.strings()
        try r.expect(",\"keywords\":")
        record.keywords = try r.strings()
        try r.expect(",\"interventions\":")
        record.interventions = try r.array(intervention)
        try r.expect(",\"armGroups\":")
        record.armGroups = try r.array(armGroup)
        try r.expect(",\"leadSponsor\":")
        record.leadSponsor = try r.optionalObject(sponsor)
        try r.expect(",\"collaborators\":")
        record.collaborators = try r.array(collaborator)
        try r.expect(",\"enrollment\":")
        record.enrollment = try r.optionalObject(enrollment)
        try r.expect(",\"dates\":")
        record.dates = try dates(&r)
        try r.expect(",\"briefSummary\":")
        record.briefSummary = try r.optionalString()
        try r.expect(",\"detailedDescription\":")
        record.detailedDescription = try r.optionalString()
        try r.expect(",\"eligibility\":")
        record.eligibility = try eligibility(&r)
        try r.expect(",\"primaryOutcomes\":")
        record.primaryOutcomes = try r.array(outcome)
        try r.expect(",\"secondaryOutcomes\":")
        record.secondaryOutcomes = try r.array(outcome)
        try r.expect(",\"locations\":")
        record.locations = try r.array(location)
        try r.expect(",\"contacts\":")
        record.contacts = try r.array(contact)
        try r.expect(",\"references\":")
        record.references = try r.array(reference)
        try r.expect(",\"drugs\":")
        record.drugs = try r.array(drug)
        try r.expect(",\"crossReferences\":")
        record.crossReferences = try r.array(crossReference)
        try r.expect(",\"seeAlso\":")
        record.seeAlso = try r.array(seeAlso)
        try r.expect(",\"referencedBy\":")
        record.referencedBy = try r.strings()
        try r.expect("}")
        return record
    }

    // MARK: - Nested objects, in the writer's order

    private static func provenance(_ r: inout R) throws -> Provenance {
        try r.expect("{\"sourcePath\":")
        let sourcePath = try r.string()
        try r.expect(",\"sha256\":")
        let sha256 = try r.string()
        try r.expect(",\"bytes\":")
        let bytes = try r.int()
        try r.expect(",\"layout\":")
        let layout = try r.string()
        try r.expect(",\"pipeline\":")
        let pipeline = try r.string()
        try r.expect(",\"processedAt\":")
        let processedAt = try r.string()
        try r.expect("}")
        return Provenance(
            sourcePath: sourcePath, sha256: sha256, bytes: bytes, layout: layout, pipeline: pipeline,
            processedAt: processedAt)
    }

    private static func design(_ r: inout R) throws -> Design {
        try r.expect("{\"allocation\":")
        let allocation: Allocation? = try r.optionalEnum()
        try r.expect(",\"interventionModel\":")
        let interventionModel: InterventionModel? = try r.optionalEnum()
        try r.expect(",\"primaryPurpose\":")
        let primaryPurpose: PrimaryPurpose? = try r.optionalEnum()
        try r.expect(",\"masking\":")
        let masking: Masking? = try r.optionalEnum()
        try r.expect("}")
        return Design(
            allocation: allocation, interventionModel: interventionModel, primaryPurpose: primaryPurpose,
            masking: masking)
    }

    private static func intervention(_ r: inout R) throws -> Intervention {
        try r.expect("{\"type\":")
        let type: InterventionType? = try r.optionalEnum()
        try r.expect(",\"name\":")
        let name = try r.string()
        try r.expect(",\"description\":")
        let description = try r.optionalString()
        try r.expect(",\"otherNames\":")
        let otherNames = try r.strings()
        try r.expect("}")
        return Intervention(type: type, name: name, description: description, otherNames: otherNames)
    }

    private static func armGroup(_ r: inout R) throws -> ArmGroup {
        try r.expect("{\"label\":")
        let label = try r.string()
        try r.expect(",\"type\":")
        let type: ArmGroupType? = try r.optionalEnum()
        try r.expect(",\"description\":")
        let description = try r.optionalString()
        try r.expect(",\"interventionNames\":")
        let interventionNames = try r.strings()
        try r.expect("}")
        return ArmGroup(label: label, type: type, description: description, interventionNames: interventionNames)
    }

    private static func sponsor(_ r: inout R) throws -> Sponsor {
        try r.expect("{\"name\":")
        let name = try r.string()
        try r.expect(",\"class\":")
        let sponsorClass = try r.optionalString()
        try r.expect("}")
        return Sponsor(name: name, class: sponsorClass)
    }

    private static func collaborator(_ r: inout R) throws -> Collaborator {
        try r.expect("{\"name\":")
        let name = try r.string()
        try r.expect("}")
        return Collaborator(name: name)
    }

    private static func enrollment(_ r: inout R) throws -> Enrollment {
        try r.expect("{\"count\":")
        let count = try r.int()
        try r.expect(",\"type\":")
        let type: ActualOrEstimated? = try r.optionalEnum()
        try r.expect("}")
        return Enrollment(count: count, type: type)
    }

    private static func dateStruct(_ r: inout R) throws -> DateStruct {
        try r.expect("{\"date\":")
        let date = try r.string()
        try r.expect(",\"type\":")
        let type: ActualOrEstimated? = try r.optionalEnum()
        try r.expect("}")
        return DateStruct(date: date, type: type)
    }

    private static func dates(_ r: inout R) throws -> TrialDates {
        try r.expect("{\"start\":")
        let start = try r.optionalObject(dateStruct)
        try r.expect(",\"primaryCompletion\":")
        let primaryCompletion = try r.optionalObject(dateStruct)
        try r.expect(",\"completion\":")
        let completion = try r.optionalObject(dateStruct)
        try r.expect(",\"statusVerified\":")
        let statusVerified = try r.optionalString()
        try r.expect(",\"firstSubmitted\":")
        let firstSubmitted = try r.optionalString()
        try r.expect(",\"lastUpdate\":")
        let lastUpdate = try r.optionalString()
        try r.expect("}")
        return TrialDates(
            start: start, primaryCompletion: primaryCompletion, completion: completion, statusVerified: statusVerified,
            firstSubmitted: firstSubmitted, lastUpdate: lastUpdate)
    }

    private static func eligibility(_ r: inout R) throws -> Eligibility {
        try r.expect("{\"criteria\":")
        let criteria = try r.optionalString()
        try r.expect(",\"inclusion\":")
        let inclusion = try r.strings()
        try r.expect(",\"exclusion\":")
        let exclusion = try r.strings()
        try r.expect(",\"sex\":")
        let sex: Sex? = try r.optionalEnum()
        try r.expect(",\"minimumAge\":")
        let minimumAge = try r.optionalString()
        try r.expect(",\"maximumAge\":")
        let maximumAge = try r.optionalString()
        try r.expect(",\"healthyVolunteers\":")
        let healthyVolunteers = try r.optionalBool()
        try r.expect("}")
        return Eligibility(
            criteria: criteria, inclusion: inclusion, exclusion: exclusion, sex: sex, minimumAge: minimumAge,
            maximumAge: maximumAge, healthyVolunteers: healthyVolunteers)
    }

    private static func outcome(_ r: inout R) throws -> Outcome {
        try r.expect("{\"measure\":")
        let measure = try r.string()
        try r.expect(",\"timeFrame\":")
        let timeFrame = try r.optionalString()
        try r.expect(",\"description\":")
        let description = try r.optionalString()
        try r.expect("}")
        return Outcome(measure: measure, timeFrame: timeFrame, description: description)
    }

    private static func location(_ r: inout R) throws -> Location {
        try r.expect("{\"facility\":")
        let facility = try r.optionalString()
        try r.expect(",\"city\":")
        let city = try r.optionalString()
        try r.expect(",\"state\":")
        let state = try r.optionalString()
        try r.expect(",\"zip\":")
        let zip = try r.optionalString()
        try r.expect(",\"country\":")
        let country = try r.optionalString()
        try r.expect("}")
        return Location(facility: facility, city: city, state: state, zip: zip, country: country)
    }

    private static func contact(_ r: inout R) throws -> Contact {
        try r.expect("{\"name\":")
        let name = try r.optionalString()
        try r.expect(",\"role\":")
        let role = try r.optionalString()
        try r.expect(",\"phone\":")
        let phone = try r.optionalString()
        try r.expect(",\"email\":")
        let email = try r.optionalString()
        try r.expect("}")
        return Contact(name: name, role: role, phone: phone, email: email)
    }

    private static func reference(_ r: inout R) throws -> Reference {
        try r.expect("{\"citation\":")
        let citation = try r.string()
        try r.expect(",\"pmid\":")
        let pmid = try r.optionalString()
        try r.expect(",\"doi\":")
        let doi = try r.optionalString()
        try r.expect("}")
        return Reference(citation: citation, pmid: pmid, doi: doi)
    }

    private static func drug(_ r: inout R) throws -> Drug {
        try r.expect("{\"name\":")
        let name = try r.string()
        try r.expect(",\"mentions\":")
        let mentions = try r.strings()
        try r.expect(",\"foundIn\":")
        let foundIn = try r.strings()
        try r.expect(",\"atc\":")
        let atc = try r.strings()
        try r.expect(",\"classes\":")
        let classes = try r.strings()
        try r.expect(",\"role\":")
        let role: DrugRole = try r.enumValue()
        try r.expect("}")
        return Drug(name: name, mentions: mentions, foundIn: foundIn, atc: atc, classes: classes, role: role)
    }

    private static func crossReference(_ r: inout R) throws -> CrossReference {
        try r.expect("{\"nctId\":")
        let nctId = try r.string()
        try r.expect(",\"foundIn\":")
        let foundIn = try r.strings()
        try r.expect(",\"url\":")
        let url = try r.string()
        try r.expect(",\"inCorpus\":")
        let inCorpus = try r.bool()
        try r.expect("}")
        return CrossReference(nctId: nctId, foundIn: foundIn, url: url, inCorpus: inCorpus)
    }

    private static func seeAlso(_ r: inout R) throws -> SeeAlsoLink {
        try r.expect("{\"nctId\":")
        let nctId = try r.optionalString()
        try r.expect(",\"title\":")
        let title = try r.optionalString()
        try r.expect(",\"overallStatus\":")
        let overallStatus: OverallStatus? = try r.optionalEnum()
        try r.expect(",\"phases\":")
        let phases: [Phase] = try r.array { try $0.enumValue() }
        try r.expect(",\"url\":")
        let url = try r.string()
        try r.expect("}")
        return SeeAlsoLink(nctId: nctId, title: title, overallStatus: overallStatus, phases: phases, url: url)
    }
}
