import Foundation
import GRDB
public import Logging
public import Pipeline
public import TrialModel

/// Writes records into an SQLite database file in the relational schema (``RelationalSchema``), one
/// transaction per batch, in WAL mode with `synchronous = FULL` (durable when ``write(_:)`` returns).
///
/// A new database gets 32 KiB pages (most records' JSON then fits in the page of its `studies` row instead of a
/// chain of overflow pages, and a batch takes fewer and larger writes); the connection keeps 64 MiB of pages
/// in memory (a batch's pages stay in the cache until its commit), and the WAL is copied into the database file
/// on another connection and thread while the next batch is written (``WALCheckpointer``).
///
/// A NUL character in a text column is written as U+FFFD (SQLite's text functions stop at NUL); the JSON in
/// `studies.record` keeps it escaped. A record's newer version replaces all its rows; a version older than the stored one (by
/// `provenance.processedAt`) is ignored. Because writing a batch again gives the same rows, ``rollback(to:)``
/// has nothing to undo: after a crash the runner processes the unfinished batch again and its records replace
/// whatever part of them had been written.
public actor SQLiteSink: Sink {
    public nonisolated let name = "sqlite"
    /// The database file.
    public nonisolated let path: String
    /// The database file (with its `-wal` and `-shm` files beside it).
    public nonisolated var resources: [SinkResource] { [.file(path)] }
    private var database: DatabaseQueue?
    private var checkpointer: WALCheckpointer?
    private let logger: Logger
    private let walLimitBytes: Int

    /// A sink writing to the database file at `path` (created with its folder when opened).
    public init(path: String, logger: Logger = Logger(label: "trialpipe.sqlite")) {
        self.init(path: path, logger: logger, walLimitBytes: WALCheckpointer.defaultLimitBytes)
    }

    /// A sink whose WAL the writer catches up past `walLimitBytes` (tests use a small limit).
    init(path: String, logger: Logger = Logger(label: "trialpipe.sqlite"), walLimitBytes: Int) {
        self.path = path
        self.logger = logger
        self.walLimitBytes = walLimitBytes
    }

    public func open() throws {
        guard database == nil else { return }
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.journalMode = .wal
        configuration.busyMode = .timeout(30)
        // Before the WAL mode is set: the page size of a new file can change only until then.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA page_size = 32768") }
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw RelationalSinkError(
                code: .sqliteOpen,
                message:
                    "sink 'sqlite' cannot open \(path): check that it is an SQLite file and the folder is writable",
                cause: error)
        }
        // After the queue is made: opening in WAL mode sets `synchronous = NORMAL`, which is durable only at
        // checkpoints, and a batch must be durable when `write` returns.
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            try db.execute(sql: "PRAGMA cache_size = -65536")
            // Checkpoints run beside the writer (``WALCheckpointer``), not in the commit that crosses a mark.
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 0")
        }
        try queue.write { db in try Self.prepareSchema(db, path: path, logger: logger) }
        let pageSize = try queue.read { db in try Int.fetchOne(db, sql: "PRAGMA page_size") } ?? 4096
        checkpointer = try WALCheckpointer(path: path, pageSize: pageSize, limitBytes: walLimitBytes)
        database = queue
    }

    /// A setting of the sink's own connection (`PRAGMA name`), as text.
    func setting(_ name: String) throws -> String? {
        try open()
        return try database?.read { db in try String.fetchOne(db, sql: "PRAGMA \(name)") }
    }

    /// Creates the schema in an empty database, migrates an earlier version's tables in place
    /// (``SchemaMigration``), or checks the version of an existing one.
    static func prepareSchema(_ db: Database, path: String, logger: Logger) throws {
        if try db.tableExists(RelationalSchema.versionTable) {
            let version = try Int.fetchOne(db, sql: "SELECT MAX(version) FROM \(RelationalSchema.versionTable)")
            if version == RelationalSchema.version { return }
            guard version == SchemaMigration.migratedVersion else {
                throw SchemaVersionMismatch.error(sink: "sqlite", place: path, found: version, option: "path")
            }
            let records = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(RelationalSchema.studies.name)") ?? 0
            logger.notice(SchemaMigration.startNotice(sink: "sqlite", place: path, records: records))
            let start = ContinuousClock.now
            for statement in try SchemaMigration.statements(for: .sqlite) { try db.execute(sql: statement) }
            logger.notice(SchemaMigration.doneNotice(sink: "sqlite", place: path, startedAt: start))
        } else {
            if try db.tableExists(RelationalSchema.studies.name) {
                throw SchemaVersionMismatch.error(sink: "sqlite", place: path, found: nil, option: "path")
            }
            for statement in try RelationalSchema.statements(for: .sqlite) { try db.execute(sql: statement) }
        }
        try db.execute(
            sql: "INSERT INTO \(RelationalSchema.versionTable) (version, created_at) VALUES (?, ?)",
            arguments: [RelationalSchema.version, Timestamp.now()])
    }

    /// There is no position to return to: writes are idempotent upserts (see the type's documentation).
    public func checkpoint() throws -> String {
        try open()
        return "upsert"
    }

    /// Nothing to undo: the batch processed again replaces its records' rows (see the type's documentation).
    public func rollback(to checkpoint: String) throws { try open() }

    public func write(_ records: [TrialRecord]) throws {
        try write(records, json: [:])
    }

    /// Writes records with the JSON the runner has already encoded, which `studies.record` takes as it is.
    public func write(_ records: [TrialRecord], json: [[UInt8]]) async throws {
        try write(records, json: LatestVersions.json(of: records, json))
    }

    private func write(_ records: [TrialRecord], json: [String: [UInt8]]) throws {
        try open()
        guard let database, let checkpointer, !records.isEmpty else { return }
        let latest = LatestVersions.of(records)
        try database.writeWithoutTransaction { db in
            try checkpointer.catchUpIfLarge(db)
            try db.inTransaction(.immediate) {
                try Self.upsert(latest, json: json, in: db)
                return .commit
            }
        }
        checkpointer.request()
    }

    /// Replaces the rows of every record not older than its stored version.
    ///
    /// A replaced record's `studies` row is deleted and inserted again, so it gets a new, highest study key: its
    /// child rows are deleted under the old key and inserted under the new one, at the end of every index.
    private static func upsert(_ latest: [TrialRecord], json: [String: [UInt8]], in db: Database) throws {
        let stored = try db.cachedStatement(sql: "SELECT study_key, processed_at FROM studies WHERE record_id = ?")
        var accepted: [TrialRecord] = []
        var replaced: [Int64] = []
        accepted.reserveCapacity(latest.count)
        for record in latest {
            if let row = try Row.fetchOne(stored, arguments: [record.id]) {
                let processedAt: String = row[1]
                guard record.provenance.processedAt >= processedAt else { continue }
                replaced.append(row[0])
            }
            accepted.append(record)
        }
        try delete(replaced, in: db)
        var studies = SQLiteRowInserter(into: RelationalSchema.studies, verb: "INSERT OR REPLACE", keyed: false)
        // `OR FAIL`: a statement of many rows that may stop half way with `ABORT` (SQL's default) makes SQLite
        // keep a statement journal to undo its first rows, in a temporary file; `FAIL` keeps them, which changes
        // nothing here, as an error rolls the whole transaction back.
        var children = RelationalSchema.childTables.map {
            SQLiteRowInserter(into: $0, verb: "INSERT OR FAIL", keyed: true)
        }
        // The studies rows one at a time, for their keys; then each table's rows of the whole batch in
        // statements of many rows.
        var rows = RecordRows([])
        var keys = Array(repeating: [Int64](), count: children.count)
        for record in accepted {
            let before = rows.studies.count
            rows.add(record, json: json[record.id])
            try studies.insert(Array(rows.studies[before...]), in: db)
            let key = db.lastInsertedRowID
            for index in children.indices {
                let total = rows.children[index].count / RelationalSchema.childTables[index].columns.count
                keys[index].append(contentsOf: repeatElement(key, count: total - keys[index].count))
            }
        }
        for index in children.indices where !rows.children[index].isEmpty {
            try children[index].insert(rows.children[index], keys: keys[index], in: db)
        }
    }

    private static func delete(_ keys: [Int64], in db: Database) throws {
        guard !keys.isEmpty else { return }
        for table in RelationalSchema.childTables {
            let statement = try db.cachedStatement(sql: "DELETE FROM \(table.name) WHERE study_key = ?")
            for key in keys { try statement.execute(arguments: [key]) }
        }
    }

    public func close() throws {
        guard let database else { return }
        try checkpointer?.close()
        checkpointer = nil
        try database.close()
        self.database = nil
    }

    /// Waits for the background checkpoint, if one runs.
    func waitForCheckpoint() { checkpointer?.waitUntilIdle() }
}
