public import TrialModel
import XMLSupport

/// Encodes trial records as XML in the layout of `Resources/trial-record.xsd`.
///
/// A document is ``documentHeader`` (the XML declaration and `<trials xmlns="urn:trialpipe:record:1">`),
/// one ``trialElement(_:)`` per record, then ``documentFooter`` (`</trials>`). A collection file can
/// therefore grow and stay well-formed after every batch: write the new trial elements where the
/// footer starts, then the footer again. A trial element carries no namespace declaration of its own;
/// it is in the record namespace once inside `<trials>`.
///
/// Each field is a child element named like its JSON key, in the JSON key order; the record id is the
/// `id` attribute. Null fields and empty lists are omitted; `provenance`, `design`, `dates` and
/// `eligibility` are always written. Characters XML 1.0 cannot hold are dropped from text.
public struct RecordXMLEncoder: Sendable {
    /// Whether trial elements are indented (two spaces a level) rather than written on one line.
    public var indented: Bool

    /// Creates an encoder; by default each trial element is one line (unless its text holds line breaks).
    public init(indented: Bool = false) {
        self.indented = indented
    }

    /// The bytes before the first trial: the XML declaration and the opening `<trials>` tag, each
    /// followed by a line feed.
    public static let documentHeader: [UInt8] = Array(
        ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<trials xmlns=\"" + TrialRecordXSD.namespace
            + "\">\n").utf8)

    /// The bytes after the last trial: `</trials>` and a line feed.
    public static let documentFooter: [UInt8] = Array("</trials>\n".utf8)

    /// A whole document holding `records`, in order.
    public func encodeDocument(_ records: [TrialRecord]) -> [UInt8] {
        var bytes = Self.documentHeader
        for record in records { bytes += trialElement(record) }
        bytes += Self.documentFooter
        return bytes
    }

    /// One `<trial id="…">…</trial>` element followed by a line feed, to place inside `<trials>`.
    public func trialElement(_ record: TrialRecord) -> [UInt8] {
        var xml = XMLByteWriter(indentation: indented ? "  " : nil, capacity: 8192)
        // The byte writer does not fail; the layout is written once for it and for libxml2's writer.
        try? xml.trial(record)
        var bytes = xml.finish()
        if bytes.last != 0x0A { bytes.append(0x0A) }
        return bytes
    }

    /// The same element written through libxml2's `xmlTextWriter`: the reference ``trialElement(_:)`` is
    /// tested against.
    func trialElementThroughLibXML(_ record: TrialRecord) throws -> [UInt8] {
        let options = XMLTextWriter.Options(indentation: indented ? "  " : nil, declaration: false)
        var bytes = try XMLTextWriter.write(options: options) { xml in try xml.trial(record) }
        if bytes.last != 0x0A { bytes.append(0x0A) }
        return bytes
    }
}

// MARK: - The record's layout, one function per contract object

extension XMLWriting where Self: ~Copyable {
    fileprivate mutating func trial(_ r: TrialRecord) throws {
        try element("trial") { xml in
            try xml.attribute("id", r.id)
            try xml.element("schemaVersion", text: String(r.schemaVersion))
            try xml.optional("nctId", r.nctId)
            try xml.optional("orgStudyId", r.orgStudyId)
            try xml.list("secondaryIds", "secondaryId", r.secondaryIds)
            try xml.provenance(r.provenance)
            try xml.list("warnings", "warning", r.warnings)
            try xml.optional("briefTitle", r.briefTitle)
            try xml.optional("officialTitle", r.officialTitle)
            try xml.optional("acronym", r.acronym)
            try xml.optional("overallStatus", r.overallStatus?.rawValue)
            try xml.list("phases", "phase", r.phases.map(\.rawValue))
            try xml.optional("studyType", r.studyType?.rawValue)
            try xml.design(r.design)
            try xml.list("conditions", "condition", r.conditions)
            try xml.list("keywords", "keyword", r.keywords)
            try xml.objects("interventions", r.interventions) { try $0.intervention($1) }
            try xml.objects("armGroups", r.armGroups) { try $0.armGroup($1) }
            if let sponsor = r.leadSponsor {
                try xml.element("leadSponsor") { xml in
                    try xml.element("name", text: sponsor.name)
                    try xml.optional("class", sponsor.class)
                }
            }
            try xml.objects("collaborators", r.collaborators) { xml, collaborator in
                try xml.element("collaborator") { try $0.element("name", text: collaborator.name) }
            }
            if let enrollment = r.enrollment {
                try xml.element("enrollment") { xml in
                    try xml.element("count", text: String(enrollment.count))
                    try xml.optional("type", enrollment.type?.rawValue)
                }
            }
            try xml.dates(r.dates)
            try xml.optional("briefSummary", r.briefSummary)
            try xml.optional("detailedDescription", r.detailedDescription)
            try xml.eligibility(r.eligibility)
            try xml.objects("primaryOutcomes", r.primaryOutcomes) { try $0.outcome($1) }
            try xml.objects("secondaryOutcomes", r.secondaryOutcomes) { try $0.outcome($1) }
            try xml.objects("locations", r.locations) { try $0.location($1) }
            try xml.objects("contacts", r.contacts) { try $0.contact($1) }
            try xml.objects("references", r.references) { try $0.reference($1) }
            try xml.objects("drugs", r.drugs) { try $0.drug($1) }
            try xml.objects("crossReferences", r.crossReferences) { try $0.crossReference($1) }
            try xml.objects("seeAlso", r.seeAlso) { try $0.seeAlsoLink($1) }
            try xml.list("referencedBy", "id", r.referencedBy)
        }
    }

    private mutating func provenance(_ p: Provenance) throws {
        try element("provenance") { xml in
            try xml.element("sourcePath", text: p.sourcePath)
            try xml.element("sha256", text: p.sha256)
            try xml.element("bytes", text: String(p.bytes))
            try xml.element("layout", text: p.layout)
            try xml.element("pipeline", text: p.pipeline)
            try xml.element("processedAt", text: p.processedAt)
        }
    }

    private mutating func design(_ d: Design) throws {
        try element("design") { xml in
            try xml.optional("allocation", d.allocation?.rawValue)
            try xml.optional("interventionModel", d.interventionModel?.rawValue)
            try xml.optional("primaryPurpose", d.primaryPurpose?.rawValue)
            try xml.optional("masking", d.masking?.rawValue)
        }
    }

    private mutating func intervention(_ i: Intervention) throws {
        try element("intervention") { xml in
            try xml.optional("type", i.type?.rawValue)
            try xml.element("name", text: i.name)
            try xml.optional("description", i.description)
            try xml.list("otherNames", "otherName", i.otherNames)
        }
    }

    private mutating func armGroup(_ a: ArmGroup) throws {
        try element("armGroup") { xml in
            try xml.element("label", text: a.label)
            try xml.optional("type", a.type?.rawValue)
            try xml.optional("description", a.description)
            try xml.list("interventionNames", "interventionName", a.interventionNames)
        }
    }

    private mutating func dates(_ d: TrialDates) throws {
        try element("dates") { xml in
            try xml.dateStruct("start", d.start)
            try xml.dateStruct("primaryCompletion", d.primaryCompletion)
            try xml.dateStruct("completion", d.completion)
            try xml.optional("statusVerified", d.statusVerified)
            try xml.optional("firstSubmitted", d.firstSubmitted)
            try xml.optional("lastUpdate", d.lastUpdate)
        }
    }

    private mutating func dateStruct(_ name: String, _ value: DateStruct?) throws {
        guard let value else { return }
        try element(name) { xml in
            try xml.element("date", text: value.date)
            try xml.optional("type", value.type?.rawValue)
        }
    }

    private mutating func eligibility(_ e: Eligibility) throws {
        try element("eligibility") { xml in
            try xml.optional("criteria", e.criteria)
            try xml.list("inclusion", "criterion", e.inclusion)
            try xml.list("exclusion", "criterion", e.exclusion)
            try xml.optional("sex", e.sex?.rawValue)
            try xml.optional("minimumAge", e.minimumAge)
            try xml.optional("maximumAge", e.maximumAge)
            try xml.optional("healthyVolunteers", e.healthyVolunteers.map { $0 ? "true" : "false" })
        }
    }

    private mutating func outcome(_ o: Outcome) throws {
        try element("outcome") { xml in
            try xml.element("measure", text: o.measure)
            try xml.optional("timeFrame", o.timeFrame)
            try xml.optional("description", o.description)
        }
    }

    private mutating func location(_ l: Location) throws {
        try element("location") { xml in
            try xml.optional("facility", l.facility)
            try xml.optional("city", l.city)
            try xml.optional("state", l.state)
            try xml.optional("zip", l.zip)
            try xml.optional("country", l.country)
        }
    }

    private mutating func contact(_ c: Contact) throws {
        try element("contact") { xml in
            try xml.optional("name", c.name)
            try xml.optional("role", c.role)
            try xml.optional("phone", c.phone)
            try xml.optional("email", c.email)
        }
    }

    private mutating func reference(_ r: Reference) throws {
        try element("reference") { xml in
            try xml.element("citation", text: r.citation)
            try xml.optional("pmid", r.pmid)
            try xml.optional("doi", r.doi)
        }
    }

    private mutating func drug(_ d: Drug) throws {
        try element("drug") { xml in
            try xml.element("name", text: d.name)
            try xml.list("mentions", "mention", d.mentions)
            try xml.list("foundIn", "field", d.foundIn)
            try xml.list("atc", "code", d.atc)
            try xml.list("classes", "class", d.classes)
            try xml.element("role", text: d.role.rawValue)
        }
    }

    private mutating func crossReference(_ c: CrossReference) throws {
        try element("crossReference") { xml in
            try xml.element("nctId", text: c.nctId)
            try xml.list("foundIn", "field", c.foundIn)
            try xml.element("url", text: c.url)
            try xml.element("inCorpus", text: c.inCorpus ? "true" : "false")
        }
    }

    private mutating func seeAlsoLink(_ s: SeeAlsoLink) throws {
        try element("link") { xml in
            try xml.optional("nctId", s.nctId)
            try xml.optional("title", s.title)
            try xml.optional("overallStatus", s.overallStatus?.rawValue)
            try xml.list("phases", "phase", s.phases.map(\.rawValue))
            try xml.element("url", text: s.url)
        }
    }

    // MARK: - Shapes: optional text, text lists, object lists

    /// `<name>value</name>`, or nothing for nil.
    private mutating func optional(_ name: String, _ value: String?) throws {
        if let value { try element(name, text: value) }
    }

    /// `<wrapper><item>…</item>…</wrapper>`, or nothing for an empty list.
    private mutating func list(_ wrapper: String, _ item: String, _ values: [String]) throws {
        guard !values.isEmpty else { return }
        try element(wrapper) { xml in
            for value in values { try xml.element(item, text: value) }
        }
    }

    /// `<wrapper>` holding one element per value (written by `write`), or nothing for an empty list.
    private mutating func objects<T>(
        _ wrapper: String, _ values: [T], _ write: (inout Self, T) throws -> Void
    ) throws {
        guard !values.isEmpty else { return }
        try element(wrapper) { xml in
            for value in values { try write(&xml, value) }
        }
    }
}
