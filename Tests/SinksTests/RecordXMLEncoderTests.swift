import Foundation
import FoundationXML
import PipelineTesting
import Testing
import TrialModel
import XMLSupport

@testable import Sinks

private func provenance() -> Provenance {
    Provenance(
        sourcePath: "inbox/a.txt", sha256: String(repeating: "ab", count: 32), bytes: 10,
        layout: "generic",
        pipeline: "default", processedAt: "2025-01-01T00:00:00Z")
}

private func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

private func childElements(_ element: FoundationXML.XMLElement) -> [FoundationXML.XMLElement] {
    element.children?.compactMap { $0 as? FoundationXML.XMLElement } ?? []
}

/// A JSON value read with `JSONDecoder` (Foundation's `JSONSerialization` on Linux drops U+FEFF).
private indirect enum JSONValue: Decodable {
    case object([String: JSONValue])
    case array([JSONValue])
    case string(String)
    case int(Int)
    case bool(Bool)
    case null

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        if let object = try? decoder.container(keyedBy: Key.self) {
            var values: [String: JSONValue] = [:]
            for key in object.allKeys {
                values[key.stringValue] = try object.decode(JSONValue.self, forKey: key)
            }
            self = .object(values)
        } else if var array = try? decoder.unkeyedContainer() {
            var values: [JSONValue] = []
            while !array.isAtEnd { values.append(try array.decode(JSONValue.self)) }
            self = .array(values)
        } else {
            let single = try decoder.singleValueContainer()
            if single.decodeNil() {
                self = .null
            } else if let bool = try? single.decode(Bool.self) {
                self = .bool(bool)
            } else if let int = try? single.decode(Int.self) {
                self = .int(int)
            } else {
                self = .string(try single.decode(String.self))
            }
        }
    }

    /// Whether a sink omits this value (null or an empty list).
    var isOmitted: Bool {
        switch self {
        case .null: true
        case .array(let items): items.isEmpty
        default: false
        }
    }
}

/// Checks that an XML element holds exactly what the record's JSON value holds: one child per non-null,
/// non-empty key (same name), list items as children, and text equal to the JSON string minus the
/// characters XML cannot carry.
private func expectSame(
    _ xml: FoundationXML.XMLElement, _ json: JSONValue, _ path: String, skipping skipped: String? = nil
) {
    switch json {
    case .object(let object):
        var expectedCount = 0
        for (key, value) in object where key != skipped {
            if value.isOmitted {
                #expect(xml.elements(forName: key).isEmpty, "\(path).\(key) should be omitted")
                continue
            }
            expectedCount += 1
            let matches = xml.elements(forName: key)
            #expect(matches.count == 1, "\(path).\(key): \(matches.count) elements")
            if let child = matches.first { expectSame(child, value, path + "." + key) }
        }
        #expect(childElements(xml).count == expectedCount, "\(path): unexpected children")
    case .array(let array):
        let items = childElements(xml)
        #expect(items.count == array.count, "\(path): \(items.count) items for \(array.count)")
        for (index, (item, value)) in zip(items, array).enumerated() {
            expectSame(item, value, "\(path)[\(index)]")
        }
    case .string(let string):
        #expect(xml.stringValue == XMLTextWriter.removingDisallowedCharacters(string), "\(path)")
    case .int(let int):
        #expect(xml.stringValue == String(int), "\(path)")
    case .bool(let bool):
        #expect(xml.stringValue == (bool ? "true" : "false"), "\(path)")
    case .null:
        Issue.record("\(path): null should have been omitted")
    }
}

@Suite("RecordXMLEncoder")
struct RecordXMLEncoderTests {
    let validator: XMLSchemaValidator

    init() throws {
        validator = try XMLSchemaValidator(schema: TrialRecordXSD.load())
    }

    private func expectValid(_ document: [UInt8], _ label: String) {
        let diagnostics = validator.validate(document)
        #expect(diagnostics.isEmpty, "\(label): \(diagnostics.prefix(3).map(\.description))")
    }

    /// Validates a document of the records and checks every trial against the record's JSON.
    private func checkRecords(_ records: [TrialRecord], indented: Bool, _ label: String) throws {
        let bytes = RecordXMLEncoder(indented: indented).encodeDocument(records)
        expectValid(bytes, label)
        let root = try #require(try XMLDocument(data: Data(bytes)).rootElement())
        #expect(root.name == "trials" && root.uri == TrialRecordXSD.namespace)
        let trials = root.elements(forName: "trial")
        try #require(trials.count == records.count)
        for (index, (trial, record)) in zip(trials, records).enumerated() {
            #expect(trial.attributes?.first { $0.name == "id" }?.stringValue == record.id)
            let json = try JSONDecoder().decode(
                JSONValue.self, from: Data(RecordJSONWriter.encode(record)))
            // The id is the trial's attribute, not a child.
            expectSame(trial, json, "\(label) record \(index)", skipping: "id")
        }
    }

    @Test("the shipped XSD loads from the bundle and compiles")
    func schemaLoads() throws {
        let schema = try TrialRecordXSD.load()
        #expect(text(schema).contains("targetNamespace=\"urn:trialpipe:record:1\""))
        _ = try XMLSchemaValidator(schema: schema)
    }

    @Test("random records with hostile text validate and carry the same values as their JSON")
    func randomRecords() throws {
        var records: [TrialRecord] = []
        for seed in 0..<300 as Range<UInt64> {
            var generator = RandomRecords(seed: seed, wild: false)
            records.append(generator.record())
        }
        try checkRecords(records, indented: false, "compact")
        try checkRecords(Array(records.prefix(60)), indented: true, "indented")
    }

    @Test("the all-null record, fully filled records and every enum case validate")
    func edgeRecords() throws {
        var generator = RandomRecords(seed: 99, wild: false)
        var records = [TrialRecord(id: "doc-0123456789abcdef", provenance: provenance())]
        records.append(generator.fullRecord())
        for index in 0..<OverallStatus.allCases.count { records.append(generator.enumSweep(index)) }
        try checkRecords(records, indented: false, "edge")
        try checkRecords(records, indented: true, "edge indented")
    }

    @Test("the all-null record writes only the always-present parts")
    func emptyRecordLayout() {
        let record = TrialRecord(id: "NCT01234567", provenance: provenance())
        let element = text(RecordXMLEncoder().trialElement(record))
        #expect(
            element
                == "<trial id=\"NCT01234567\"><schemaVersion>1</schemaVersion><provenance>"
                + "<sourcePath>inbox/a.txt</sourcePath><sha256>\(String(repeating: "ab", count: 32))</sha256>"
                + "<bytes>10</bytes><layout>generic</layout><pipeline>default</pipeline>"
                + "<processedAt>2025-01-01T00:00:00Z</processedAt></provenance><design/><dates/>"
                + "<eligibility/></trial>\n")
    }

    @Test("lists are wrapper elements of singular items")
    func listLayout() throws {
        var record = TrialRecord(id: "NCT01234567", provenance: provenance())
        record.phases = [.phase1, .phase2]
        record.eligibility.inclusion = ["Adults", "Consent"]
        record.drugs = [
            Drug(
                name: "thalidomide", foundIn: ["interventions"], atc: ["L04AX02"],
                classes: ["Angiogenesis Inhibitors"])
        ]
        record.seeAlso = [
            SeeAlsoLink(nctId: "NCT07654321", url: "https://clinicaltrials.gov/study/NCT07654321")
        ]
        record.referencedBy = ["doc-0123456789abcdef"]
        let element = text(RecordXMLEncoder().trialElement(record))
        #expect(element.contains("<phases><phase>PHASE1</phase><phase>PHASE2</phase></phases>"))
        #expect(
            element.contains(
                "<inclusion><criterion>Adults</criterion><criterion>Consent</criterion></inclusion>"))
        #expect(
            element.contains(
                "<drug><name>thalidomide</name><foundIn><field>interventions</field></foundIn>"
                    + "<atc><code>L04AX02</code></atc><classes><class>Angiogenesis Inhibitors</class></classes>"
                    + "<role>mentioned</role></drug>"))
        #expect(element.contains("<seeAlso><link><nctId>NCT07654321</nctId><url>"))
        #expect(element.contains("<referencedBy><id>doc-0123456789abcdef</id></referencedBy>"))
    }

    @Test("text is escaped and control characters are dropped; the element re-parses")
    func escaping() throws {
        var record = TrialRecord(id: "NCT01234567", provenance: provenance())
        record.briefTitle = "A & B < C > D ]]> \"E\"\u{1}\u{0}\u{FFFE} 😀"
        let bytes = RecordXMLEncoder().encodeDocument([record])
        #expect(
            text(bytes).contains(
                "<briefTitle>A &amp; B &lt; C &gt; D ]]&gt; &quot;E&quot; 😀</briefTitle>"))
        expectValid(bytes, "escaping")
    }

    @Test("a document is the header, one element per record, then the footer")
    func documentFrame() {
        var generator = RandomRecords(seed: 5, wild: false)
        let records = (0..<3).map { _ in generator.record() }
        let encoder = RecordXMLEncoder()
        let pieces = records.map(encoder.trialElement)
        #expect(
            encoder.encodeDocument(records) == RecordXMLEncoder.documentHeader + pieces.joined()
                + RecordXMLEncoder.documentFooter)
        #expect(
            text(RecordXMLEncoder.documentHeader)
                == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<trials xmlns=\"urn:trialpipe:record:1\">\n"
        )
        #expect(text(RecordXMLEncoder.documentFooter) == "</trials>\n")
        #expect(pieces.allSatisfy { $0.last == 0x0A && text($0).hasPrefix("<trial id=\"") })
        expectValid(encoder.encodeDocument([]), "empty document")
    }

    @Test("a collection grown batch by batch before its footer stays valid after every batch")
    func appendingBatches() {
        let encoder = RecordXMLEncoder()
        var file = RecordXMLEncoder.documentHeader + RecordXMLEncoder.documentFooter
        var generator = RandomRecords(seed: 42, wild: false)
        for batch in 0..<5 {
            file.removeLast(RecordXMLEncoder.documentFooter.count)
            for _ in 0..<(batch + 1) { file += encoder.trialElement(generator.record()) }
            file += RecordXMLEncoder.documentFooter
            expectValid(file, "after batch \(batch)")
        }
        #expect(text(file).components(separatedBy: "<trial id=").count - 1 == 15)
    }

    @Test("a wrong document fails validation with a message naming the element, value and line")
    func wrongDocuments() throws {
        var record = TrialRecord(id: "NCT01234567", provenance: provenance())
        record.overallStatus = .recruiting
        let good = text(RecordXMLEncoder(indented: true).encodeDocument([record]))
        expectValid(Array(good.utf8), "unchanged")

        let badStatus = good.replacingOccurrences(of: "RECRUITING", with: "RUNNING")
        let status = try #require(validator.validate(Array(badStatus.utf8)).first)
        #expect(status.stage == .validation)
        #expect(status.message.contains("overallStatus") && status.message.contains("RUNNING"))
        let statusLine = badStatus.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("RUNNING") }
        #expect(status.line == (statusLine ?? -1) + 1)

        let noProvenance = good.replacingOccurrences(
            of: #"<provenance>[\s\S]*</provenance>"#, with: "", options: .regularExpression)
        #expect(
            validator.validate(Array(noProvenance.utf8)).contains { $0.message.contains("provenance") })

        let unknownField = good.replacingOccurrences(
            of: "<design/>", with: "<design/><color>red</color>")
        #expect(validator.validate(Array(unknownField.utf8)).contains { $0.message.contains("color") })

        let wrongNamespace = good.replacingOccurrences(of: TrialRecordXSD.namespace, with: "urn:other")
        #expect(!validator.validate(Array(wrongNamespace.utf8)).isEmpty)

        let truncated = Array(good.utf8.dropLast(20))
        #expect(validator.validate(truncated).first?.stage == .parse)
    }

    @Test("records that break the contract's patterns are caught by the XSD")
    func contractViolations() {
        var record = TrialRecord(id: "NCT01234567", provenance: provenance())
        record.nctId = "NCT123"
        record.dates.statusVerified = "March 2024"
        record.drugs = [Drug(name: "Thalidomide", atc: ["bad"])]
        record.briefTitle = ""
        let diagnostics = validator.validate(RecordXMLEncoder().encodeDocument([record]))
        for field in ["nctId", "statusVerified", "name", "code", "briefTitle"] {
            #expect(diagnostics.contains { $0.message.contains(field) }, "\(field) not reported")
        }
        var badID = TrialRecord(id: "trial-1", provenance: provenance())
        badID.enrollment = Enrollment(count: -1)
        let idDiagnostics = validator.validate(RecordXMLEncoder().encodeDocument([badID]))
        #expect(idDiagnostics.contains { $0.message.contains("'id'") })
        #expect(idDiagnostics.contains { $0.message.contains("count") })
    }
}

@Suite("RecordXMLEncoder against libxml2")
struct RecordXMLEncoderReferenceTests {
    @Test("every trial element is byte for byte what libxml2's writer makes of the same record")
    func sameBytesAsLibXML() throws {
        var records: [TrialRecord] = []
        for seed in 0..<400 as Range<UInt64> {
            var generator = RandomRecords(seed: seed, wild: seed % 2 == 0)
            records.append(generator.record())
        }
        var generator = RandomRecords(seed: 7, wild: true)
        records.append(generator.fullRecord())
        for index in 0..<OverallStatus.allCases.count { records.append(generator.enumSweep(index)) }
        records.append(TrialRecord(id: "doc-0123456789abcdef", provenance: provenance()))
        for indented in [false, true] {
            let encoder = RecordXMLEncoder(indented: indented)
            for record in records {
                let fast = encoder.trialElement(record)
                let reference = try encoder.trialElementThroughLibXML(record)
                #expect(fast == reference, "\(record.id) indented: \(indented)")
                if fast != reference { return }
            }
        }
    }
}
