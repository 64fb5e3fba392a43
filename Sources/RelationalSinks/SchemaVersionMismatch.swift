import Pipeline

/// The error a relational sink gives when its database holds tables of another schema version.
enum SchemaVersionMismatch {
    /// An error saying what the database holds and what to do: `found` is the stored version, or nil when
    /// the tables are there without a version table (not written by trialpipe).
    static func error(sink: String, place: String, found: Int?, option: String) -> RelationalSinkError {
        let held =
            found.map { "trialpipe schema version \($0)" }
            ?? "a `studies` table that trialpipe did not create (no \(RelationalSchema.versionTable) table)"
        return RelationalSinkError(
            code: .schemaVersion,
            message: """
                sink '\(sink)': \(place) holds \(held), but this trialpipe writes version \(RelationalSchema.version). \
                Point `\(option):` at a new database, or move the old tables away (the records can be written again \
                by processing the documents with a new state folder); see docs/relational-schema.md
                """)
    }
}
