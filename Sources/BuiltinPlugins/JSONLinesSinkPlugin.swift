public import Pipeline
import Sinks

/// The `jsonl` sink type.
enum JSONLinesSinkPlugin {
    static let type = SinkType(
        name: "jsonl",
        summary: "appends one JSON line per record to a file (fsync per batch; a torn last line is cut at start-up)",
        options: [PluginOption("path", type: "path", required: true, "the JSON Lines file, e.g. Outbox/trials.jsonl")]
    ) { (options: inout OptionReader, _) throws(PipelineConfigError) -> any Sink in
        guard let path = try options.path("path") else {
            throw options.error(at: nil, "sink 'jsonl' needs option 'path', e.g. `path: Outbox/trials.jsonl`")
        }
        return JSONLinesSink(path: path)
    }
}
