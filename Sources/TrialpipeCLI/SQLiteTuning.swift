import CSQLiteSettings

/// Process-wide SQLite settings, made before the first database is opened.
enum SQLiteTuning {
    /// Turns off SQLite's memory statistics, which nothing reads.
    ///
    /// With them on, every allocation and free inside SQLite takes one process-wide mutex: 4–5 % of the CPU of
    /// `bench --sink sqlite`, where statements run by the hundred thousand. Returns whether the setting took
    /// effect (it cannot once SQLite has been used in this process).
    @discardableResult
    static func apply() -> Bool {
        csqlite_disable_memory_statistics() == SQLITE_OK
    }
}
