/// One option of a stage, sink or source, declared once: the same value documents it in `trialpipe plugins`
/// and reads it from a pipeline file with ``OptionReader/read(_:)``.
///
/// `Value` is what reading gives: the option's type for a required option or one with a default, an
/// optional for an option that may be left out. Declarations are made with the typed factories
/// (``string(_:default:_:)``, ``path(_:required:_:)``, ``integer(_:in:default:_:)``, …), usually as
/// static constants beside the plugin type that lists them:
///
/// ```swift
/// static let timeout = OptionSpec.number("timeout", in: 0.1...3600, default: 30, "seconds one batch may take")
/// …
/// let timeout = try options.read(timeout)   // 30 when the pipeline file leaves it out
/// ```
public struct OptionSpec<Value: Sendable>: OptionDeclaration {
    /// What an absent option gives.
    enum Absence: Sendable {
        /// The default value.
        case value(Value)
        /// An error naming an example of the option.
        case required(example: String)
    }

    /// The option as `trialpipe plugins` lists it.
    public let documentation: PluginOption
    let absence: Absence
    let parse: @Sendable (inout OptionReader, String) throws(PipelineConfigError) -> Value?

    /// The key in the pipeline file.
    public var name: String { documentation.name }

    /// An option that may be left out, then giving `defaultValue` (listed as `shown`, if not nil).
    ///
    /// `parse` reads the key with one of the reader's value readers and gives nil when the key is absent.
    package init(
        _ name: String, type: String, default defaultValue: Value, shown: String?, _ help: String,
        parse: @escaping @Sendable (inout OptionReader, String) throws(PipelineConfigError) -> Value?
    ) {
        documentation = PluginOption(name, type: type, default: shown, help)
        absence = .value(defaultValue)
        self.parse = parse
    }

    /// An option the pipeline file must give; when absent (or empty) the error shows `name: example`.
    package init(
        _ name: String, type: String, required example: String, _ help: String,
        parse: @escaping @Sendable (inout OptionReader, String) throws(PipelineConfigError) -> Value?
    ) {
        documentation = PluginOption(name, type: type, required: true, help)
        absence = .required(example: example)
        self.parse = parse
    }
}

/// Any declared option, whatever its value type: what a plugin type's option list holds.
public protocol OptionDeclaration: Sendable {
    /// The key in the pipeline file.
    var name: String { get }
    /// The option as `trialpipe plugins` lists it.
    var documentation: PluginOption { get }
}
