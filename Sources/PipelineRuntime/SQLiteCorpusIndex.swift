import Foundation
import GRDB
public import Pipeline
import Synchronization
public import TrialModel

/// The corpus index kept in the state folder. Changes made while a batch is linked stay pending in memory
/// and reach the database in the same transaction that marks the batch done; the records themselves go to
/// the ``CorpusLog`` just before it.
public final class SQLiteCorpusIndex: CorpusIndex {
    private let store: StateStore
    /// Records stored since the last flush.
    private let pending = Mutex(CrossReferencedRecords())
    /// The read connection ``withOneRead(_:)`` holds open while it runs, and the thread it runs on: only
    /// look-ups from that thread (the body's) use it.
    private let openRead = Mutex<OpenRead?>(nil)

    private final class OpenRead: @unchecked Sendable {
        let db: Database
        let thread: pthread_t
        init(db: Database, thread: pthread_t) {
            self.db = db
            self.thread = thread
        }
    }

    /// An index over a state store.
    public init(store: StateStore) { self.store = store }

    public func withOneRead<Result>(_ body: () throws -> Result) throws -> Result {
        try store.database.read { db in
            let open = OpenRead(db: db, thread: pthread_self())
            openRead.withLock { $0 = open }
            defer { openRead.withLock { $0 = nil } }
            return try body()
        }
    }

    /// Runs `query` on the read ``withOneRead(_:)`` holds open, or in a read of its own.
    private func read<Value>(_ query: (Database) throws -> Value) throws -> Value {
        if let open = openRead.withLock({ $0 }), pthread_equal(open.thread, pthread_self()) != 0 {
            return try query(open.db)
        }
        return try store.database.read(query)
    }

    public func contains(_ id: String) throws -> Bool {
        if pending.withLock({ $0.records[id] != nil }) { return true }
        return try read { db in
            let statement = try db.cachedStatement(sql: "SELECT EXISTS(SELECT 1 FROM records WHERE id = ?)")
            return try Bool.fetchOne(statement, arguments: [id]) ?? false
        }
    }

    public func record(_ id: String) throws -> TrialRecord? {
        if let record = pending.withLock({ $0.records[id] }) { return record }
        let row = try read { db in
            try Row.fetchOne(
                db.cachedStatement(sql: "SELECT json, log_offset, log_length FROM records WHERE id = ?"),
                arguments: [id])
        }
        guard let row else { return nil }
        let offset: Int64? = row["log_offset"]
        let length: Int? = row["log_length"]
        let bytes: [UInt8]
        if let offset, let length {
            bytes = try store.corpusLog.read(offset: offset, length: length)
        } else {
            bytes = [UInt8](row["json"] as Data)
        }
        // The log holds what `RecordJSONWriter` wrote; JSON of any other shape (an older build's) is decoded
        // the general way.
        return try RecordJSONReader.record(from: bytes)
    }

    public func referrers(of id: String) throws -> [String] {
        var result = try read { db in
            try String.fetchAll(
                db.cachedStatement(sql: "SELECT source FROM xrefs WHERE target = ? ORDER BY source"), arguments: [id])
        }
        let pendingReferrers = pending.withLock { $0.referrers(of: id) }
        for referrer in pendingReferrers.sorted() where !result.contains(referrer) { result.append(referrer) }
        return result
    }

    public func store(_ record: TrialRecord) throws {
        pending.withLock { $0.store(record) }
    }

    /// The pending records' copies appended to the corpus log and synced, with where each one went: taken from
    /// the pending changes, to be written into the state by ``flush(_:into:)``.
    public struct LoggedRecords: Sendable {
        let records: [TrialRecord]
        let placed: [(offset: Int64, length: Int)]
    }

    /// Takes the pending changes and makes their copies durable in the corpus log, ahead of the transaction that
    /// refers to them (so the log's sync can run while the sinks write). Unreferenced if that transaction never
    /// commits: the tail is cut at the next start.
    ///
    /// `encoded` holds records already encoded (the batch the sinks write, `json[i]` the encoding of
    /// `records[i]`): a pending record equal to the last of them with its id takes those bytes instead of being
    /// encoded again.
    func logPending(reusing encoded: (records: [TrialRecord], json: [[UInt8]]) = ([], [])) throws -> LoggedRecords {
        let records = pending.withLock { pending in
            let taken = pending.records
            pending = CrossReferencedRecords()
            return taken
        }
        let ordered = Array(records.values)
        var latest: [String: Int] = [:]
        latest.reserveCapacity(encoded.records.count)
        for (index, record) in encoded.records.enumerated() { latest[record.id] = index }
        let json = ordered.map { record in
            // Copies of one record share their storage, so this comparison is cheap when it holds.
            if let index = latest[record.id], encoded.records[index] == record { return encoded.json[index] }
            return RecordJSONWriter.encode(record)
        }
        return LoggedRecords(records: ordered, placed: try store.corpusLog.append(json))
    }

    /// Writes pending changes inside the caller's transaction.
    func flush(into db: Database) throws {
        try flush(try logPending(), into: db)
    }

    /// Writes changes already in the corpus log inside the caller's transaction.
    func flush(_ logged: LoggedRecords, into db: Database) throws {
        let ordered = logged.records
        let placed = logged.placed
        let insertRecord = try db.cachedStatement(
            sql: "INSERT OR REPLACE INTO records (id, json, log_offset, log_length) VALUES (?, x'', ?, ?)")
        let deleteReferences = try db.cachedStatement(sql: "DELETE FROM xrefs WHERE source = ?")
        let insertReference = try db.cachedStatement(sql: "INSERT OR IGNORE INTO xrefs (source, target) VALUES (?, ?)")
        if let last = placed.last {
            try db.execute(
                sql: "INSERT OR REPLACE INTO corpus_log (id, end) VALUES (1, ?)",
                arguments: [last.offset + Int64(last.length)])
        }
        for (record, place) in zip(ordered, placed) {
            try insertRecord.execute(arguments: [record.id, place.offset, place.length])
            try deleteReferences.execute(arguments: [record.id])
            for reference in record.crossReferences {
                try insertReference.execute(arguments: [record.id, reference.nctId])
            }
        }
    }

    /// Drops pending changes (the batch was not written).
    public func discardPending() { pending.withLock { $0 = CrossReferencedRecords() } }
}
