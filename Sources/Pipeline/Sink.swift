public import TrialModel

/// Where records end up. Registered by name as a plugin.
///
/// The runner calls `open` once, then for every batch `checkpoint`, `write` (durable on return), and at
/// the end `close`. After a crash, `rollback` returns the output to the checkpoint taken before the batch
/// that was in flight, so re-processing that batch neither loses nor doubles a record.
public protocol Sink: Sendable {
    /// The sink's type name, as written in pipeline files.
    var name: String { get }
    /// Prepares the output (creates folders, cuts a torn last line).
    func open() async throws
    /// An opaque position to roll back to (for a file, its length).
    func checkpoint() async throws -> String
    /// Returns the output to a checkpoint.
    func rollback(to checkpoint: String) async throws
    /// Writes records; they are durable (fsynced) when this returns.
    func write(_ records: [TrialRecord]) async throws
    /// Writes records whose JSON is already encoded: `json[i]` is `RecordJSONWriter`'s encoding of `records[i]`.
    ///
    /// The runner encodes each record of a batch once, for every sink and its corpus; a sink that writes JSON
    /// uses these bytes instead of encoding again. By default it calls ``write(_:)``.
    func write(_ records: [TrialRecord], json: [[UInt8]]) async throws
    /// Flushes and releases the output.
    func close() async throws
    /// The files and folders it writes; the loader refuses two sinks (in any pipelines) that share one.
    var resources: [SinkResource] { get }
}

extension Sink {
    /// Ignores the encoded JSON and writes the records.
    public func write(_ records: [TrialRecord], json: [[UInt8]]) async throws {
        try await write(records)
    }

    /// A sink that declares nothing is never checked for conflicts.
    public var resources: [SinkResource] { [] }
}
