import Foundation
import GRDB
import Pipeline
public import Watch

/// What the ledger knows of one document (one path with one content hash).
public struct LedgerEntry: Sendable, Equatable {
    /// Where the document stands.
    public enum State: String, Sendable {
        /// Its records are being written.
        case inFlight = "inflight"
        /// Its records are durable in every sink.
        case done
        /// It was quarantined.
        case failed
    }

    public var path: String
    public var sha256: String
    public var state: State
    /// Ids of the records it produced.
    public var recordIds: [String]
    /// The stage that failed, for a quarantined document.
    public var stage: String?
    /// Why it failed, for a quarantined document.
    public var reason: String?
    /// When it last changed, ISO 8601 UTC.
    public var updatedAt: String
}

/// What the ledger knows of one inbox name, as the runner needs it to decide whether to read the file.
public struct LedgerState: Sendable, Equatable {
    /// The content hash of this version.
    public var sha256: String
    /// Where it stands.
    public var state: LedgerEntry.State
    /// The file's identity (inode, size, modification time) when it was read, if known.
    public var snapshot: FileSnapshot?

    /// Whether the file now seen as `current` is still the version this entry describes (same inode, size
    /// and modification time), so it need not be read again.
    public func describes(_ current: FileSnapshot) -> Bool {
        guard let snapshot else { return false }
        return snapshot.inode == current.inode && snapshot.size == current.size
            && snapshot.modificationNanoseconds == current.modificationNanoseconds
    }
}

/// A batch whose records were being written when the process stopped.
public struct UnfinishedBatch: Sendable, Equatable {
    /// The batch's number.
    public var id: Int64
    /// Each sink's checkpoint taken before the batch, in sink order.
    public var checkpoints: [String]
    /// The documents of the batch.
    public var documents: [(path: String, sha256: String)]

    public static func == (lhs: UnfinishedBatch, rhs: UnfinishedBatch) -> Bool {
        lhs.id == rhs.id && lhs.checkpoints == rhs.checkpoints
            && lhs.documents.map { $0.path + "\u{0}" + $0.sha256 }
                == rhs.documents.map { $0.path + "\u{0}" + $0.sha256 }
    }
}

/// The pipeline's durable state in its state folder (SQLite, WAL): the ledger of documents and the corpus
/// index of records.
///
/// The ledger records a batch's intent (with every sink's checkpoint) before the sinks write and its
/// completion after, in one transaction with the corpus changes; so after a crash the unfinished batch is
/// known exactly, and the sinks can be rolled back to where it began.
public final class StateStore: Sendable {
    let database: DatabasePool
    /// The corpus index's copies of records (see ``CorpusLog``).
    let corpusLog: CorpusLog
    /// The state folder.
    public let directory: String
    /// Page cache of each of the database's connections, in KiB.
    static let cacheKiB = 512

    /// Opens (creating if needed) the state in a folder.
    public init(directory: String) throws {
        self.directory = directory
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.journalMode = .wal
        configuration.busyMode = .timeout(10)
        // 512 KiB of page cache per connection instead of SQLite's 2 MiB: the pool has a writer and up to five
        // readers, each with its own cache, and the ledger's look-ups touch a few pages each (the rest is in
        // the system's file cache). Measured on 20,000 documents: 3 MiB less resident memory, the same time.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA cache_size = -\(Self.cacheKiB)") }
        database = try DatabasePool(path: directory + "/state.sqlite", configuration: configuration)
        // Set on the writer once the pool is open: switching to WAL resets `synchronous` to NORMAL, which makes a
        // commit durable only at the next checkpoint, and the ledger's intent and completion must be durable
        // when their transactions return.
        try database.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        try database.write { db in
            try db.execute(
                sql: """
                    CREATE TABLE IF NOT EXISTS documents (
                        path TEXT NOT NULL, sha256 TEXT NOT NULL, state TEXT NOT NULL,
                        record_ids TEXT NOT NULL DEFAULT '', stage TEXT, reason TEXT, batch INTEGER,
                        updated_at TEXT NOT NULL, PRIMARY KEY (path, sha256));
                    CREATE INDEX IF NOT EXISTS documents_path ON documents(path);
                    CREATE TABLE IF NOT EXISTS batches (
                        id INTEGER PRIMARY KEY AUTOINCREMENT, checkpoints TEXT NOT NULL, started_at TEXT NOT NULL);
                    CREATE TABLE IF NOT EXISTS records (id TEXT PRIMARY KEY, json BLOB NOT NULL);
                    CREATE TABLE IF NOT EXISTS xrefs (
                        source TEXT NOT NULL, target TEXT NOT NULL, PRIMARY KEY (source, target));
                    CREATE INDEX IF NOT EXISTS xrefs_target ON xrefs(target);
                    """)
            // Ledgers written before file identities were kept gain the columns (empty for old entries).
            try Self.addMissingColumns(["inode", "size", "mtime"], to: "documents", in: db)
            // Records written before the corpus log kept their JSON in the row; newer rows point into the log.
            try Self.addMissingColumns(["log_offset", "log_length"], to: "records", in: db)
            try db.execute(
                sql:
                    "CREATE TABLE IF NOT EXISTS corpus_log (id INTEGER PRIMARY KEY CHECK (id = 1), end INTEGER NOT NULL)"
            )
        }
        corpusLog = try CorpusLog(path: directory + "/records.log")
        // Copies appended by a batch whose transaction never committed are cut.
        let referenced = try database.read { db in
            try Int64.fetchOne(db, sql: "SELECT end FROM corpus_log WHERE id = 1") ?? 0
        }
        try corpusLog.truncate(to: referenced)
    }

    /// Adds to `table` those of `columns` (integers, empty for existing rows) it lacks.
    private static func addMissingColumns(_ columns: [String], to table: String, in db: Database) throws {
        let existing = Set(try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))").map { $0["name"] as String })
        for column in columns where !existing.contains(column) {
            try db.execute(sql: "ALTER TABLE \(table) ADD COLUMN \(column) INTEGER")
        }
    }

    /// What the ledger knows of each of `paths`, in one query per 500 paths: every content each had.
    public func states(paths: some Collection<String>) throws -> [String: [LedgerState]] {
        var result: [String: [LedgerState]] = [:]
        guard !paths.isEmpty else { return result }
        let paths = Array(paths)
        try database.read { db in
            for start in stride(from: 0, to: paths.count, by: 500) {
                let chunk = paths[start..<min(paths.count, start + 500)]
                let marks = repeatElement("?", count: chunk.count).joined(separator: ",")
                let statement = try db.cachedStatement(
                    sql: "SELECT path, sha256, state, inode, size, mtime FROM documents WHERE path IN (\(marks))")
                let rows = try Row.fetchCursor(statement, arguments: StatementArguments(Array(chunk)))
                while let row = try rows.next() {
                    let inode: Int64? = row["inode"]
                    let size: Int64? = row["size"]
                    let modified: Int64? = row["mtime"]
                    var snapshot: FileSnapshot?
                    if let inode, let size, let modified {
                        snapshot = FileSnapshot(
                            inode: UInt64(bitPattern: inode), size: size, modificationNanoseconds: modified)
                    }
                    result[row["path"], default: []].append(
                        LedgerState(
                            sha256: row["sha256"], state: LedgerEntry.State(rawValue: row["state"]) ?? .failed,
                            snapshot: snapshot))
                }
            }
        }
        return result
    }

    /// The ledger's entry for a document, if any.
    public func entry(path: String, sha256: String) throws -> LedgerEntry? {
        try database.read { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM documents WHERE path = ? AND sha256 = ?", arguments: [path, sha256]
            ).map(Self.entry(from:))
        }
    }

    /// Every entry for a path (each content it has had), newest first.
    public func entries(path: String) throws -> [LedgerEntry] {
        try database.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM documents WHERE path = ? ORDER BY updated_at DESC, rowid DESC",
                arguments: [path]
            ).map(Self.entry(from:))
        }
    }

    /// Every entry whose record ids include `id`.
    public func entries(recordId id: String) throws -> [LedgerEntry] {
        try database.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM documents WHERE ',' || record_ids || ',' LIKE ? ORDER BY updated_at DESC",
                arguments: ["%," + id + ",%"]
            ).map(Self.entry(from:))
        }
    }

    /// Counts of entries by state.
    public func counts() throws -> [LedgerEntry.State: Int] {
        try database.read { db in
            var result: [LedgerEntry.State: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS n FROM documents GROUP BY state") {
                if let state = LedgerEntry.State(rawValue: row["state"]) { result[state] = row["n"] }
            }
            return result
        }
    }

    /// Records a batch's intent: its documents are in flight, and the sinks' checkpoints before it.
    public func beginBatch(documents: [(path: String, sha256: String)], checkpoints: [String]) throws -> Int64 {
        let now = Timestamp.now()
        return try database.write { db in
            try db.execute(
                sql: "INSERT INTO batches (checkpoints, started_at) VALUES (?, ?)",
                arguments: [checkpoints.joined(separator: "\n"), now])
            let id = db.lastInsertedRowID
            let statement = try db.cachedStatement(
                sql: """
                    INSERT OR REPLACE INTO documents (path, sha256, state, record_ids, batch, updated_at)
                    VALUES (?, ?, 'inflight', '', ?, ?)
                    """)
            for document in documents {
                try statement.execute(arguments: [document.path, document.sha256, id, now])
            }
            return id
        }
    }

    /// Marks a batch's documents done and stores the corpus changes, in one transaction.
    public func completeBatch(
        _ id: Int64, documents: [(path: String, sha256: String, recordIds: [String])], snapshots: [FileSnapshot?] = [],
        corpus: SQLiteCorpusIndex?, logged: SQLiteCorpusIndex.LoggedRecords? = nil
    ) throws {
        let now = Timestamp.now()
        try database.write { db in
            let statement = try db.cachedStatement(
                sql: """
                    UPDATE documents SET state = 'done', record_ids = ?, batch = NULL, updated_at = ?,
                    inode = ?, size = ?, mtime = ? WHERE path = ? AND sha256 = ?
                    """)
            for (index, document) in documents.enumerated() {
                let snapshot = index < snapshots.count ? snapshots[index] : nil
                try statement.execute(arguments: [
                    document.recordIds.joined(separator: ","), now, snapshot.map { Int64(bitPattern: $0.inode) },
                    snapshot?.size, snapshot?.modificationNanoseconds, document.path, document.sha256,
                ])
            }
            if let logged {
                try corpus?.flush(logged, into: db)
            } else {
                try corpus?.flush(into: db)
            }
            try db.execute(sql: "DELETE FROM batches WHERE id = ?", arguments: [id])
        }
    }

    /// Records the file identity of done documents the ledger knew only by content (entries written before
    /// identities were kept), so the next listing skips them unread.
    public func rememberSnapshots(_ items: [(path: String, sha256: String, snapshot: FileSnapshot)]) throws {
        try database.write { db in
            let statement = try db.cachedStatement(
                sql:
                    "UPDATE documents SET inode = ?, size = ?, mtime = ? WHERE path = ? AND sha256 = ? AND state = 'done'"
            )
            for item in items {
                try statement.execute(arguments: [
                    Int64(bitPattern: item.snapshot.inode), item.snapshot.size, item.snapshot.modificationNanoseconds,
                    item.path, item.sha256,
                ])
            }
        }
    }

    /// Records that a document was quarantined.
    public func markFailed(path: String, sha256: String, stage: String, reason: String) throws {
        try database.write { db in
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO documents (path, sha256, state, record_ids, stage, reason, updated_at)
                    VALUES (?, ?, 'failed', '', ?, ?, ?)
                    """,
                arguments: [path, sha256, stage, reason, Timestamp.now()])
        }
    }

    /// The batch that was being written when the process stopped, if any.
    public func unfinishedBatch() throws -> UnfinishedBatch? {
        try database.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM batches ORDER BY id LIMIT 1") else { return nil }
            let id: Int64 = row["id"]
            let text: String = row["checkpoints"]
            let documents = try Row.fetchAll(
                db, sql: "SELECT path, sha256 FROM documents WHERE batch = ? AND state = 'inflight'", arguments: [id]
            ).map { (path: $0["path"] as String, sha256: $0["sha256"] as String) }
            return UnfinishedBatch(
                id: id, checkpoints: text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init),
                documents: documents)
        }
    }

    /// Forgets an unfinished batch after the sinks were rolled back, so its documents are processed again.
    public func abandonBatch(_ id: Int64) throws {
        try database.write { db in
            try db.execute(sql: "DELETE FROM documents WHERE batch = ? AND state = 'inflight'", arguments: [id])
            try db.execute(sql: "DELETE FROM batches WHERE id = ?", arguments: [id])
        }
    }

    private static func entry(from row: Row) -> LedgerEntry {
        let ids: String = row["record_ids"]
        return LedgerEntry(
            path: row["path"], sha256: row["sha256"], state: LedgerEntry.State(rawValue: row["state"]) ?? .failed,
            recordIds: ids.isEmpty ? [] : ids.split(separator: ",").map(String.init), stage: row["stage"],
            reason: row["reason"], updatedAt: row["updated_at"])
    }
}
