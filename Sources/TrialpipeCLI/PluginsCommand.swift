import ArgumentParser
import BuiltinPlugins
import Pipeline
import PipelineRuntime

/// `trialpipe plugins`: lists the source, stage and sink types with their options.
struct PluginsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugins",
        abstract: "List the source, stage and sink types with their options.",
        discussion: """
            Example:
              trialpipe plugins
            """)

    func run() async throws {
        print(PluginsCommand.listing(BuiltinPlugins.registry()), terminator: "")
    }

    static func listing(_ registry: PluginRegistry) -> String {
        var out = "Source (in `source:`):\n"
        out += describe("inbox", InboxSourceOptions.summary, InboxSourceOptions.all.map(\.documentation))
        out += "\nStages (in `stages:`):\n"
        for stage in registry.stages.values.sorted(by: { $0.name < $1.name }) {
            out += describe(stage.name, stage.summary, stage.options)
        }
        out += "\nSinks (in `sinks:`):\n"
        for sink in registry.sinks.values.sorted(by: { $0.name < $1.name }) {
            out += describe(sink.name, sink.summary, sink.options)
        }
        return out
    }

    private static func describe(_ name: String, _ summary: String, _ options: [PluginOption]) -> String {
        var out = "  \(name)\n      \(summary)\n"
        for option in options {
            var line = "      \(option.name): \(option.type)"
            if option.required { line += " (required)" }
            if let value = option.defaultValue { line += " (default \(value))" }
            out += line + "\n          \(option.summary)\n"
        }
        return out
    }
}
