import Pipeline
import RelationalSinks

/// The `sqlite` sink type: the relational schema in an SQLite file.
enum SQLiteSinkPlugin {
    static let type = SinkType(
        name: "sqlite",
        summary: "writes records as relational tables (AACT-style, docs/relational-schema.md) into an SQLite file",
        options: [path]
    ) { (options: inout OptionReader, _) throws(PipelineConfigError) -> any Sink in
        SQLiteSink(path: try options.read(Self.path))
    }

    static let path = OptionSpec.path(
        "path", required: "Outbox/trials.sqlite",
        "the database file, e.g. Outbox/trials.sqlite (WAL; one transaction per batch)")
}
