import Foundation
import Testing
import TrialModel

@testable import Extraction

/// The shared ClinicalTrials.gov examples must match every key of their expected files (`expect` and
/// `optional`), except the keys enrichers fill (`drugs.*`, `crossReferences.*`, `seeAlso.*`); for
/// `seeAlso#` the extractor's listed links are counted instead.
@Suite struct CTGovExpectedRecordTests {
    static let sharedFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared")

    static func input(_ relativePath: String) throws -> ExtractionInput {
        let url = sharedFolder.appendingPathComponent(relativePath)
        let bytes = [UInt8](try Data(contentsOf: url))
        return ExtractionInput(
            bytes: bytes, sourcePath: url.lastPathComponent, pipeline: "test",
            processedAt: "2025-01-01T00:00:00Z")
    }

    @Test(arguments: ["NCT03377387.json", "NCT03377387.xml"])
    func sharedExampleMatchesExpectedRecord(document: String) throws {
        let records = try DocumentExtractor().extract(try Self.input("corpus/ctgov/" + document))
        #expect(records.count == 1)
        let record = try #require(records.first)
        let expectedURL = Self.sharedFolder.appendingPathComponent(
            "corpus/ctgov-expected/\(document).json")
        let expected = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: expectedURL)) as? [String: Any])
        #expect(record.provenance.layout == expected["layout"] as? String)
        let checker = try ExpectedRecordChecker(record: record)
        var checked = 0
        for section in ["expect", "optional"] {
            let checks = try #require(expected[section] as? [String: Any])
            for (key, want) in checks.sorted(by: { $0.key < $1.key }) {
                if key == "seeAlso#" {
                    #expect(record.annotations.listedLinks.count == want as? Int, "\(document) \(key)")
                    checked += 1
                    continue
                }
                if key.hasPrefix("drugs.") || key.hasPrefix("crossReferences.") || key.hasPrefix("seeAlso.") {
                    continue
                }
                let failure = checker.failure(key: key, expected: want)
                #expect(failure == nil, "\(document) \(section) \(key): \(failure ?? "")")
                checked += 1
            }
        }
        #expect(checked >= 30)
    }

    @Test func checkerFlagsWrongValues() throws {
        var record = TrialRecord(
            id: "NCT00000001",
            provenance: Provenance(
                sourcePath: "x", sha256: "", bytes: 0, layout: "ctgov-json", pipeline: "t", processedAt: "t"
            ))
        record.conditions = ["Breast Cancer"]
        record.phases = [.phase1]
        let checker = try ExpectedRecordChecker(record: record)
        #expect(checker.failure(key: "conditions", expected: ["breast cancer."]) == nil)
        #expect(checker.failure(key: "phases", expected: ["PHASE1", "PHASE2"]) != nil)
        #expect(checker.failure(key: "id", expected: "NCT00000002") != nil)
        #expect(checker.failure(key: "eligibility.maximumAge", expected: NSNull()) == nil)
        #expect(checker.failure(key: "locations#", expected: 1) != nil)
    }
}

/// Evaluates the expected-file key syntax of `tools/README.md` against one record (strict: every check
/// must hold fully; partial list credit counts as a failure).
struct ExpectedRecordChecker {
    let json: [String: Any]

    init(record: TrialRecord) throws {
        let data = try JSONEncoder().encode(record)
        json = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    /// Nil when the check holds, else what was found.
    func failure(key: String, expected: Any) -> String? {
        if key.hasSuffix("#") {
            let got = Self.list(value(at: String(key.dropLast()))).count
            return got == expected as? Int ? nil : "count \(got)"
        }
        if key.hasSuffix("]"), let open = key.lastIndex(of: "[") {
            let index = Int(key[key.index(after: open)..<key.index(before: key.endIndex)]) ?? 0
            let items = Self.list(value(at: String(key[..<open])))
            let got: Any? = index < items.count ? items[index] : nil
            return Self.matches(expected, got) ? nil : "got \(String(describing: got))"
        }
        if key.hasSuffix("^") {
            let got = value(at: String(key.dropLast())) as? String
            let ok = got.map { Self.norm($0).hasPrefix(Self.norm(expected as? String ?? "")) } ?? false
            return ok ? nil : "got \(got ?? "nil")"
        }
        let parts = key.split(separator: ".", maxSplits: 1).map(String.init)
        if let keyed = expected as? [String: Any], keyed["anyOf"] == nil, parts.count == 2,
            let keyField = Self.keyFields[parts[0]]
        {
            for (itemKey, want) in keyed {
                let item = Self.list(json[parts[0]]).compactMap { $0 as? [String: Any] }
                    .first { Self.norm($0[keyField] as? String ?? "") == Self.norm(itemKey) }
                guard let item else { return "no item \(itemKey)" }
                if !Self.matches(want, item[parts[1]]) {
                    return "\(itemKey): got \(String(describing: item[parts[1]]))"
                }
            }
            return nil
        }
        let got = value(at: key)
        if let wanted = expected as? [Any] {
            var remaining = Self.list(got).flatMap { Self.list($0) }
            for want in wanted {
                guard let hit = remaining.firstIndex(where: { Self.matches(want, $0) }) else {
                    return "missing \(want)"
                }
                remaining.remove(at: hit)
            }
            return remaining.isEmpty ? nil : "extra \(remaining)"
        }
        return Self.matches(expected, got) ? nil : "got \(String(describing: got))"
    }

    static let keyFields = [
        "seeAlso": "nctId", "drugs": "name", "crossReferences": "nctId", "interventions": "name",
        "primaryOutcomes": "measure", "secondaryOutcomes": "measure", "armGroups": "label",
    ]

    /// The value at a dotted path; a list along the way maps over its items.
    func value(at path: String) -> Any? {
        var current: [Any?] = [json]
        var mapped = false
        for part in path.split(separator: ".") {
            var next: [Any?] = []
            for item in current {
                if let list = item as? [Any] {
                    mapped = true
                    next.append(contentsOf: list.map { ($0 as? [String: Any])?[String(part)] })
                } else {
                    next.append((item as? [String: Any])?[String(part)])
                }
            }
            current = next
        }
        if !mapped, current.count == 1 { return current[0] }
        return current.compactMap { $0 }
    }

    static func list(_ value: Any?) -> [Any] {
        switch value {
        case nil, is NSNull: return []
        case let list as [Any]: return list
        case let value?: return [value]
        }
    }

    static func norm(_ text: String) -> String {
        var collapsed = CTGovText.collapse(text)
        while let last = collapsed.last, ";.,:".contains(last) { collapsed.removeLast() }
        return CTGovText.trim(collapsed).lowercased()
    }

    static func matches(_ expected: Any, _ got: Any?) -> Bool {
        if let any = (expected as? [String: Any])?["anyOf"] as? [Any] {
            return any.contains { matches($0, got) }
        }
        switch (expected, got) {
        case (is NSNull, nil), (is NSNull, is NSNull): return true
        case (let want as String, let have as String): return norm(want) == norm(have)
        case (let want as NSNumber, let have as NSNumber): return want == have
        default: return false
        }
    }
}
