import Pipeline
import RelationalSinks

/// The `sqlite` sink type: the relational schema in an SQLite file.
enum SQLiteSinkPlugin {
    static let type = SinkType(
        name: "sqlite",
        summary: "writes records as relational tables (AACT-style, docs/relational-schema.md) into an SQLite file",
        options: [
            PluginOption(
                "path", type: "path", required: true,
                "the database file, e.g. Outbox/trials.sqlite (WAL; one transaction per batch)")
        ]
    ) { (options: inout OptionReader, _) throws(PipelineConfigError) -> any Sink in
        guard let path = try options.path("path") else {
            throw options.error(at: nil, "sink 'sqlite' needs option 'path', e.g. `path: Outbox/trials.sqlite`")
        }
        return SQLiteSink(path: path)
    }
}
