import ArgumentParser
import BuiltinPlugins
import Foundation
import Pipeline
import PipelineRuntime

/// `trialpipe validate FILE…`: checks pipeline files without running them.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check pipeline files without running them.",
        discussion: """
            Reads each file as `run` would (environment interpolation, YAML, every plugin's options, shared \
            inboxes and state folders) and prints every problem as FILE:LINE:COLUMN: message on stderr.
            Exit status 0 when all are valid, 78 otherwise.

            Example:
              trialpipe validate Pipelines/default.yaml
            """)

    @Argument(help: "Pipeline files (default: Pipelines/*.yaml under the current folder).")
    var files: [String] = []

    func run() async throws {
        do {
            let specs = try PipelineLoader(registry: BuiltinPlugins.registry()).load(
                files: try PipelineFiles.resolve(files))
            for spec in specs {
                print(
                    "\(spec.file): ok (pipeline '\(spec.name)': \(spec.stages.count) stages, \(spec.sinks.count) sinks)"
                )
            }
        } catch let errors as PipelineConfigErrors {
            throw CLIError.report(errors)
        } catch let error as CLIError {
            FileHandle.standardError.write(Data(("trialpipe: " + error.message + "\n").utf8))
            throw ExitCode(error.code)
        }
    }
}
