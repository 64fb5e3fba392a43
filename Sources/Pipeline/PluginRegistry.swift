/// What a stage or sink plugin needs to know when it is built from a pipeline file.
public struct PluginEnvironment: Sendable {
    /// The pipeline's name.
    public var pipeline: String
    /// The folder relative paths are resolved against.
    public var baseDirectory: String
    /// The process environment (for plugins such as `exec` that pass it on).
    public var variables: [String: String]

    /// Creates an environment.
    public init(pipeline: String, baseDirectory: String, variables: [String: String]) {
        self.pipeline = pipeline
        self.baseDirectory = baseDirectory
        self.variables = variables
    }
}

/// A stage type: its name, what it does, its options, and how to build one from a pipeline file.
public struct StageType: Sendable {
    /// The `type:` value.
    public var name: String
    /// One line on what it does.
    public var summary: String
    /// The options it takes, as `trialpipe plugins` lists them.
    public var options: [PluginOption]
    /// Builds the stage from its options; reads every option it declares, never does I/O.
    public var make: @Sendable (inout OptionReader, PluginEnvironment) throws(PipelineConfigError) -> any Stage

    /// Describes a stage type whose options are `options`, the declarations its `make` reads.
    public init(
        name: String, summary: String, options: [any OptionDeclaration],
        make: @escaping @Sendable (inout OptionReader, PluginEnvironment) throws(PipelineConfigError) -> any Stage
    ) {
        self.name = name
        self.summary = summary
        self.options = options.map(\.documentation)
        self.make = make
    }
}

/// A sink type: its name, what it does, its options, and how to build one from a pipeline file.
public struct SinkType: Sendable {
    /// The `type:` value.
    public var name: String
    /// One line on what it does.
    public var summary: String
    /// The options it takes, as `trialpipe plugins` lists them.
    public var options: [PluginOption]
    /// Builds the sink from its options; reads every option it declares, never does I/O.
    public var make: @Sendable (inout OptionReader, PluginEnvironment) throws(PipelineConfigError) -> any Sink

    /// Describes a sink type whose options are `options`, the declarations its `make` reads.
    public init(
        name: String, summary: String, options: [any OptionDeclaration],
        make: @escaping @Sendable (inout OptionReader, PluginEnvironment) throws(PipelineConfigError) -> any Sink
    ) {
        self.name = name
        self.summary = summary
        self.options = options.map(\.documentation)
        self.make = make
    }
}

/// Every stage and sink type a build of trialpipe knows, by name.
///
/// Compiled-in plugins register here before pipeline files are read.
public struct PluginRegistry: Sendable {
    /// Stage types by name.
    public private(set) var stages: [String: StageType] = [:]
    /// Sink types by name.
    public private(set) var sinks: [String: SinkType] = [:]

    /// An empty registry.
    public init() {}

    /// Adds (or replaces) a stage type.
    public mutating func register(_ stage: StageType) { stages[stage.name] = stage }

    /// Adds (or replaces) a sink type.
    public mutating func register(_ sink: SinkType) { sinks[sink.name] = sink }
}
