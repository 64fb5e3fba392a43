import Foundation
import GRDB
import Logging
import PostgresNIO
import RelationalSinks
import Testing

/// A database the tests read back, as rows of text (NULL as nil), whichever the engine.
protocol TestDatabase: Sendable {
    /// The engine, for how it renders values.
    var engine: RelationalSchema.Engine { get }
    /// The rows of a query whose columns are all text.
    func rows(_ sql: String) async throws -> [[String?]]
}

extension TestDatabase {
    /// `SELECT COUNT(*)` of a table.
    func count(_ table: String) async throws -> Int {
        Int(try await rows("SELECT CAST(COUNT(*) AS TEXT) FROM \(table)").first?.first.flatMap { $0 } ?? "") ?? -1
    }

    /// A column cast to text, in the engine's spelling.
    func text(_ column: String) -> String {
        engine == .sqlite ? "CAST(\(column) AS TEXT)" : "\(column)::text"
    }
}

/// An SQLite file read through GRDB.
struct SQLiteTestDatabase: TestDatabase {
    let queue: DatabaseQueue
    var engine: RelationalSchema.Engine { .sqlite }

    init(path: String) throws { queue = try DatabaseQueue(path: path) }

    func rows(_ sql: String) async throws -> [[String?]] {
        try await queue.read { db in
            try Row.fetchAll(db, sql: sql).map { row in
                (0..<row.count).map { index -> String? in
                    switch (row[index] as DatabaseValue).storage {
                    case .null: nil
                    case .int64(let number): String(number)
                    case .double(let number): String(number)
                    case .string(let text): text
                    case .blob(let data): String(decoding: data, as: UTF8.self)
                    }
                }
            }
        }
    }
}

/// A PostgreSQL schema read through postgres-nio, with its own connection per query.
struct PostgresTestDatabase: TestDatabase {
    let location: PostgresLocation
    let schema: String
    var engine: RelationalSchema.Engine { .postgres }

    /// The server `Scripts/with-postgres` started, or nil when the variable naming it is not set.
    static var serverURL: String? { ProcessInfo.processInfo.environment["TRIALPIPE_TEST_POSTGRES"] }

    /// Why PostgreSQL tests are skipped, for `.enabled(if:)`.
    static let skipReason: Comment =
        "TRIALPIPE_TEST_POSTGRES is not set: run the tests through Scripts/test (or Scripts/with-postgres) to start a server"

    init(schema: String) throws {
        location = try PostgresLocation(url: Self.serverURL ?? "")
        self.schema = schema
    }

    /// A fresh schema name for one test.
    static func uniqueSchema(_ prefix: String) -> String {
        prefix + "_" + UUID().uuidString.prefix(8).lowercased()
    }

    func rows(_ sql: String) async throws -> [[String?]] {
        let logger = Logger(label: "test.postgres")
        let connection = try await PostgresConnection.connect(
            configuration: try location.connectionConfiguration(), id: 1, logger: logger)
        defer { Task { try? await connection.close() } }
        try await connection.query("SET search_path TO \(unescaped: "\"" + schema + "\"")", logger: logger)
        var result: [[String?]] = []
        for try await row in try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger) {
            var values: [String?] = []
            for cell in row { values.append(try cell.decode(String?.self)) }
            result.append(values)
        }
        try await connection.close()
        return result
    }

    /// Runs a statement that returns nothing.
    func execute(_ sql: String) async throws { _ = try await rows(sql) }
}
