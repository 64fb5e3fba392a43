import Foundation
import Pipeline
import PipelineTesting
import RelationalSinks
import Testing
import TrialModel

/// A database of schema version 1 (the DDL as it shipped, in `Fixtures/`) that a sink opens is migrated in
/// place: every row kept, each under its record's study key, and the sink then writes as on a new database.
enum SchemaMigrationCheck {
    /// Creates version-1 tables holding `records` through `execute`, opens a sink on them and checks the result.
    static func version1IsMigratedInPlace(
        _ subject: SinkUnderTest, execute: (String) async throws -> Void
    ) async throws {
        var generator = RandomRecords(seed: 33, wild: false)
        let records = LatestVersions.of((0..<40).map { _ in generator.fullRecord() })
        let engine = subject.database.engine
        for statement in try version1Statements(engine) { try await execute(statement) }
        try await execute("INSERT INTO trialpipe_schema (version, created_at) VALUES (1, '2026-01-01T00:00:00Z')")
        let rows = RecordRows(records)
        let tables = [(RelationalSchema.studies, rows.studies)] + zip(RelationalSchema.childTables, rows.children)
        for (table, values) in tables {
            for statement in inserts(table, values, engine: engine) { try await execute(statement) }
        }
        let database = subject.database
        let before = try await TableAgreement.counts(database)
        #expect(before["studies"] == records.count)

        let sink = subject.make()
        try await sink.open()
        #expect(try await database.rows("SELECT CAST(MAX(version) AS TEXT) FROM trialpipe_schema") == [["2"]])
        #expect(try await TableAgreement.counts(database) == before)
        #expect(try await TableAgreement.storedRecords(database).map(\.id) == records.map(\.id))
        try await TableAgreement.expectAgreement(database)
        let leftOver =
            engine == .sqlite
            ? "SELECT name FROM sqlite_master WHERE name LIKE '%\\_v1' ESCAPE '\\'"
            : "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema() AND table_name LIKE '%\\_v1'"
        #expect(try await database.rows(leftOver).isEmpty)

        // Written to afterwards like any database: a newer version replaces its record's rows.
        var newer = records[0]
        newer.provenance.processedAt = "2099-01-01T00:00:00.000Z"
        newer.conditions = ["Migrated"]
        try await sink.write([newer])
        #expect(try await database.count("studies") == records.count)
        try await TableAgreement.expectAgreement(database)
        try await sink.close()
    }

    /// The version-1 DDL of `engine`, one statement each, as it shipped.
    static func version1Statements(_ engine: RelationalSchema.Engine) throws -> [String] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/schema-v1-\(engine.rawValue).sql")
        return RelationalSchema.statements(in: try String(contentsOf: url, encoding: .utf8))
    }

    /// One `INSERT` of literals of every row of a version-1 table (whose columns are the table's `columns`),
    /// none for a table without rows.
    static func inserts(_ table: RelationalTable, _ values: [SQLValue], engine: RelationalSchema.Engine)
        -> [String]
    {
        let width = table.columns.count
        let rows = stride(from: 0, to: values.count, by: width).map { start in
            let literals = values[start..<start + width].map { value -> String in
                if value == .null { return "NULL" }
                var text = TableAgreement.render(value, engine: engine)
                if case .json = value, engine == .postgres {
                    // As the sink writes it: `jsonb` refuses the NUL escape.
                    text = text.replacingOccurrences(of: "\\u0000", with: "\\ufffd")
                }
                return "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
            }
            return "(" + literals.joined(separator: ", ") + ")"
        }
        guard !rows.isEmpty else { return [] }
        return [
            "INSERT INTO \(table.name) (\(table.columns.joined(separator: ", "))) VALUES \(rows.joined(separator: ", "))"
        ]
    }
}
