import Foundation
public import Pipeline
import Synchronization

/// Shows the progress of one `run --once` pass on a terminal: counts documents that are done (committed,
/// quarantined or skipped) from pipeline events, and redraws one line on stderr at most `updatesPerSecond`
/// times a second. On anything but a terminal it shows nothing.
public final class ProgressReporter: PipelineEvents {
    private struct Counts {
        var done = 0
        var total = 0
        var shown = ""
    }

    private let counts = Mutex<Counts>(Counts())
    private let pipeline: String
    private let write: @Sendable (String) -> Void
    private let interval: Duration
    /// Whether the line is drawn at all (stderr is a terminal).
    public let isEnabled: Bool
    private let ticker = Mutex<Task<Void, Never>?>(nil)

    /// A reporter for one pipeline's pass.
    /// - Parameters:
    ///   - isTerminal: whether to draw (by default: whether stderr is a terminal).
    ///   - write: where the drawing goes (by default stderr).
    public init(
        pipeline: String, updatesPerSecond: Double = 4, isTerminal: Bool? = nil,
        write: (@Sendable (String) -> Void)? = nil
    ) {
        self.pipeline = pipeline
        self.interval = .milliseconds(Int(1000 / max(updatesPerSecond, 0.1)))
        self.isEnabled = isTerminal ?? (isatty(STDERR_FILENO) == 1)
        self.write = write ?? { text in FileHandle.standardError.write(Data(text.utf8)) }
    }

    /// Starts redrawing for a pass over `total` documents, to which the documents the source discovers are
    /// added (nothing is drawn when not on a terminal).
    public func start(total: Int = 0) {
        counts.withLock { $0.total = total }
        guard isEnabled else { return }
        let started = ContinuousClock.now
        let task = Task { [interval] in
            while !Task.isCancelled {
                self.draw(elapsed: started.duration(to: .now))
                try? await Task.sleep(for: interval)
            }
        }
        ticker.withLock { $0 = task }
    }

    /// Stops redrawing and clears the line, so the closing summary stands alone.
    public func finish() async {
        let task = ticker.withLock { task -> Task<Void, Never>? in
            defer { task = nil }
            return task
        }
        guard let task else { return }
        task.cancel()
        await task.value
        write("\r\u{1B}[K")
    }

    /// Documents done so far.
    public var done: Int { counts.withLock { $0.done } }

    private func draw(elapsed: Duration) {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let line = counts.withLock { counts -> String? in
            let line = ProgressLine.render(
                pipeline: pipeline, done: counts.done, total: counts.total, elapsed: seconds)
            guard line != counts.shown else { return nil }
            counts.shown = line
            return line
        }
        if let line { write("\r" + line + "\u{1B}[K") }
    }

    public func documentsDiscovered(pipeline: String, count: Int) {
        counts.withLock { $0.total += count }
    }

    public func batchCommitted(pipeline: String, batch: CommittedBatch) {
        counts.withLock { $0.done += batch.documents.count }
    }

    public func documentFailed(pipeline: String, name: String, stage: String, code: String) {
        counts.withLock { $0.done += 1 }
    }

    public func documentSkipped(pipeline: String, name: String) {
        counts.withLock { $0.done += 1 }
    }
}
