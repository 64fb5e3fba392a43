/// One table of the relational schema: its name and the columns the sinks fill, in insertion order.
public struct RelationalTable: Sendable, Equatable {
    /// The table name, e.g. `conditions`.
    public let name: String
    /// Its columns in the order rows give their values; the first is always `record_id`.
    public let columns: [String]

    /// Describes a table.
    public init(_ name: String, _ columns: [String]) {
        self.name = name
        self.columns = columns
    }

    /// Every column as the DDL declares it: ``RelationalSchema/studyKey`` (which the database assigns in
    /// `studies` and the sinks copy into the other tables), then ``columns``.
    public var storedColumns: [String] { [RelationalSchema.studyKey] + columns }
}
