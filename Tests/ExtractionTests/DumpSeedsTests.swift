import Foundation
import Testing
import TrialModel

@testable import Extraction

@Suite struct DumpSeedsTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["DUMP_SEEDS"] != nil))
    func dump() throws {
        let out = ProcessInfo.processInfo.environment["DUMP_SEEDS"]!
        var text = ""
        for name in SeedCorpusTests.seedNames {
            let document = name.replacingOccurrences(of: ".json", with: ".txt")
            let (_, json) = try SeedCorpusTests.recordJSON(for: document)
            let data = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])
            text += String(decoding: data, as: UTF8.self) + "\n"
        }
        try text.write(toFile: out, atomically: true, encoding: .utf8)
    }
}
