import Foundation
import PipelineTesting
import Testing
import TrialModel

@testable import Extraction

/// The development set: real page texts from sites without a layout of their own
/// (`Fixtures/devset/pages`), annotated with only what each text states (`Fixtures/devset/expected`), scored
/// per site through the real extraction path. Drugs and cross-references belong to the enrichers and are
/// scored with the binary (`Scripts/score-devset`).
@Suite struct DevSetScoreTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/devset")

    @Test func scoresAtLeastTheGoalOverallAndOnEverySite() throws {
        let expected = Self.folder.appendingPathComponent("expected")
        let names = try FileManager.default.contentsOfDirectory(atPath: expected.path)
            .filter { $0.hasSuffix(".json") }.sorted()
        #expect(names.count >= 40)
        var scoresBySite: [String: [Double]] = [:]
        for name in names {
            let data = try Data(contentsOf: expected.appendingPathComponent(name))
            let gold = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let document = try #require(gold["document"] as? String)
            let expect = try #require(gold["expect"] as? [String: Any])
            let bytes = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent("pages/\(document)")))
            let record = try Fixture.record(bytes: bytes, path: document)
            let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(record))
            let result = ExpectedRecordChecker.check(record: json, expect: expect) { key in
                !key.hasPrefix("drugs.") && !key.hasPrefix("crossReferences.")
            }
            let site = String(document.prefix { $0 != "-" })
            scoresBySite[site, default: []] += result.scores
        }
        let all = scoresBySite.values.flatMap { $0 }
        let overall = all.reduce(0, +) / Double(max(all.count, 1))
        print(String(format: "dev set: %.3f over %d checks (%d sites)", overall, all.count, scoresBySite.count))
        for (site, scores) in scoresBySite.sorted(by: { $0.key < $1.key }) {
            let mean = scores.reduce(0, +) / Double(scores.count)
            print(String(format: "  %-22@ %.3f over %d checks", site as NSString, mean, scores.count))
            #expect(mean >= 0.60, "site \(site) scores \(mean)")
        }
        #expect(scoresBySite.count >= 12)
        #expect(overall >= 0.85, "dev set scores \(overall)")
    }
}
