import Foundation
import RelationalSinks
import Testing
import TrialModel

/// Checks that a database's tables say exactly what the records in its `studies.record` column say: every
/// table's rows, all columns, field by field, each under its record's study key; and that those records are the
/// expected ones.
enum TableAgreement {
    /// The records stored in `studies.record`, decoded.
    static func storedRecords(_ database: some TestDatabase) async throws -> [TrialRecord] {
        let rows = try await database.rows(
            "SELECT \(database.text("record")) FROM studies ORDER BY record_id")
        return try rows.map { try JSONDecoder().decode(TrialRecord.self, from: Data(($0[0] ?? "").utf8)) }
    }

    /// Every difference between the tables and the rows ``RecordRows`` makes of the stored records.
    static func problems(_ database: some TestDatabase) async throws -> [String] {
        let records = try await storedRecords(database)
        let expected = RecordRows(records)
        var problems: [String] = []
        let tables =
            [(RelationalSchema.studies, expected.studies)]
            + Array(zip(RelationalSchema.childTables, expected.children))
        for (table, values) in tables {
            let columns = table.columns.filter { $0 != "record" }
            let indices = columns.map { table.columns.firstIndex(of: $0)! }
            var want: [String] = []
            var start = 0
            while start < values.count {
                want.append(
                    indices.map { render(values[start + $0], engine: database.engine) }.joined(separator: "\u{1}"))
                start += table.columns.count
            }
            let got = try await database.rows(
                "SELECT \(columns.map(database.text).joined(separator: ", ")) FROM \(table.name)"
            ).map { $0.map { $0 ?? "NULL" }.joined(separator: "\u{1}") }
            if got.count != want.count {
                problems.append("\(table.name): \(got.count) rows, the records give \(want.count)")
            } else if got.sorted() != want.sorted() {
                let missing = Set(want).subtracting(got).sorted().prefix(2)
                problems.append("\(table.name): rows differ, e.g. \(missing.map { $0.debugDescription })")
            }
        }
        for table in RelationalSchema.childTables {
            let unkeyed = try await database.count(
                """
                \(table.name) c WHERE NOT EXISTS \
                (SELECT 1 FROM studies s WHERE s.study_key = c.study_key AND s.record_id = c.record_id)
                """)
            if unkeyed != 0 { problems.append("\(table.name): \(unkeyed) rows not under their record's study key") }
        }
        return problems
    }

    /// Records an issue for every difference ``problems(_:)`` finds.
    static func expectAgreement(_ database: some TestDatabase, sourceLocation: SourceLocation = #_sourceLocation)
        async throws
    {
        for problem in try await problems(database) {
            Issue.record("\(database.engine): \(problem)", sourceLocation: sourceLocation)
        }
    }

    /// A value as the engine renders it cast to text.
    static func render(_ value: SQLValue, engine: RelationalSchema.Engine) -> String {
        switch value {
        case .null: "NULL"
        case .integer(let number): String(number)
        case .boolean(let flag): engine == .sqlite ? (flag ? "1" : "0") : (flag ? "true" : "false")
        case .text(let text): text.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}")
        case .json(let bytes): String(decoding: bytes, as: UTF8.self)
        }
    }

    /// The last record of each id in a JSON Lines file, decoded.
    static func latestRecords(inJSONLines path: String) throws -> [String: TrialRecord] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var latest: [String: TrialRecord] = [:]
        for line in text.split(separator: "\n") {
            let record = try JSONDecoder().decode(TrialRecord.self, from: Data(line.utf8))
            latest[record.id] = record
        }
        return latest
    }

    /// Row counts of every table.
    static func counts(_ database: some TestDatabase) async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for table in RelationalSchema.allTables { counts[table.name] = try await database.count(table.name) }
        return counts
    }
}
