import Foundation
public import Logging
public import Pipeline
import PostgresNIO
public import TrialModel

/// Writes records into a PostgreSQL database in the relational schema (``RelationalSchema``), in the schema
/// named by `schema:` (created if missing), each batch in one transaction per connection it is split over.
///
/// Rows go in as binary `text[]` parameters, one per column, made rows by `unnest`: a batch is three statements
/// at most (``PostgresBatchStatements``). A record's newer version replaces all its rows; a version older than the
/// stored one (by `provenance.processedAt`) is ignored, so several daemons may write one database: rows are
/// locked in record-id order (no deadlock) and each record is kept once. When the connection drops or the server
/// is down, the batch waits and is tried again with back-off (0.25 s doubling to 10 s); its documents stay pending.
/// A try that gets no answer within `timeout` seconds gives up its connection and counts as the server being away.
///
/// A batch is split over `connections` connections (contiguous ranges of its id-sorted records, each written in
/// a transaction of its own, at the same time): one server process writing a batch's rows is the limit
/// otherwise. A record's rows are always replaced in one transaction; a crash between the parts' commits leaves
/// part of the batch written, which the runner's redo of the batch replaces. So, as for ``SQLiteSink``,
/// ``rollback(to:)`` has nothing to undo: writing a batch again gives the same rows.
public actor PostgresSink: Sink {
    public nonisolated let name = "postgres"
    /// Where it connects.
    public let location: PostgresLocation
    /// The PostgreSQL schema (namespace) holding the tables.
    public let schema: String
    private let logger: Logger
    /// One connection per part a batch is split into (nil until connected, or after one was given up).
    private var connections: [PostgresConnection?]
    private var opened = false
    private var nextConnectionID = 0
    /// Seconds between tries of a batch while the server is unreachable: the first wait, then doubled up to the last.
    let retryDelays: (first: Double, last: Double)
    /// Seconds one try of a batch may take before its connection is given up and the batch tried again.
    let attemptTimeout: Double

    /// The fewest records a part of a batch gets: a smaller batch is written on fewer connections.
    static let minimumPartSize = 32

    /// How many connections a sink may split its batches over.
    public static let connectionCounts = 1...16

    /// The connections a batch is split over unless the pipeline says otherwise.
    public static let defaultConnections = 2

    /// A sink for a database and schema, writing each batch over `connections` connections (at least one).
    public init(
        location: PostgresLocation, schema: String = "public", logger: Logger = Logger(label: "trialpipe.postgres"),
        retryDelays: (first: Double, last: Double) = (0.25, 10), attemptTimeout: Double = 30,
        connections: Int = defaultConnections
    ) {
        self.connections = Array(repeating: nil, count: max(1, connections))
        self.location = location
        self.schema = schema
        self.logger = logger
        self.retryDelays = retryDelays
        self.attemptTimeout = attemptTimeout
    }

    /// Connects and creates the schema, or checks its version; a server that cannot be reached is an error here.
    public func open() async throws {
        guard !opened else { return }
        let connection: PostgresConnection
        do {
            connection = try await connected(0)
        } catch let error as RelationalSinkError {
            throw error
        } catch {
            throw RelationalSinkError(
                code: .postgresConnect,
                message: """
                    sink 'postgres' cannot connect to \(location.display): start the server, or fix `url:` \
                    (host, port, user, database; the password from the environment, e.g. ${PGPASSWORD})
                    """, cause: error, causeSummary: PostgresFailure.describe(error))
        }
        do {
            try await prepareSchema(connection)
        } catch {
            connections[0] = nil
            try? await connection.close()
            throw error
        }
        opened = true
    }

    /// Connection `lane`, whose search path is the sink's schema, connecting if there is none or it was closed.
    private func connected(_ lane: Int) async throws -> PostgresConnection {
        if let connection = connections[lane], !connection.isClosed { return connection }
        connections[lane] = nil
        let configuration = try location.connectionConfiguration()
        nextConnectionID += 1
        let fresh = try await PostgresConnection.connect(
            configuration: configuration, id: nextConnectionID, logger: logger)
        do {
            try await fresh.query("SET search_path TO \(unescaped: quoted(schema))", logger: logger)
        } catch {
            try? await fresh.close()
            throw error
        }
        // A batch's statements are always the same (``PostgresBatchStatements``): planned once, not per batch.
        // The records' JSON (and long descriptions) are compressed when stored: LZ4 takes a fraction of the CPU
        // of the default pglz. A server without a setting (older, or built without LZ4) keeps its default.
        for setting in ["plan_cache_mode = force_generic_plan", "default_toast_compression = lz4"] {
            do {
                try await fresh.query("SET \(unescaped: setting)", logger: logger)
            } catch  where !fresh.isClosed {
                logger.debug("postgres: \(location.display) refuses SET \(setting): \(PostgresFailure.describe(error))")
            } catch {
                try? await fresh.close()
                throw error
            }
        }
        connections[lane] = fresh
        return fresh
    }

    /// Creates the tables in an empty schema, or checks the stored version; an advisory lock keeps two daemons
    /// starting at once from both creating them.
    private func prepareSchema(_ connection: PostgresConnection) async throws {
        try await connection.query("BEGIN", logger: logger)
        do {
            let lockKey = "trialpipe-schema:" + schema
            try await connection.query("SELECT pg_advisory_xact_lock(hashtext(\(lockKey)))", logger: logger)
            try await connection.query("CREATE SCHEMA IF NOT EXISTS \(unescaped: quoted(schema))", logger: logger)
            let versionTable = quoted(schema) + "." + RelationalSchema.versionTable
            let exists = try await firstString(
                connection, "SELECT to_regclass(\(versionTable))::text AS found")
            let place = "\(location.display) schema \(schema)"
            if exists != nil {
                let found = try await firstString(
                    connection, "SELECT MAX(version)::text AS found FROM \(unescaped: versionTable)"
                ).flatMap { Int($0) }
                if found == RelationalSchema.version {
                    try await connection.query("COMMIT", logger: logger)
                    return
                }
                guard found == SchemaMigration.migratedVersion else {
                    throw SchemaVersionMismatch.error(sink: "postgres", place: place, found: found, option: "schema")
                }
                try await migrate(connection, place: place)
            } else {
                let studies = quoted(schema) + "." + RelationalSchema.studies.name
                if try await firstString(connection, "SELECT to_regclass(\(studies))::text AS found") != nil {
                    throw SchemaVersionMismatch.error(sink: "postgres", place: place, found: nil, option: "schema")
                }
                for statement in try RelationalSchema.statements(for: .postgres) {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
            }
            try await connection.query(
                "INSERT INTO trialpipe_schema (version, created_at) VALUES (\(RelationalSchema.version), \(Timestamp.now()))",
                logger: logger)
            try await connection.query("COMMIT", logger: logger)
        } catch {
            _ = try? await connection.query("ROLLBACK", logger: logger)
            throw error
        }
    }

    /// Migrates an earlier version's tables in place (``SchemaMigration``), inside the caller's transaction.
    private func migrate(_ connection: PostgresConnection, place: String) async throws {
        let records = try await firstString(connection, "SELECT COUNT(*)::text AS found FROM studies").flatMap {
            Int($0)
        }
        logger.notice(SchemaMigration.startNotice(sink: "postgres", place: place, records: records ?? 0))
        let start = ContinuousClock.now
        for statement in try SchemaMigration.statements(for: .postgres) {
            try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
        }
        logger.notice(SchemaMigration.doneNotice(sink: "postgres", place: place, startedAt: start))
    }

    private func firstString(_ connection: PostgresConnection, _ query: PostgresQuery) async throws -> String? {
        for try await row in try await connection.query(query, logger: logger) {
            return try row.decode(String?.self)
        }
        return nil
    }

    /// There is no position to return to: writes are idempotent upserts (see the type's documentation).
    public func checkpoint() -> String { "upsert" }

    /// Nothing to undo: the batch processed again replaces its records' rows (see the type's documentation).
    public func rollback(to checkpoint: String) {}

    /// Writes a batch, split over the sink's connections; waits and tries again while the server is unreachable.
    public func write(_ records: [TrialRecord]) async throws {
        try await write(records, json: [:])
    }

    /// Writes a batch with the JSON the runner has already encoded, which `studies.record` takes as it is.
    public func write(_ records: [TrialRecord], json: [[UInt8]]) async throws {
        try await write(records, json: LatestVersions.json(of: records, json))
    }

    private func write(_ records: [TrialRecord], json: [String: [UInt8]]) async throws {
        guard !records.isEmpty else { return }
        if !opened { try await open() }
        let latest = LatestVersions.of(records)
        let parts = Self.parts(of: latest, count: connections.count)
        var delay = retryDelays.first
        while true {
            do {
                try await AttemptDeadline.run(seconds: attemptTimeout) {
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        // Each part's rows are made in its own task: one part's rows are sent while the next
                        // part's are still being made.
                        for (lane, records) in parts.enumerated() {
                            group.addTask {
                                try await self.write(
                                    records, rows: RecordRows(records, json: json), json: json, lane: lane)
                            }
                        }
                        try await group.waitForAll()
                    }
                }
                return
            } catch {
                // The other parts' tries were cancelled, possibly inside their transactions: no connection is
                // trusted to be between transactions now. Not awaited: a connection that stopped answering may
                // not answer its close either.
                for connection in takeConnections() { Task { try? await connection.close() } }
                guard PostgresFailure.isTransient(error) else { throw error }
                logger.warning(
                    """
                    postgres: \(location.display) is unreachable (\(PostgresFailure.describe(error))); \
                    the batch of \(latest.count) records waits and is tried again in \(delay) s
                    """)
                try await Task.sleep(for: .milliseconds(Int(delay * 1000)))
                delay = min(delay * 2, retryDelays.last)
            }
        }
    }

    /// The id-sorted records split into at most `count` contiguous parts of at least ``minimumPartSize`` each
    /// (one part when there are fewer), so that each part's transaction still locks its rows in id order.
    static func parts(of latest: [TrialRecord], count: Int) -> [[TrialRecord]] {
        guard !latest.isEmpty else { return [] }
        let partCount = max(1, min(count, latest.count / minimumPartSize))
        let (size, longer) = latest.count.quotientAndRemainder(dividingBy: partCount)
        var parts: [[TrialRecord]] = []
        var start = 0
        for index in 0..<partCount {
            let end = start + size + (index < longer ? 1 : 0)
            parts.append(Array(latest[start..<end]))
            start = end
        }
        return parts
    }

    /// The open connections, which the sink no longer holds: the next try connects again.
    private func takeConnections() -> [PostgresConnection] {
        let taken = connections.compactMap { $0 }
        connections = Array(repeating: nil, count: connections.count)
        return taken
    }

    /// Writes one part of a batch in one transaction on connection `lane`.
    private func write(_ latest: [TrialRecord], rows: RecordRows, json: [String: [UInt8]], lane: Int) async throws {
        let connection = try await connected(lane)
        try await connection.query("BEGIN", logger: logger)
        do {
            try await upsertChildren(latest, rows: rows, json: json, on: connection)
            try await connection.query("COMMIT", logger: logger)
        } catch {
            if !connection.isClosed { _ = try? await connection.query("ROLLBACK", logger: logger) }
            throw error
        }
    }

    private func upsertChildren(
        _ latest: [TrialRecord], rows: RecordRows, json: [String: [UInt8]], on connection: PostgresConnection
    ) async throws {
        var keys: [String: Int] = [:]
        var replaced: [Int] = []
        let upsert = PostgresBatchStatements.StudiesUpsert(rows.studies)
        for try await (id, key, inserted) in try await connection.execute(upsert, logger: logger) {
            keys[id] = key
            if !inserted { replaced.append(key) }
        }
        if !replaced.isEmpty {
            // The deletes go through each table's primary key, whatever the statistics say. Planned while the
            // tables were small (or before they were analysed), they read every child table whole on every batch:
            // 9 million rows over 20,000 records, and a time per batch growing with the database. The setting ends
            // with the transaction; the batch's other statements read no table.
            try await connection.query("SET LOCAL enable_seqscan = off", logger: logger)
            _ = try await connection.execute(PostgresBatchStatements.ChildDeletes(keys: replaced), logger: logger)
        }
        let children = keys.count == latest.count ? rows : RecordRows(latest.filter { keys[$0.id] != nil }, json: json)
        _ = try await connection.execute(
            PostgresBatchStatements.ChildInserts(children, keys: keys), logger: logger)
    }

    /// Drops the sink's schema with every table in it, for a benchmark or test that wrote a schema of its own.
    public func dropSchema() async throws {
        let connection = try await connected(0)
        try await connection.query("DROP SCHEMA IF EXISTS \(unescaped: quoted(schema)) CASCADE", logger: logger)
        await close()
    }

    public func close() async {
        opened = false
        for connection in takeConnections() { try? await connection.close() }
    }

    private func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
