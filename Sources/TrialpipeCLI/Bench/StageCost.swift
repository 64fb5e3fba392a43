import Enrichment
import Foundation
import Logging
import Pipeline
import Sinks
import Synchronization
import TrialModel

/// What each step of a document's path costs in CPU time, one document at a time on one thread.
///
/// Reading and hashing, every stage in order, encoding the JSON line and the XML document are timed separately with the
/// thread's CPU clock (not the wall clock, so other work on the machine does not count), over every document
/// of a folder, three times; the least of the three passes is kept for each step.
struct StageCost {
    /// One step and its cost.
    struct Step: Codable {
        var step: String
        var microsecondsPerDocument: Double
    }

    let stages: [any Stage]

    /// Microseconds of CPU per document for each step over the files of `folder`.
    func measure(folder: String, logger: Logger) async throws -> (documents: Int, steps: [Step]) {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { !$0.hasPrefix(".") }.sorted()
        let files = names.compactMap { name in
            FileManager.default.contents(atPath: folder + "/" + name).map { (name, [UInt8]($0)) }
        }
        let labels = ["read and hash"] + stages.map(\.name) + ["json line", "xml document"]
        var best = [Double](repeating: .infinity, count: labels.count)
        let xml = RecordXMLEncoder(indented: true)
        let context = StageContext(pipeline: "bench", processedAt: Timestamp.now(), logger: logger)
        for _ in 0..<3 {
            var totals = [Double](repeating: 0, count: labels.count)
            for (name, bytes) in files {
                var started = Self.threadCPUSeconds()
                var document = PipelineDocument(sourcePath: name, bytes: bytes, sha256: SHA256.hex(bytes))
                var now = Self.threadCPUSeconds()
                totals[0] += now - started
                for (index, stage) in stages.enumerated() {
                    started = now
                    do { document = try await stage.process(document, context: context) } catch { break }
                    now = Self.threadCPUSeconds()
                    totals[index + 1] += now - started
                }
                started = now
                var line: [UInt8] = []
                for record in document.records { RecordJSONWriter.append(record, to: &line) }
                now = Self.threadCPUSeconds()
                totals[labels.count - 2] += now - started
                started = now
                _ = xml.encodeDocument(document.records)
                totals[labels.count - 1] += Self.threadCPUSeconds() - started
            }
            for index in best.indices { best[index] = min(best[index], totals[index]) }
        }
        let count = max(files.count, 1)
        return (
            files.count,
            zip(labels, best).map { Step(step: $0, microsecondsPerDocument: $1 / Double(count) * 1e6) }
        )
    }

    /// The calling thread's CPU time in seconds.
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// The steps as a table, with their total.
    static func table(documents: Int, steps: [Step]) -> String {
        var lines = ["CPU per document, one thread, least of 3 passes over \(documents) documents:"]
        for step in steps {
            lines.append(
                step.step.padding(toLength: 16, withPad: " ", startingAt: 0)
                    + String(format: "%9.1f µs", step.microsecondsPerDocument))
        }
        let total = steps.reduce(0) { $0 + $1.microsecondsPerDocument }
        lines.append("total".padding(toLength: 16, withPad: " ", startingAt: 0) + String(format: "%9.1f µs", total))
        return lines.joined(separator: "\n")
    }
}
