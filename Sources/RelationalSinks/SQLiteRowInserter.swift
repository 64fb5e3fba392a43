import Foundation
import GRDB
import GRDBSQLite

/// Inserts rows through one prepared statement, binding each value with SQLite's own calls.
///
/// GRDB's `StatementArguments` box every value as a `DatabaseValue` and check each text for NUL through a
/// generic sequence search; at some fifty rows a record that was most of the sink's CPU. Here text is bound from
/// the string's own UTF-8 (copied by SQLite) and a NUL, which SQLite's text functions stop at, is written as
/// U+FFFD, as before.
struct SQLiteRowInserter {
    private let statement: Statement
    private let width: Int

    /// An inserter for `statement`, which takes `width` values a row.
    init(statement: Statement, width: Int) {
        self.statement = statement
        self.width = width
    }

    /// Inserts the rows of a flat value list holding `width` values a row.
    func insert(_ values: [SQLValue]) throws {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        defer { sqlite3_clear_bindings(handle) }
        var start = 0
        while start < values.count {
            for offset in 0..<width {
                bind(values[start + offset], at: Int32(offset + 1), handle)
            }
            let code = sqlite3_step(handle)
            sqlite3_reset(handle)
            guard code == SQLITE_DONE else {
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: code),
                    message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))), sql: statement.sql)
            }
            start += width
        }
    }

    private func bind(_ value: SQLValue, at index: Int32, _ handle: SQLiteStatement) {
        switch value {
        case .null: sqlite3_bind_null(handle, index)
        case .integer(let number): sqlite3_bind_int64(handle, index, Int64(number))
        case .boolean(let flag): sqlite3_bind_int64(handle, index, flag ? 1 : 0)
        case .text(let text): Self.bind(text, at: index, handle)
        }
    }

    private static func bind(_ text: String, at index: Int32, _ handle: SQLiteStatement) {
        var text = text
        text.withUTF8 { utf8 in
            guard let base = utf8.baseAddress, !utf8.isEmpty else {
                _ = sqlite3_bind_text(handle, index, "", 0, transient)
                return
            }
            if memchr(base, 0, utf8.count) != nil {
                let cleaned = String(decoding: utf8, as: UTF8.self).replacingOccurrences(of: "\u{0}", with: "\u{FFFD}")
                _ = sqlite3_bind_text(handle, index, cleaned, -1, transient)
            } else {
                _ = base.withMemoryRebound(to: CChar.self, capacity: utf8.count) {
                    sqlite3_bind_text(handle, index, $0, Int32(utf8.count), transient)
                }
            }
        }
    }

    /// SQLite copies the bytes before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
