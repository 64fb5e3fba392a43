import Foundation
import Testing
import TrialModel

@testable import Extraction

/// Throughput of text extraction over the seeds, for release builds; skipped unless
/// `TRIALPIPE_THROUGHPUT` is set (`swift test -c release -Xswiftc -enable-testing --filter ThroughputTests`).
@Suite struct ThroughputTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["TRIALPIPE_THROUGHPUT"] != nil))
    func seedsRepeatedAThousandTimes() throws {
        let folder = SeedCorpusTests.corpus.appendingPathComponent("seeds")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }
        let documents = try names.sorted().map { name in
            let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(name)))
            let input = ExtractionInput(
                bytes: bytes, sourcePath: name, pipeline: "bench", processedAt: "2025-01-01T00:00:00Z")
            return (input, TextDecoder.decode(bytes).text)
        }
        let rounds = 1000
        var fields = 0
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for _ in 0..<rounds {
                for (input, text) in documents {
                    let record = TextExtraction.extract(text: text, input: input, warnings: []).record
                    fields &+= record.eligibility.inclusion.count
                }
            }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let count = rounds * documents.count
        let bytes = documents.reduce(0) { $0 + $1.0.bytes.count } * rounds
        print(
            "text extraction: \(count) documents in \(String(format: "%.3f", seconds)) s = "
                + "\(Int(Double(count) / seconds)) docs/s, \(String(format: "%.1f", Double(bytes) / seconds / 1e6)) MB/s"
        )
        #expect(fields > 0)
    }
}
