import Pipeline
import RelationalSinks

/// The `postgres` sink type: the relational schema in a PostgreSQL database.
enum PostgresSinkPlugin {
    static let type = SinkType(
        name: "postgres",
        summary: "writes records as relational tables (AACT-style, docs/relational-schema.md) into PostgreSQL",
        options: [url, schema, timeout, connections]
    ) { (options: inout OptionReader, _) throws(PipelineConfigError) -> any Sink in
        let url = try options.read(Self.url)
        let location: PostgresLocation
        do throws(RelationalSinkError) {
            location = try PostgresLocation(url: url)
        } catch {
            throw options.error(at: "url", error.message)
        }
        let schema = try options.read(Self.schema)
        guard !schema.isEmpty, schema.utf8.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "\"") }) else {
            throw options.error(
                at: "schema", "sink 'postgres': option 'schema' must be a plain name, e.g. `schema: trials`")
        }
        return PostgresSink(
            location: location, schema: schema, attemptTimeout: try options.read(Self.timeout),
            connections: try options.read(Self.connections))
    }

    static let url = OptionSpec.string(
        "url", required: "postgres://trialpipe@localhost:5432/trials",
        "postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=require]; the password from the environment, e.g. ${PGPASSWORD}"
    )
    static let schema = OptionSpec.string(
        "schema", default: "public", "the PostgreSQL schema holding the tables (created if missing)")
    static let timeout = OptionSpec.number(
        "timeout", in: 0.1...3600, default: 30,
        "seconds one batch may take before the connection is dropped and the batch tried again")
    static let connections = OptionSpec.integer(
        "connections", in: PostgresSink.connectionCounts, default: PostgresSink.defaultConnections,
        "connections a batch is split over, each part written in a transaction of its own at the same time")
}
