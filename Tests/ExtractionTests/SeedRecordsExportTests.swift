import Foundation
import Testing
import TrialModel

@testable import Extraction

/// Writes the seeds' records as JSON Lines (listed links in `seeAlso`) to the path in `SEED_RECORDS_JSONL`,
/// for `../shared/tools/score-records`; skipped when the variable is not set.
@Suite struct SeedRecordsExportTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["SEED_RECORDS_JSONL"] != nil))
    func writeSeedRecords() throws {
        let path = try #require(ProcessInfo.processInfo.environment["SEED_RECORDS_JSONL"])
        var text = ""
        for name in SeedCorpusTests.seedNames {
            let document = name.replacingOccurrences(of: ".json", with: ".txt")
            let (_, json) = try SeedCorpusTests.recordJSON(for: document)
            let data = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])
            text += String(decoding: data, as: UTF8.self) + "\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(text.split(separator: "\n").count == SeedCorpusTests.seedNames.count)
    }
}
