import Foundation
import GRDB
import PipelineTesting
import PostgresNIO
import Testing
import TrialModel

@testable import RelationalSinks

@Suite("Relational parts")
struct RelationalPartsTests {
    @Test func aURLGivesHostPortUserPasswordDatabaseAndTLS() throws {
        let location = try PostgresLocation(url: "postgres://app:p%40ss%3Aword@db.example:6543/trials?sslmode=require")
        #expect(location.host == "db.example")
        #expect(location.port == 6543)
        #expect(location.user == "app")
        #expect(location.password == "p@ss:word")
        #expect(location.database == "trials")
        #expect(location.tls == .require)
        #expect(!location.display.contains("p@ss"), "the password must not reach logs")
        let plain = try PostgresLocation(url: "postgresql://app@localhost/trials")
        #expect(plain.port == 5432 && plain.tls == .disable && plain.password == nil)
        let socket = try PostgresLocation(url: "postgres://app@/trials?host=/run/postgresql")
        #expect(socket.socketFolder == "/run/postgresql")
    }

    @Test(arguments: [
        ("mysql://app@db/trials", "must start with postgres://"),
        ("postgres://db/trials", "names no user"),
        ("postgres://app@db", "names no database"),
        ("postgres://app@db/trials?sslmode=always", "use one of disable, prefer, require, verify-full"),
        ("postgres://app@db/trials?pool=3", "unknown parameter 'pool'"),
    ])
    func aBadURLSaysWhatIsWrongAndTheForm(url: String, says: String) {
        #expect {
            try PostgresLocation(url: url)
        } throws: { error in
            let message = (error as? RelationalSinkError)?.message ?? ""
            return message.contains(says) && message.contains("postgres://USER[:PASSWORD]@HOST")
        }
    }

    /// The binary `text[]` a column is sent as: a header (one dimension, the NULL flag, text's type, the length
    /// and lower bound), then each element's length and bytes, -1 for NULL.
    @Test func columnArraysAreBinaryTextArraysWithNULReplacedAndNULLsMarked() throws {
        var array = PostgresTextArray()
        for value: SQLValue in [.text("a\tb\"c"), .null, .integer(-42), .boolean(true), .text("x\u{0}y"), .text("")] {
            array.append(value)
        }
        let bytes = Self.encoded(array)
        #expect(Array(bytes.prefix(20)) == [0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 25, 0, 0, 0, 6, 0, 0, 0, 1])
        #expect(Self.elements(bytes) == ["a\tb\"c", nil, "-42", "true", "x\u{FFFD}y", ""])

        var json = PostgresTextArray()
        json.appendJSON(.text(#"{"a":"x\u0000y","b":"\\u0000"}"#))
        json.appendJSON(.json(Array(#"{"a":"x\u0000y","b":"\\u0000"}"#.utf8)))
        json.appendJSON(.json([]))
        json.append(.json(Array(#"{"c":1}"#.utf8)))
        let jsonBytes = Self.encoded(json)
        #expect(jsonBytes[7] == 0, "no NULL element")
        #expect(
            Self.elements(jsonBytes) == [
                #"{"a":"x\ufffdy","b":"\\u0000"}"#, #"{"a":"x\ufffdy","b":"\\u0000"}"#, "", #"{"c":1}"#,
            ])
    }

    static func encoded(_ array: PostgresTextArray) -> [UInt8] {
        var buffer = ByteBuffer()
        array.encode(into: &buffer, context: .default)
        return Array(buffer.readableBytesView)
    }

    /// The elements of a one-dimensional binary `text[]`.
    static func elements(_ bytes: [UInt8]) -> [String?] {
        var buffer = ByteBuffer(bytes: bytes)
        var found: [String?] = []
        _ = buffer.readMultipleIntegers(as: (Int32, Int32, Int32, Int32, Int32).self)
        while let length = buffer.readInteger(as: Int32.self) {
            found.append(length < 0 ? nil : buffer.readString(length: Int(length)))
        }
        return found
    }

    @Test func aBatchKeepsTheLastVersionOfEachRecordSortedById() {
        func record(_ id: String, _ title: String) -> TrialRecord {
            var record = TrialRecord(
                id: id,
                provenance: Provenance(
                    sourcePath: "a", sha256: "0", bytes: 1, layout: "t", pipeline: "p",
                    processedAt: "2026-01-01T00:00:00.000Z"))
            record.briefTitle = title
            return record
        }
        let latest = LatestVersions.of([record("NCT2", "old"), record("NCT1", "one"), record("NCT2", "new")])
        #expect(latest.map(\.id) == ["NCT1", "NCT2"])
        #expect(latest.map(\.briefTitle) == ["one", "new"])
    }

    @Test func aRecordGivesOneRowPerListEntry() {
        var generator = RandomRecords(seed: 7, wild: false)
        for _ in 0..<50 {
            let record = generator.fullRecord()
            let rows = RecordRows([record])
            #expect(rows.rowCount("studies") == 1)
            #expect(rows.rowCount("conditions") == record.conditions.count)
            #expect(rows.rowCount("interventions") == record.interventions.count)
            #expect(
                rows.rowCount("intervention_other_names") == record.interventions.map(\.otherNames.count).reduce(0, +))
            #expect(
                rows.rowCount("eligibility_criteria")
                    == record.eligibility.inclusion.count + record.eligibility.exclusion.count)
            #expect(
                rows.rowCount("design_outcomes") == record.primaryOutcomes.count + record.secondaryOutcomes.count)
            #expect(rows.rowCount("sponsors") == (record.leadSponsor == nil ? 0 : 1) + record.collaborators.count)
            #expect(rows.rowCount("drugs") == record.drugs.count)
            #expect(rows.rowCount("drug_atc_codes") == record.drugs.map(\.atc.count).reduce(0, +))
            #expect(rows.rowCount("drug_classes") == record.drugs.map(\.classes.count).reduce(0, +))
            #expect(rows.rowCount("cross_references") == record.crossReferences.count)
            #expect(rows.rowCount("see_also") == record.seeAlso.count)
            #expect(rows.rowCount("referenced_by") == record.referencedBy.count)
            #expect(rows.rowCount("facilities") == record.locations.count)
            #expect(rows.rowCount("provenance") == 1 && rows.rowCount("eligibilities") == 1)
        }
    }

    @Test func theShippedSQLiteDDLHasExactlyTheTablesAndColumnsTheSinksFill() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            for statement in try RelationalSchema.statements(for: .sqlite) { try db.execute(sql: statement) }
        }
        try queue.read { db in
            let tables = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'trialpipe_schema'")
            #expect(Set(tables) == Set(RelationalSchema.allTables.map(\.name)))
            for table in RelationalSchema.allTables {
                let columns = try Row.fetchAll(db, sql: "PRAGMA table_info(\(table.name))").map { $0["name"] as String }
                #expect(columns == table.storedColumns, "\(table.name)")
            }
        }
    }

    @Test func bothDDLFilesCreateTheSameTablesAndColumnsInTheSameOrder() throws {
        let types: Set<Substring> = ["TEXT", "INTEGER", "BIGINT", "BOOLEAN", "JSONB"]
        func shape(_ engine: RelationalSchema.Engine) throws -> [String] {
            try RelationalSchema.statements(for: engine).map { statement in
                // PostgreSQL's spelling of the key SQLite assigns by itself (`INTEGER PRIMARY KEY`, the rowid).
                statement.replacingOccurrences(of: " GENERATED ALWAYS AS IDENTITY", with: "").split(
                    whereSeparator: \.isWhitespace
                ).map {
                    types.contains($0) || types.contains($0.dropLast()) ? "TYPE" : String($0)
                }
                .joined(separator: " ")
            }
        }
        let sqlite = try shape(.sqlite)
        let postgres = try shape(.postgres)
        #expect(sqlite.count == postgres.count)
        for (one, other) in zip(sqlite, postgres) { #expect(one == other) }
    }
}
