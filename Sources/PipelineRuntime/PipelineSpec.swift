import Foundation
public import Pipeline

/// What happens to a document in the inbox once its records are durable.
public enum AfterAction: String, Sendable, CaseIterable {
    /// Leave it; the ledger remembers it was done.
    case keep
    /// Move it to the processed folder.
    case move
    /// Delete it.
    case delete
}

/// How the inbox is watched.
public enum WatchMethod: String, Sendable, CaseIterable {
    /// Kernel events (inotify on Linux), plus a periodic rescan.
    case inotify
    /// Listing the folder at a fixed interval, for filesystems without kernel events.
    case poll
}

/// The inbox a pipeline reads from, and how.
public struct SourceSpec: Sendable {
    /// The inbox folder, absolute.
    public var inbox: String
    /// File-name patterns that count as documents.
    public var include: [String]
    /// What happens to a document once done.
    public var after: AfterAction
    /// Where `after: move` puts documents, absolute.
    public var processedDirectory: String
    /// Where failed documents go, with a `NAME.error.json` beside each, absolute.
    public var quarantineDirectory: String
    /// Documents larger than this are quarantined unread.
    public var maxBytes: Int
    /// How the daemon watches the inbox.
    public var watch: WatchMethod
    /// Seconds between listings with `watch: poll`.
    public var pollInterval: Double
    /// Seconds between backstop rescans with `watch: inotify`.
    public var rescanInterval: Double
    /// Seconds a file found by a rescan must stay unchanged before it is read.
    public var settle: Double

    /// The default include patterns.
    public static let defaultInclude = ["*.txt", "*.html", "*.htm", "*.xml", "*.json"]
    /// The default per-document size limit, 32 MiB.
    public static let defaultMaxBytes = PipelineDocument.defaultMaxBytes

    /// A source with defaults for everything but the inbox.
    public init(inbox: String) {
        self.inbox = inbox
        self.include = Self.defaultInclude
        self.after = .keep
        self.processedDirectory = inbox + "/.processed"
        self.quarantineDirectory = inbox + "/.failed"
        self.maxBytes = Self.defaultMaxBytes
        self.watch = .inotify
        self.pollInterval = 2
        self.rescanInterval = 60
        self.settle = 0.2
    }
}

/// A pipeline read from its file: source, stages, sinks and state folder, ready to run.
public struct PipelineSpec: Sendable {
    /// The pipeline's name (`[a-z0-9-]+`).
    public var name: String
    /// The file it was read from.
    public var file: String
    /// Its inbox.
    public var source: SourceSpec
    /// Its stages, in order.
    public var stages: [any Stage]
    /// Its sinks; every record goes to each.
    public var sinks: [any Sink]
    /// Where the ledger and corpus index live, absolute.
    public var stateDirectory: String
    /// How many documents are processed at once.
    public var concurrency: Int

    /// Documents processed at once unless the pipeline file says: two per core, so that each worker has
    /// the next document waiting while the runner hands out another (one per core left a core idle between
    /// documents: `run --once` over 5,000 pages took 2.4–2.7 s with 2 on two cores, 2.2–2.3 s with 4).
    public static var defaultConcurrency: Int { 2 * ProcessInfo.processInfo.activeProcessorCount }

    /// Creates a spec.
    public init(
        name: String, file: String, source: SourceSpec, stages: [any Stage], sinks: [any Sink],
        stateDirectory: String, concurrency: Int
    ) {
        self.name = name
        self.file = file
        self.source = source
        self.stages = stages
        self.sinks = sinks
        self.stateDirectory = stateDirectory
        self.concurrency = concurrency
    }
}
