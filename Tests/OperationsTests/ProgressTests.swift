import Operations
import Pipeline
import Synchronization
import Testing

@Suite("Progress display")
struct ProgressTests {
    @Test func theLineSaysDoneTotalRateAndTimeLeft() {
        #expect(
            ProgressLine.render(pipeline: "trials", done: 1200, total: 5000, elapsed: 1.5)
                == "trials: 1200/5000 documents (24%), 800 documents/s, 0:05 left")
        #expect(
            ProgressLine.render(pipeline: "trials", done: 3, total: 100, elapsed: 2)
                == "trials: 3/100 documents (3%), 1.5 documents/s, 1:05 left")
        #expect(
            ProgressLine.render(pipeline: "trials", done: 0, total: 10, elapsed: 0.3)
                == "trials: 0/10 documents (0%), starting")
        #expect(ProgressLine.duration(3725) == "1:02:05")
        #expect(ProgressLine.duration(0) == "0:00")
    }

    @Test func drawsOnATerminalAtMostAtItsRateAndClearsTheLineAtTheEnd() async throws {
        let written = Mutex<[String]>([])
        let reporter = ProgressReporter(pipeline: "p", updatesPerSecond: 10, isTerminal: true) { text in
            written.withLock { $0.append(text) }
        }
        reporter.start(total: 4)
        reporter.documentSkipped(pipeline: "p", name: "a")
        reporter.batchCommitted(
            pipeline: "p",
            batch: CommittedBatch(
                documents: [.init(name: "b", layout: nil, latency: nil), .init(name: "c", layout: nil, latency: nil)],
                recordsBySink: [], committedAt: 0))
        try await Task.sleep(for: .milliseconds(550))
        await reporter.finish()
        let lines = written.withLock { $0 }
        #expect(reporter.done == 3)
        // 0.55 s at 10 updates a second: at most 6 draws plus the final clear.
        #expect(lines.count >= 2 && lines.count <= 7)
        #expect(lines.dropLast().allSatisfy { $0.hasPrefix("\r") && $0.hasSuffix("\u{1B}[K") })
        #expect(lines.dropLast().last?.contains("p: 3/4 documents (75%)") == true)
        #expect(lines.last == "\r\u{1B}[K")
    }

    @Test func drawsNothingWhenNotOnATerminal() async throws {
        let written = Mutex<[String]>([])
        let reporter = ProgressReporter(pipeline: "p", isTerminal: false) { text in written.withLock { $0.append(text) }
        }
        reporter.start(total: 2)
        reporter.documentSkipped(pipeline: "p", name: "a")
        try await Task.sleep(for: .milliseconds(300))
        await reporter.finish()
        #expect(written.withLock { $0 }.isEmpty)
        #expect(reporter.done == 1)
    }
}
