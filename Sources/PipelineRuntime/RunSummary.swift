/// What one pass over documents did.
public struct RunSummary: Sendable, Equatable {
    /// Documents whose records are now durable.
    public var processed = 0
    /// Records written (including earlier records written again for new backlinks).
    public var records = 0
    /// Documents quarantined.
    public var failed = 0
    /// Documents already done (same path and content) and not read again.
    public var skipped = 0
    /// Documents left in the inbox because a sink failed; they are tried again on the next pass.
    public var deferred = 0

    /// An empty summary.
    public init() {}

    /// Adds another summary's counts.
    public mutating func add(_ other: RunSummary) {
        processed += other.processed
        records += other.records
        failed += other.failed
        skipped += other.skipped
        deferred += other.deferred
    }

    /// One line for people: "processed 5, failed 0, skipped 0 (5 records written)".
    public var line: String {
        var text = "processed \(processed), failed \(failed), skipped \(skipped) (\(records) records written)"
        if deferred > 0 { text += ", \(deferred) left in the inbox after a sink error" }
        return text
    }
}
