import Foundation
import Testing
import TrialModel

@testable import Extraction

/// The seeds rewritten the ways other pages of the same sites print them: other list markers, criteria
/// wrapped at a narrow width or run together on one line. The criteria must come out the same.
@Suite struct SeedVariantTests {
    enum Variant: String, CaseIterable {
        case parenNumbers, closingParens, letters, bullets, dashes, wrapped, inline
    }

    static func seed(_ prefix: String) throws -> String {
        let folder = SeedCorpusTests.corpus.appendingPathComponent("seeds")
        let name = try #require(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasPrefix(prefix) })
        return try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    /// Rewrites the numbered criteria lines ("  1. text") of a MedPath page.
    static func rewrite(_ page: String, as variant: Variant) -> String {
        var out: [String] = []
        var inlineBuffer: [String] = []
        func flushInline() {
            if !inlineBuffer.isEmpty { out.append(inlineBuffer.joined(separator: " ")) }
            inlineBuffer.removeAll()
        }
        for line in page.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard let dot = trimmed.firstIndex(of: "."), let n = Int(trimmed[..<dot]), n < 30 else {
                flushInline()
                out.append(line)
                continue
            }
            let text = trimmed[trimmed.index(after: dot)...].trimmingCharacters(in: .whitespaces)
            let letter = String(UnicodeScalar(UInt8(96 + n)))
            switch variant {
            case .parenNumbers: out.append("(\(n)) \(text)")
            case .closingParens: out.append("\(n)) \(text)")
            case .letters: out.append("\(letter). \(text)")
            case .bullets: out.append("· \(text)")
            case .dashes: out.append("- \(text)")
            case .wrapped:
                var rest = Substring("\(n). \(text)")
                while rest.count > 50, let cut = rest.prefix(50).lastIndex(of: " ") {
                    out.append(String(rest[..<cut]))
                    rest = rest[rest.index(after: cut)...]
                }
                out.append(String(rest))
            case .inline: inlineBuffer.append("\(n). \(text)")
            }
        }
        flushInline()
        return out.joined(separator: "\n")
    }

    @Test(arguments: Variant.allCases)
    func medPathCriteriaSurviveOtherListStyles(_ variant: Variant) throws {
        let original = try Fixture.record(try Self.seed("000_"))
        let record = try Fixture.record(Self.rewrite(try Self.seed("000_"), as: variant))
        #expect(record.eligibility.inclusion == original.eligibility.inclusion)
        #expect(record.eligibility.exclusion == original.eligibility.exclusion)
        #expect(record.eligibility.inclusion.count == 9)
        #expect(record.id == original.id)
    }

    @Test(arguments: [Variant.parenNumbers, .closingParens, .wrapped, .inline])
    func overviewCriteriaSurviveOtherListStyles(_ variant: Variant) throws {
        let page = try Self.seed("004_").replacingOccurrences(
            of: "Inclusion Criteria:1.", with: "Inclusion Criteria:\n1.")
        let original = try Fixture.record(page)
        let record = try Fixture.record(Self.rewrite(page, as: variant))
        #expect(record.eligibility.inclusion.count == 11)
        #expect(record.eligibility.exclusion.count == 6)
        #expect(record.eligibility.inclusion.first == original.eligibility.inclusion.first)
        #expect(record.eligibility.exclusion.last == original.eligibility.exclusion.last)
    }
}
