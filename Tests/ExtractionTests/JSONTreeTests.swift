import Foundation
import Testing

@testable import Extraction

/// The byte-level JSON reader against Foundation's `JSONSerialization` as the oracle: every shared
/// ClinicalTrials.gov JSON file reads to the same tree, and what the strict reader refuses is refused.
@Suite struct JSONTreeTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus")

    static func jsonFiles() throws -> [URL] {
        var files: [URL] = []
        for folder in ["ctgov", "ctgov-bench"] {
            let directory = corpus.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
            where name.hasSuffix(".json") {
                files.append(directory.appendingPathComponent(name))
            }
        }
        return files
    }

    /// Whether a tree holds what Foundation made of the same text (numbers compared as Foundation's numbers).
    static func same(_ tree: JSONTree, _ value: Any) -> Bool {
        switch tree {
        case .null: return type(of: value) == NSNull.self
        case .bool(let flag):
            guard let number = value as? NSNumber, String(cString: number.objCType) == "c" else { return false }
            return number.boolValue == flag
        case .number(let literal):
            guard let number = value as? NSNumber,
                let oracle = try? JSONSerialization.jsonObject(with: Data(literal.utf8), options: [.fragmentsAllowed])
                    as? NSNumber
            else { return false }
            return number == oracle && number.stringValue == oracle.stringValue
        case .string(let string): return (value as? String) == string
        case .array(let items):
            guard let values = value as? [Any], values.count == items.count else { return false }
            return zip(items, values).allSatisfy { same($0, $1) }
        case .object(let members):
            guard let values = value as? [String: Any], values.count == members.count else { return false }
            return members.allSatisfy { key, member in values[key].map { same(member, $0) } ?? false }
        }
    }

    @Test func everySharedClinicalTrialsFileReadsAsFoundationReadsIt() throws {
        let files = try Self.jsonFiles()
        #expect(files.count >= 10)
        for file in files {
            let bytes = [UInt8](try Data(contentsOf: file))
            let oracle = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
            let tree = try #require(JSONTree.parse(bytes), "\(file.lastPathComponent) was refused")
            #expect(Self.same(tree, oracle), "\(file.lastPathComponent) reads differently")
        }
    }

    @Test(arguments: [
        #"{"a": [1, -2.5e3, 0, true, false, null, "x\"y\\z\/\b\f\n\r\t"]}"#,
        #"["\u00e9\u4e2d\ud83d\ude00", "é中😀", 1E+2, -0.0]"#,
        #"  "fragment"  "#,
        #"{"dup": 1, "dup": 2}"#,
    ])
    func valuesReadAsFoundationReadsThem(text: String) throws {
        let tree = try #require(JSONTree.parse(Array(text.utf8)))
        let oracle = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        #expect(Self.same(tree, oracle))
    }

    @Test(arguments: [
        "", "[1,]", "{\"a\":1,}", "[01]", "[1.]", "[.5]", "[+1]", "\u{FEFF}{}", "{\"a\" 1}", "[\"\\ud800\"]",
        "[\"\\udc00x\"]", "[\"tab\there\"]", "[\"\\x\"]", "[1] 2", "{'a': 1}", "[NaN]", "[tru]", "[\"open",
        String(repeating: "[", count: 600) + String(repeating: "]", count: 600),
    ])
    func refusesWhatIsNotStrictJSON(text: String) {
        #expect(JSONTree.parse(Array(text.utf8)) == nil)
    }

    /// A document with every refused text above placed as the value of an unread member.
    static func unreadMember(_ value: String) -> [UInt8] { Array(#"{"kept": [1], "skipped": \#(value)}"#.utf8) }

    @Test func unreadMembersAreCheckedButNotBuilt() throws {
        let text = #"{"kept": {"skipped": 1, "b": "x"}, "skipped": {"deep": [1, "é", {"c": null}]}}"#
        let tree = try #require(JSONTree.parse(Array(text.utf8), unreadMembers: ["skipped"]))
        let expected = try JSONSerialization.jsonObject(
            with: Data(#"{"kept": {"skipped": null, "b": "x"}, "skipped": null}"#.utf8))
        #expect(Self.same(tree, expected))
        for refused in [
            "[1,]", "{\"a\":1,}", "[01]", "[\"\\ud800\"]", "[\"tab\there\"]", "{'a': 1}", "[tru]", "[\"open",
            String(repeating: "[", count: 600) + String(repeating: "]", count: 600),
        ] {
            #expect(JSONTree.parse(Self.unreadMember(refused), unreadMembers: ["skipped"]) == nil, "\(refused)")
            #expect(JSONTree.parse(Self.unreadMember(refused)) == nil, "\(refused)")
        }
        let accepted = Self.unreadMember("[1, {\"a\": [true, false, null, -1.5e3]}]")
        #expect(JSONTree.parse(accepted, unreadMembers: ["skipped"]) != nil)
    }

    @Test func refusesBytesThatAreNotUTF8() {
        #expect(JSONTree.parse([0x5B, 0x22, 0xFF, 0x22, 0x5D]) == nil)
        #expect(JSONTree.parse([0x5B, 0x22, 0xC3, 0x22, 0x5D]) == nil)
    }
}
