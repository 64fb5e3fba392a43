import PostgresNIO

/// The statements a batch is written with: every column goes as one binary `text[]` parameter
/// (``PostgresTextArray``), turned into rows by `unnest` and cast to the column's type by the statement.
///
/// Three round trips at most, whatever the number of tables: the `studies` upsert, one statement deleting the
/// replaced records' rows from every child table, and one statement inserting into every child table.
struct PostgresBatchStatements {
    /// The SQL type of each column by table name, in ``RelationalTable/columns`` order (as the server has them).
    let columnTypes: [String: [String]]

    /// Upserts the `studies` rows in their order, keeping a stored row whose `processed_at` is newer; returns
    /// each written id and whether it was inserted (not replaced). The rows come sorted by record id
    /// (``LatestVersions``), so that writers lock them in one order.
    func studiesUpsert(_ values: [SQLValue]) -> PostgresQuery {
        let table = RelationalSchema.studies
        var binds = PostgresBindings(capacity: table.columns.count)
        let select = rows(of: table, values, startingAt: 1, into: &binds)
        let columns = table.columns.joined(separator: ", ")
        let updates = table.columns.dropFirst().map { "\($0) = EXCLUDED.\($0)" }.joined(separator: ", ")
        let sql = """
            INSERT INTO studies (\(columns)) \(select) \
            ON CONFLICT (record_id) DO UPDATE SET \(updates) \
            WHERE EXCLUDED.processed_at >= studies.processed_at \
            RETURNING record_id, (xmax = 0) AS inserted
            """
        return PostgresQuery(unsafeSQL: sql, binds: binds)
    }

    /// Deletes every child row of the given records.
    func childDeletes(_ ids: [String]) -> PostgresQuery {
        var binds = PostgresBindings(capacity: 1)
        binds.append(ids)
        let deletes = RelationalSchema.childTables.enumerated().map { index, table in
            "d\(index) AS (DELETE FROM \(table.name) WHERE record_id = ANY($1::text[]))"
        }
        return PostgresQuery(unsafeSQL: "WITH \(deletes.joined(separator: ", ")) SELECT 1", binds: binds)
    }

    /// Inserts the child rows of a batch into every table that has some, or nil when none has.
    func childInserts(_ rows: RecordRows) -> PostgresQuery? {
        var binds = PostgresBindings()
        var inserts: [String] = []
        for (index, (table, values)) in zip(RelationalSchema.childTables, rows.children).enumerated()
        where !values.isEmpty {
            let select = self.rows(of: table, values, startingAt: binds.count + 1, into: &binds)
            inserts.append(
                "i\(index) AS (INSERT INTO \(table.name) (\(table.columns.joined(separator: ", "))) \(select))")
        }
        guard !inserts.isEmpty else { return nil }
        return PostgresQuery(unsafeSQL: "WITH \(inserts.joined(separator: ", ")) SELECT 1", binds: binds)
    }

    /// `SELECT` of a table's rows from one `text[]` parameter per column, numbered from `first`.
    private func rows(
        of table: RelationalTable, _ values: [SQLValue], startingAt first: Int, into binds: inout PostgresBindings
    )
        -> String
    {
        let width = table.columns.count
        let types = columnTypes[table.name] ?? []
        var columns = Array(repeating: PostgresTextArray(), count: width)
        var start = 0
        while start < values.count {
            for column in 0..<width {
                if types.indices.contains(column), types[column] == "jsonb" {
                    columns[column].appendJSON(values[start + column])
                } else {
                    columns[column].append(values[start + column])
                }
            }
            start += width
        }
        for column in columns { binds.append(column) }
        // `unnest` in the select list streams its rows; in FROM it would first gather them in a tuple store,
        // which a batch's JSON overflows to a temporary file.
        let selected = table.columns.enumerated().map { index, name in
            let type = types.indices.contains(index) ? types[index] : "text"
            let cast = type == "text" ? "" : "::" + type
            return "unnest($\(first + index)::text[])\(cast) AS \(name)"
        }
        return "SELECT \(selected.joined(separator: ", "))"
    }
}
