/// Every metric trialpipe exports: its Prometheus name, kind, help text and histogram buckets.
///
/// Names follow the Prometheus conventions: the `trialpipe_` prefix, base units (`_seconds`), `_total` on
/// counters. Every metric carries the `pipeline` label; the others are listed with each case.
public enum TrialpipeMetric: String, CaseIterable, Sendable {
    /// Documents whose records are durable in every sink; labels `pipeline`, `layout`.
    case documentsProcessed = "trialpipe_documents_processed_total"
    /// Documents quarantined; labels `pipeline`, `stage`, `code`.
    case documentsFailed = "trialpipe_documents_failed_total"
    /// Documents skipped because the ledger already knows them; label `pipeline`.
    case documentsSkipped = "trialpipe_documents_skipped_total"
    /// Records written, by sink type (rewritten earlier records count too); labels `pipeline`, `sink`.
    case recordsWritten = "trialpipe_records_written_total"
    /// Batches that could not be written and stay pending; labels `pipeline`, `sink` (`ledger` when no sink).
    case batchesDeferred = "trialpipe_batches_deferred_total"
    /// Seconds one stage spent on one document; labels `pipeline`, `stage`.
    case stageDuration = "trialpipe_stage_duration_seconds"
    /// Seconds from a document's arrival to its records being durable; label `pipeline`.
    case dropToDurable = "trialpipe_drop_to_durable_seconds"
    /// Documents per committed batch; label `pipeline`.
    case batchSize = "trialpipe_batch_documents"
    /// Documents waiting to be processed; label `pipeline`.
    case backlog = "trialpipe_backlog_documents"
    /// Documents being processed now; label `pipeline`.
    case inFlight = "trialpipe_in_flight_documents"
    /// When the last batch became durable, in seconds since 1970; label `pipeline`.
    case lastCommit = "trialpipe_last_commit_timestamp_seconds"
    /// Listings of the inbox after the first (periodic, or after an overflow); label `pipeline`.
    case rescans = "trialpipe_inbox_rescans_total"
    /// Times the kernel's inotify queue overflowed; label `pipeline`.
    case inotifyOverflows = "trialpipe_inotify_overflows_total"
    /// Whether the inbox folder is present and watched (1) or missing (0); label `pipeline`.
    case inboxAvailable = "trialpipe_inbox_available"
    /// Restarts of `exec` subprocesses; labels `pipeline`, `stage`.
    case subprocessRestarts = "trialpipe_exec_restarts_total"

    /// How Prometheus reads the metric.
    public enum Kind: Sendable {
        /// Only goes up.
        case counter
        /// Goes up and down.
        case gauge
        /// Durations in seconds, counted into buckets.
        case durationHistogram([Duration])
        /// Plain values counted into buckets.
        case valueHistogram([Double])
    }

    /// The Prometheus name.
    public var name: String { rawValue }

    /// The metric's kind, with its buckets for histograms.
    public var kind: Kind {
        switch self {
        case .documentsProcessed, .documentsFailed, .documentsSkipped, .recordsWritten, .batchesDeferred, .rescans,
            .inotifyOverflows, .subprocessRestarts:
            return .counter
        case .backlog, .inFlight, .lastCommit, .inboxAvailable:
            return .gauge
        case .stageDuration:
            return .durationHistogram(
                [100, 250, 500, 1000, 2500, 5000, 10_000, 25_000, 50_000, 100_000, 250_000, 1_000_000, 5_000_000]
                    .map { Duration.microseconds($0) })
        case .dropToDurable:
            return .durationHistogram(
                [1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000, 30_000, 60_000]
                    .map { Duration.microseconds(Int64($0 * 1000)) })
        case .batchSize:
            return .valueHistogram([1, 2, 4, 8, 16, 32, 64, 128, 256, 512])
        }
    }

    /// The names of its labels, `pipeline` first.
    public var labelNames: [String] {
        switch self {
        case .documentsProcessed: return ["pipeline", "layout"]
        case .documentsFailed: return ["pipeline", "stage", "code"]
        case .recordsWritten, .batchesDeferred: return ["pipeline", "sink"]
        case .stageDuration, .subprocessRestarts: return ["pipeline", "stage"]
        default: return ["pipeline"]
        }
    }

    /// The `# HELP` text.
    public var help: String {
        switch self {
        case .documentsProcessed: return "Documents whose records are durable in every sink, by layout."
        case .documentsFailed: return "Documents quarantined, by the stage that failed and its error code."
        case .documentsSkipped: return "Documents skipped because the ledger already knows them."
        case .recordsWritten: return "Records written, by sink type (rewritten earlier records count too)."
        case .batchesDeferred: return "Batches that could not be written and stay pending, by failing sink or ledger."
        case .stageDuration: return "Seconds one stage spent on one document."
        case .dropToDurable: return "Seconds from a document's arrival in the inbox to its records being durable."
        case .batchSize: return "Documents per committed batch."
        case .backlog: return "Documents waiting to be processed."
        case .inFlight: return "Documents being processed now."
        case .lastCommit: return "When the last batch became durable, in seconds since 1970."
        case .rescans: return "Listings of the inbox after the first one (periodic or after an overflow)."
        case .inotifyOverflows: return "Times the kernel's inotify event queue overflowed."
        case .inboxAvailable: return "1 while the inbox folder is present and watched, 0 while it is missing."
        case .subprocessRestarts: return "Restarts of exec stage subprocesses."
        }
    }
}
