import Foundation
import GRDB
import GRDBSQLite

/// Inserts rows through one prepared statement, binding each value with SQLite's own calls.
///
/// GRDB's `StatementArguments` box every value as a `DatabaseValue` and check each text for NUL through a
/// generic sequence search; at some fifty rows a record that was most of the sink's CPU. Here text is bound from
/// the string's own UTF-8, read in place by SQLite, and a NUL, which SQLite's text functions stop at, is written
/// as U+FFFD, as before.
struct SQLiteRowInserter {
    private let statement: Statement
    private let width: Int
    /// The first parameter the values are bound to: 2 when the statement takes a study key first, else 1.
    private let firstValue: Int32

    /// An inserter for `statement`, which takes `width` values a row, after a study key when `keyed`.
    init(statement: Statement, width: Int, keyed: Bool) {
        self.statement = statement
        self.width = width
        self.firstValue = keyed ? 2 : 1
    }

    /// Inserts the rows of a flat value list holding `width` values a row, each after `key` when the statement
    /// is keyed.
    func insert(_ values: [SQLValue], key: Int64? = nil) throws {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        defer { sqlite3_clear_bindings(handle) }
        if let key { sqlite3_bind_int64(handle, 1, key) }
        var start = 0
        while start < values.count {
            let code = bindAndStep(values, row: start, column: 0, handle)
            sqlite3_reset(handle)
            guard code == SQLITE_DONE else {
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: code),
                    message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))), sql: statement.sql)
            }
            start += width
        }
    }

    /// Binds a row's values from `column` on, then runs the statement: each text is bound inside the closure
    /// that lends its bytes, which SQLite then reads in place instead of copying (no allocation per value).
    private func bindAndStep(_ values: [SQLValue], row: Int, column: Int, _ handle: SQLiteStatement) -> Int32 {
        guard column < width else { return sqlite3_step(handle) }
        let index = Int32(column) + firstValue
        switch values[row + column] {
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
                return bindAndStep(values, row: row, column: column + 1, handle)
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
                return bindAndStep(values, row: row, column: column + 1, handle)
            }
        }
        return bindAndStep(values, row: row, column: column + 1, handle)
    }

    /// SQLite copies the bytes before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
