import Foundation
import GRDB
import GRDBSQLite

/// Inserts rows through prepared statements of one or more rows each, binding every value with SQLite's own
/// calls.
///
/// GRDB's `StatementArguments` box every value as a `DatabaseValue` and check each text for NUL through a
/// generic sequence search; at some fifty rows a record that was most of the sink's CPU. Here text is bound from
/// the string's own UTF-8, read in place by SQLite, and a NUL, which SQLite's text functions stop at, is written
/// as U+FFFD, as before.
///
/// Rows go in as few statements as they can, up to ``maximumRows`` rows each: every statement SQLite runs opens
/// and closes its cursors and allocates and frees its memory, which for one row at a time was a quarter of the
/// sink's CPU.
struct SQLiteRowInserter {
    /// The most rows one statement inserts.
    static let maximumRows = 64

    private let table: RelationalTable
    private let verb: String
    private let keyed: Bool
    private let width: Int
    /// Values a row binds: the table's columns, and the study key before them when keyed.
    private let stride: Int
    /// The statements by row count (index 0 unused), prepared when first needed.
    private var statements: [Statement?]

    /// An inserter of `table`'s rows (`verb` being `INSERT`, `INSERT OR FAIL` or `INSERT OR REPLACE`), taking a
    /// study key before each row's values when `keyed`.
    init(into table: RelationalTable, verb: String, keyed: Bool) {
        self.table = table
        self.verb = verb
        self.keyed = keyed
        self.width = table.columns.count
        self.stride = width + (keyed ? 1 : 0)
        self.statements = Array(repeating: nil, count: Self.maximumRows + 1)
    }

    /// The SQL inserting `rows` rows.
    func sql(rows: Int) -> String {
        let columns = keyed ? table.storedColumns : table.columns
        let row = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        let values = Array(repeating: row, count: rows).joined(separator: ", ")
        return "\(verb) INTO \(table.name) (\(columns.joined(separator: ", "))) VALUES \(values)"
    }

    /// Inserts the rows of a flat value list holding the table's columns' values a row; when the inserter is
    /// keyed, `keys` holds each row's study key.
    mutating func insert(_ values: [SQLValue], keys: [Int64] = [], in db: Database) throws {
        precondition(values.count % width == 0, "\(table.name): values that fill no whole row")
        var start = 0
        var row = 0
        while start < values.count {
            let rows = min(Self.maximumRows, (values.count - start) / width)
            let statement = try statement(rows: rows, in: db)
            let handle = statement.sqliteStatement
            if keyed {
                for offset in 0..<rows { sqlite3_bind_int64(handle, Int32(offset * stride + 1), keys[row + offset]) }
            }
            let code = bindAndStep(values, from: start, count: rows * width, handle)
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
            guard code == SQLITE_DONE else {
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: code),
                    message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))), sql: statement.sql)
            }
            start += rows * width
            row += rows
        }
    }

    private mutating func statement(rows: Int, in db: Database) throws -> Statement {
        if let statement = statements[rows] { return statement }
        let statement = try db.cachedStatement(sql: sql(rows: rows))
        statements[rows] = statement
        return statement
    }

    /// Binds `count` values from `from` on, then runs the statement: each text is bound inside the closure that
    /// lends its bytes, which SQLite then reads in place instead of copying (no allocation per value). The calls
    /// nest once per value, at most ``maximumRows`` times the table's width (a few hundred frames, a few dozen
    /// kilobytes of stack); copying the texts into one buffer instead measured 6–8 % slower.
    private func bindAndStep(_ values: [SQLValue], from: Int, count: Int, _ handle: SQLiteStatement) -> Int32 {
        bind(values, from: from, offset: 0, count: count, handle)
    }

    private func bind(_ values: [SQLValue], from: Int, offset: Int, count: Int, _ handle: SQLiteStatement) -> Int32 {
        guard offset < count else { return sqlite3_step(handle) }
        let row = offset / width
        let index = Int32(row * stride + offset - row * width + (keyed ? 2 : 1))
        switch values[from + offset] {
        case .null: sqlite3_bind_null(handle, index)
        case .integer(let number): sqlite3_bind_int64(handle, index, Int64(number))
        case .boolean(let flag): sqlite3_bind_int64(handle, index, flag ? 1 : 0)
        case .json(let bytes):
            // No NUL to replace (see `SQLValue.json`): the bytes are bound in place as they are.
            return bytes.withUnsafeBufferPointer { utf8 in
                if let base = utf8.baseAddress {
                    _ = UnsafeRawPointer(base).withMemoryRebound(to: CChar.self, capacity: utf8.count) {
                        sqlite3_bind_text(handle, index, $0, Int32(utf8.count), nil)
                    }
                } else {
                    _ = sqlite3_bind_text(handle, index, "", 0, Self.transient)
                }
                return bind(values, from: from, offset: offset + 1, count: count, handle)
            }
        case .text(var text):
            return text.withUTF8 { utf8 in
                if let base = utf8.baseAddress, !utf8.isEmpty, memchr(base, 0, utf8.count) == nil {
                    _ = base.withMemoryRebound(to: CChar.self, capacity: utf8.count) {
                        // No destructor (SQLITE_STATIC): SQLite reads the bytes in place until the statement runs.
                        sqlite3_bind_text(handle, index, $0, Int32(utf8.count), nil)
                    }
                } else {
                    let cleaned = String(decoding: utf8, as: UTF8.self).replacingOccurrences(
                        of: "\u{0}", with: "\u{FFFD}")
                    _ = sqlite3_bind_text(handle, index, cleaned, -1, Self.transient)
                }
                return bind(values, from: from, offset: offset + 1, count: count, handle)
            }
        }
        return bind(values, from: from, offset: offset + 1, count: count, handle)
    }

    /// SQLite copies the bytes before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
