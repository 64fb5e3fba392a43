public import Pipeline
import Sinks

/// The `jsonl` sink type.
enum JSONLinesSinkPlugin {
    static let type = SinkType(
        name: "jsonl",
        summary: "appends one JSON line per record to a file (fsync per batch; a torn last line is cut at start-up)",
        options: [path]
    ) { (options: inout OptionReader, _) throws(PipelineConfigError) -> any Sink in
        JSONLinesSink(path: try options.read(Self.path))
    }

    static let path = OptionSpec.path(
        "path", required: "Outbox/trials.jsonl", "the JSON Lines file, e.g. Outbox/trials.jsonl")
}
