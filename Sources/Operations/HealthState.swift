import Foundation
public import Pipeline
import Synchronization

/// The daemon's health and readiness, kept up to date from pipeline events and checked against the file
/// system when asked.
///
/// A pipeline is healthy while its inbox folder exists and is watched, its last batch reached every sink, and
/// its state folder (the ledger) accepts writes. The daemon is ready once every pipeline it was told to
/// expect has started its first listing of the inbox.
public final class HealthState: PipelineEvents {
    struct Entry {
        var inbox: String?
        var stateDirectory: String?
        var started = false
        var watching: Bool?
        var sinkFailure: (sink: String, message: String)?
        var ledgerFailure: String?
    }

    private let entries = Mutex<[String: Entry]>([:])

    /// A state with no pipelines yet.
    public init() {}

    /// Tells the state about a pipeline before it starts, so its folders are checked and readiness waits for it.
    public func expect(pipeline: String, inbox: String, stateDirectory: String) {
        entries.withLock {
            var entry = $0[pipeline] ?? Entry()
            entry.inbox = inbox
            entry.stateDirectory = stateDirectory
            $0[pipeline] = entry
        }
    }

    /// Whether every expected pipeline has started its first listing (and at least one pipeline exists).
    public var isReady: Bool {
        entries.withLock { !$0.isEmpty && $0.values.allSatisfy(\.started) }
    }

    /// The problems now: the recorded events, plus a look at each inbox and state folder.
    public func report() -> HealthReport {
        let snapshot = entries.withLock { $0 }
        var problems: [HealthReport.Problem] = []
        for (name, entry) in snapshot.sorted(by: { $0.key < $1.key }) {
            if let inbox = entry.inbox, !Self.isDirectory(inbox) {
                problems.append(
                    .init(
                        pipeline: name, check: "inbox-missing",
                        message: "inbox \(inbox) is missing; create it (mkdir -p \(inbox)) and the pipeline resumes"))
            } else if entry.watching == false {
                problems.append(
                    .init(
                        pipeline: name, check: "watcher-stopped",
                        message: "the inbox is not watched yet (it was missing); the watcher restarts within seconds"))
            }
            if let failure = entry.sinkFailure {
                problems.append(
                    .init(
                        pipeline: name, check: "sink-failing",
                        message: "sink \(failure.sink) failed the last batch (\(failure.message)); its documents stay "
                            + "in the inbox and are tried again: check the sink's disk space and permissions"))
            }
            if let failure = entry.ledgerFailure {
                problems.append(
                    .init(
                        pipeline: name, check: "ledger-unwritable",
                        message: "the ledger could not record the last batch (\(failure)); check the state folder"))
            } else if let state = entry.stateDirectory, !Self.isWritableDirectory(state) {
                problems.append(
                    .init(
                        pipeline: name, check: "ledger-unwritable",
                        message: "state folder \(state) is missing or not writable; the ledger cannot record work "
                            + "(fix its permissions or free its disk)"))
            }
        }
        return HealthReport(problems: problems, pipelines: snapshot.keys.sorted())
    }

    private static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    private static func isWritableDirectory(_ path: String) -> Bool {
        isDirectory(path) && access(path, W_OK) == 0
    }

    private func update(_ pipeline: String, _ change: (inout Entry) -> Void) {
        entries.withLock { change(&$0[pipeline, default: Entry()]) }
    }

    public func sourceStarted(pipeline: String) {
        update(pipeline) {
            $0.started = true
            $0.watching = $0.watching ?? true
        }
    }

    public func batchCommitted(pipeline: String, batch: CommittedBatch) {
        update(pipeline) {
            $0.sinkFailure = nil
            $0.ledgerFailure = nil
        }
    }

    public func batchDeferred(pipeline: String, documents: Int, sink: String?, error: any Error) {
        let message = String(describing: error)
        update(pipeline) {
            if let sink { $0.sinkFailure = (sink, message) } else { $0.ledgerFailure = message }
        }
    }

    public func inboxAvailabilityChanged(pipeline: String, available: Bool, path: String) {
        update(pipeline) {
            $0.watching = available
            if $0.inbox == nil { $0.inbox = path }
        }
    }
}
