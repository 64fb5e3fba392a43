import ArgumentParser
import Foundation
import Logging
import Pipeline

/// The long-lived mode of `trialpipe run`.
struct Daemon {
    var specs: [PipelineSpec]
    var files: [String]
    var logger: Logger

    func run() async throws {
        FileHandle.standardError.write(
            Data("trialpipe: watch mode is not available yet; use `trialpipe run --once`\n".utf8))
        throw ExitCode(ExitCodes.usage)
    }
}
