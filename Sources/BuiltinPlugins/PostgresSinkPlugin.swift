import Pipeline
import RelationalSinks

/// The `postgres` sink type: the relational schema in a PostgreSQL database.
enum PostgresSinkPlugin {
    static let type = SinkType(
        name: "postgres",
        summary: "writes records as relational tables (AACT-style, docs/relational-schema.md) into PostgreSQL",
        options: [
            PluginOption(
                "url", type: "string", required: true,
                "postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=require]; the password from the environment, e.g. ${PGPASSWORD}"
            ),
            PluginOption(
                "schema", type: "string", default: "public",
                "the PostgreSQL schema holding the tables (created if missing)"),
            PluginOption(
                "timeout", type: "number", default: "30",
                "seconds one batch may take before the connection is dropped and the batch tried again"),
        ]
    ) { (options: inout OptionReader, _) throws(PipelineConfigError) -> any Sink in
        let url = try options.requiredString("url", example: "postgres://trialpipe@localhost:5432/trials")
        let location: PostgresLocation
        do throws(RelationalSinkError) {
            location = try PostgresLocation(url: url)
        } catch {
            throw options.error(at: "url", error.message)
        }
        let schema = try options.string("schema") ?? "public"
        guard !schema.isEmpty, schema.utf8.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "\"") }) else {
            throw options.error(
                at: "schema", "sink 'postgres': option 'schema' must be a plain name, e.g. `schema: trials`")
        }
        let timeout = try options.number("timeout", in: 0.1...3600) ?? 30
        return PostgresSink(location: location, schema: schema, attemptTimeout: timeout)
    }
}
