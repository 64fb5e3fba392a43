import PostgresNIO

/// The statements a batch is written with: every column goes as one binary `text[]` parameter
/// (``PostgresTextArray``), turned into rows by `unnest` and cast to the column's type by the statement.
///
/// Three round trips at most, whatever the number of tables: the `studies` upsert, one statement deleting the
/// replaced records' rows from every child table, and one statement inserting into every child table (a table
/// without rows in the batch gets empty arrays). Their text never changes, so each is prepared once per
/// connection and, with `plan_cache_mode = force_generic_plan`, planned once.
///
/// Not `COPY … FROM STDIN`: PostgresNIO 1.33 stops the process (a precondition) when the connection drops in the
/// middle of a copy, and a server going away mid-batch must only make the batch wait.
enum PostgresBatchStatements {
    /// Upserts the `studies` rows in their order, keeping a stored row whose `processed_at` is newer; its rows
    /// are each written id, its study key and whether it was inserted (not replaced: a replaced row keeps its
    /// key). The rows come sorted by record id (``LatestVersions``), so that writers lock them in one order.
    struct StudiesUpsert: PostgresPreparedStatement {
        static let sql: String = {
            let table = RelationalSchema.studies
            let columns = table.columns.joined(separator: ", ")
            let updates = table.columns.dropFirst().map { "\($0) = EXCLUDED.\($0)" }.joined(separator: ", ")
            return """
                INSERT INTO studies (\(columns)) \(select(table, from: 1)) \
                ON CONFLICT (record_id) DO UPDATE SET \(updates) \
                WHERE EXCLUDED.processed_at >= studies.processed_at \
                RETURNING record_id, study_key, (xmax = 0) AS inserted
                """
        }()

        let bindings: PostgresBindings

        /// The upsert of a batch's `studies` values.
        init(_ values: [SQLValue]) {
            var bindings = PostgresBindings(capacity: RelationalSchema.studies.columns.count)
            appendColumns(of: RelationalSchema.studies, values, to: &bindings)
            self.bindings = bindings
        }

        func makeBindings() -> PostgresBindings { bindings }
        func decodeRow(_ row: PostgresRow) throws -> (String, Int, Bool) { try row.decode((String, Int, Bool).self) }
    }

    /// Deletes every child row of the records with the given study keys.
    struct ChildDeletes: PostgresPreparedStatement {
        static let sql: String = {
            let deletes = RelationalSchema.childTables.enumerated().map { index, table in
                "d\(index) AS (DELETE FROM \(table.name) WHERE study_key = ANY($1::bigint[]))"
            }
            return "WITH \(deletes.joined(separator: ", ")) SELECT 1"
        }()

        let keys: [Int]

        func makeBindings() -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 1)
            bindings.append(keys)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) {}
    }

    /// Inserts the child rows of a batch into every child table.
    struct ChildInserts: PostgresPreparedStatement {
        static let sql: String = {
            var first = 1
            var inserts: [String] = []
            for (index, table) in RelationalSchema.childTables.enumerated() {
                let columns = table.storedColumns.joined(separator: ", ")
                inserts.append(
                    "i\(index) AS (INSERT INTO \(table.name) (\(columns)) \(select(table, from: first, keyed: true)))")
                first += table.storedColumns.count
            }
            return "WITH \(inserts.joined(separator: ", ")) SELECT 1"
        }()

        let bindings: PostgresBindings

        /// The inserts of a batch's child rows, each under the study key of its record (by id).
        init(_ rows: RecordRows, keys: [String: Int]) {
            var bindings = PostgresBindings()
            for (table, values) in zip(RelationalSchema.childTables, rows.children) {
                appendColumns(of: table, values, keys: keys, to: &bindings)
            }
            self.bindings = bindings
        }

        func makeBindings() -> PostgresBindings { bindings }
        func decodeRow(_ row: PostgresRow) {}
    }

    /// Appends one `text[]` parameter per column of a table's rows (given row after row), after one of their
    /// records' study keys when `keys` are given (looked up by each row's first value, its record id).
    private static func appendColumns(
        of table: RelationalTable, _ values: [SQLValue], keys: [String: Int]? = nil,
        to bindings: inout PostgresBindings
    ) {
        let width = table.columns.count
        let json = table.columns.map { columnType(table.name, $0) == "jsonb" }
        var columns = Array(repeating: PostgresTextArray(), count: width)
        var studyKeys = PostgresTextArray()
        var start = 0
        while start < values.count {
            if let keys {
                guard case .text(let id) = values[start], let key = keys[id] else {
                    preconditionFailure("a child row of \(table.name) whose record has no study key")
                }
                studyKeys.append(.integer(key))
            }
            for column in 0..<width {
                if json[column] {
                    columns[column].appendJSON(values[start + column])
                } else {
                    columns[column].append(values[start + column])
                }
            }
            start += width
        }
        if keys != nil { bindings.append(studyKeys) }
        for column in columns { bindings.append(column) }
    }

    /// `SELECT` of a table's rows from one `text[]` parameter per column, numbered from `first`, each cast to
    /// its column's type; the study key first when `keyed`.
    ///
    /// `unnest` in the select list streams its rows; in FROM it would first gather them in a tuple store, which
    /// a batch's JSON overflows to a temporary file.
    private static func select(_ table: RelationalTable, from first: Int, keyed: Bool = false) -> String {
        let columns = (keyed ? table.storedColumns : table.columns).enumerated().map { index, name in
            let type = columnType(table.name, name)
            return "unnest($\(first + index)::text[])\(type == "text" ? "" : "::" + type) AS \(name)"
        }
        return "SELECT \(columns.joined(separator: ", "))"
    }

    /// A column's type in the shipped PostgreSQL DDL, in lower case (`text` for a column it does not name).
    static func columnType(_ table: String, _ column: String) -> String {
        columnTypes[table]?[column] ?? "text"
    }

    /// Every column's type by table, read from the shipped DDL: in each `CREATE TABLE`, a line `name TYPE …`.
    private static let columnTypes: [String: [String: String]] = {
        var types: [String: [String: String]] = [:]
        for statement in (try? RelationalSchema.statements(for: .postgres)) ?? []
        where statement.hasPrefix("CREATE TABLE ") {
            let lines = statement.split(separator: "\n")
            guard let table = lines.first?.dropFirst("CREATE TABLE ".count).split(separator: " ").first else {
                continue
            }
            for line in lines.dropFirst() {
                let words = line.split(separator: " ")
                guard words.count >= 2 else { continue }
                let type = words[1].filter { $0 != "," }.lowercased()
                types[String(table), default: [:]][String(words[0])] = type
            }
        }
        return types
    }()
}
