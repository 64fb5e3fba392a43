import ArgumentParser
import Foundation
import Pipeline
import PipelineRuntime

/// Finds the pipeline files a command works on.
enum PipelineFiles {
    /// The given files, or every `Pipelines/*.yaml` (and `.yml`) under the working directory, sorted.
    static func resolve(_ files: [String]) throws -> [String] {
        if !files.isEmpty { return files }
        let folder = FileManager.default.currentDirectoryPath + "/Pipelines"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        let found = names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.filter { !$0.hasPrefix(".") }
            .filter { !$0.hasSuffix(".tests.yaml") && !$0.hasSuffix(".tests.yml") }.sorted()
        guard !found.isEmpty else {
            throw CLIError(
                code: ExitCodes.config,
                message:
                    "no pipeline files: there is no Pipelines/*.yaml under \(FileManager.default.currentDirectoryPath); "
                    + "run trialpipe from the project folder or name the files, e.g. `trialpipe run my.yaml`")
        }
        return found.map { "Pipelines/" + $0 }
    }
}

/// A command failure with its exit status and a message for people.
struct CLIError: Error, CustomStringConvertible {
    var code: Int32
    var message: String
    var description: String { message }

    /// Prints every pipeline-file problem as `FILE:LINE:COLUMN: message` on stderr; the status to exit with.
    static func report(_ errors: PipelineConfigErrors) -> ExitCode {
        for error in errors.errors { FileHandle.standardError.write(Data((error.description + "\n").utf8)) }
        return ExitCode(ExitCodes.config)
    }
}
