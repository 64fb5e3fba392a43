import Foundation
import Logging
import Pipeline

/// Brings the tables of an earlier schema version to ``RelationalSchema/version`` in place, keeping every row.
///
/// Version 1 keyed every table by `record_id`; version 2 adds `study_key`. The old tables are renamed aside,
/// the new ones created from the shipped DDL, `studies` copied (its keys given in record-id order), every other
/// table's rows copied under their record's key, and the old tables dropped. The sink runs the statements in
/// the transaction that checks the version, so a database is either migrated whole or left as it was.
enum SchemaMigration {
    /// The version the statements start from.
    static let migratedVersion = 1

    /// The statements turning version-1 tables into the current ones, for `engine`.
    static func statements(for engine: RelationalSchema.Engine) throws -> [String] {
        let ddl = try RelationalSchema.statements(for: engine)
        var statements: [String] = []
        // Secondary indexes are named alike in both versions: the old ones go first so the new ones can be made.
        for statement in ddl where statement.hasPrefix("CREATE INDEX ") {
            let name = statement.dropFirst("CREATE INDEX ".count).prefix { $0 != " " }
            statements.append("DROP INDEX \(name)")
        }
        for table in RelationalSchema.allTables {
            statements.append("ALTER TABLE \(table.name) RENAME TO \(aside(table))")
            if engine == .postgres {
                // A renamed table's primary key keeps its index's name, which the new table's key needs.
                statements.append("ALTER TABLE \(aside(table)) DROP CONSTRAINT \(table.name)_pkey")
            }
        }
        statements += ddl.filter { !$0.hasPrefix("CREATE TABLE \(RelationalSchema.versionTable) ") }
        let studies = RelationalSchema.studies.columns.joined(separator: ", ")
        statements.append(
            "INSERT INTO studies (\(studies)) SELECT \(studies) FROM \(aside(RelationalSchema.studies)) ORDER BY record_id"
        )
        for table in RelationalSchema.childTables {
            let columns = table.columns.joined(separator: ", ")
            let old = table.columns.map { "o." + $0 }.joined(separator: ", ")
            statements.append(
                """
                INSERT INTO \(table.name) (\(RelationalSchema.studyKey), \(columns)) \
                SELECT s.\(RelationalSchema.studyKey), \(old) FROM \(aside(table)) o \
                JOIN studies s ON s.record_id = o.record_id ORDER BY s.\(RelationalSchema.studyKey)
                """)
        }
        for table in RelationalSchema.allTables { statements.append("DROP TABLE \(aside(table))") }
        return statements
    }

    /// The log line a sink writes before migrating the `records` records at `place`.
    static func startNotice(sink: String, place: String, records: Int) -> Logger.Message {
        """
        \(sink): \(place) holds schema version \(migratedVersion); migrating its \(records) records to version \
        \(RelationalSchema.version) in place
        """
    }

    /// The log line a sink writes once the migration it began at `start` is done.
    static func doneNotice(sink: String, place: String, startedAt start: ContinuousClock.Instant) -> Logger.Message {
        let seconds = String(format: "%.1f", start.secondsUntil(.now))
        return "\(sink): \(place) migrated to schema version \(RelationalSchema.version) in \(seconds) s"
    }

    /// The name a table is kept under while its rows are copied.
    private static func aside(_ table: RelationalTable) -> String {
        table.name + "_v\(migratedVersion)"
    }
}
