public import Pipeline

/// The options of a pipeline's `source:` (type `inbox`), declared once: listed by `trialpipe plugins`, read
/// into a ``SourceSpec`` by the loader.
public enum InboxSourceOptions {
    /// One line on what the source does.
    public static let summary = "a folder that documents are dropped into, watched with inotify or by polling"

    private static let defaults = SourceSpec(inbox: "")

    static let type = OptionSpec.string("type", default: "inbox", "the source type; `inbox` is the only one")
    static let path = OptionSpec.path("path", required: "Inbox", "the folder documents are dropped into")
    static let include = OptionSpec.stringList(
        "include", default: SourceSpec.defaultInclude, "file-name patterns that count as documents")
    static let after = OptionSpec.choice(
        "after", default: defaults.after, "what happens to a document once its records are durable")
    static let processed = OptionSpec.path(
        "processed", shown: "PATH/.processed", "where `after: move` puts documents")
    static let quarantine = OptionSpec.path(
        "quarantine", shown: "PATH/.failed", "where failed documents go, with NAME.error.json beside each")
    static let maxBytes = OptionSpec.integer(
        "max-bytes", in: 1...(1 << 40), default: SourceSpec.defaultMaxBytes,
        "documents larger than this are quarantined unread")
    static let watch = OptionSpec.choice(
        "watch", default: defaults.watch, "kernel events (plus a periodic rescan), or listing at an interval")
    static let pollInterval = OptionSpec.number(
        "poll-interval", in: 0.05...3600, default: defaults.pollInterval, "seconds between listings with `watch: poll`")
    static let rescanInterval = OptionSpec.number(
        "rescan-interval", in: 0.1...86400, default: defaults.rescanInterval,
        "seconds between backstop rescans with `watch: inotify`")
    static let settle = OptionSpec.number(
        "settle", in: 0...60, default: defaults.settle,
        "seconds a listed file must stay unchanged (two looks agree) before it is read")

    /// Every option, in the order `trialpipe plugins` lists them.
    public static let all: [any OptionDeclaration] = [
        type, path, include, after, processed, quarantine, maxBytes, watch, pollInterval, rescanInterval, settle,
    ]

    /// Reads a `source:` mapping.
    static func read(_ reader: inout OptionReader) throws(PipelineConfigError) -> SourceSpec {
        let type = try reader.read(Self.type)
        guard type == "inbox" else {
            var message = "unknown source type '\(type)'; the source type is `inbox`"
            if let suggestion = Suggestion.closest(to: type, among: ["inbox"]) {
                message += " (did you mean '\(suggestion)'?)"
            }
            throw reader.error(at: "type", message)
        }
        let inbox = try reader.read(Self.path)
        var source = SourceSpec(inbox: inbox)
        source.include = try reader.read(Self.include)
        guard !source.include.isEmpty else {
            throw reader.error(at: "include", "`include:` lists no pattern; remove it for the default")
        }
        source.after = try reader.read(Self.after)
        source.processedDirectory = try reader.read(Self.processed) ?? inbox + "/.processed"
        source.quarantineDirectory = try reader.read(Self.quarantine) ?? inbox + "/.failed"
        source.maxBytes = try reader.read(Self.maxBytes)
        source.watch = try reader.read(Self.watch)
        source.pollInterval = try reader.read(Self.pollInterval)
        source.rescanInterval = try reader.read(Self.rescanInterval)
        source.settle = try reader.read(Self.settle)
        try reader.finish()
        return source
    }
}
