/// One option a stage, sink or source accepts, as `trialpipe plugins` lists it; made by its ``OptionSpec``.
public struct PluginOption: Sendable, Equatable {
    /// The key in the pipeline file.
    public var name: String
    /// Its type as users read it (`string`, `path`, `integer`, `boolean`, `list of strings`, `one of a|b`).
    public var type: String
    /// The default, as written in YAML, or nil when the option is required or has no default.
    public var defaultValue: String?
    /// What it does.
    public var summary: String
    /// Whether the pipeline file must give it.
    public var required: Bool

    /// Describes an option.
    package init(
        _ name: String, type: String, default defaultValue: String? = nil, required: Bool = false, _ summary: String
    ) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.summary = summary
        self.required = required
    }
}
