import ArgumentParser
import BuiltinPlugins
import Foundation
import Logging
import Pipeline
import PipelineRuntime

/// `trialpipe run [--once] [FILE…]`: runs pipelines.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run pipelines: process the inbox backlog, then every document dropped later.",
        discussion: """
            Without --once, trialpipe keeps running as a daemon until SIGINT or SIGTERM, which let the \
            documents in flight finish before it exits. SIGHUP re-reads the pipeline files. With --once it \
            processes what is in the inboxes now, prints a summary and exits (status 0 even when some \
            documents were quarantined; 78 for a bad pipeline file; 1 when it cannot start).

            Examples:
              trialpipe run                          # every Pipelines/*.yaml, watching
              trialpipe run --once Pipelines/default.yaml
            """)

    @Flag(name: .long, help: "Process what is in the inboxes now, then exit.")
    var once = false

    @Argument(help: "Pipeline files (default: Pipelines/*.yaml under the current folder).")
    var files: [String] = []

    func run() async throws {
        let logger = LogSetup.logger()
        let specs: [PipelineSpec]
        do {
            specs = try PipelineLoader(registry: BuiltinPlugins.registry()).load(
                files: try PipelineFiles.resolve(files))
        } catch let errors as PipelineConfigErrors {
            throw CLIError.report(errors)
        } catch let error as CLIError {
            FileHandle.standardError.write(Data(("trialpipe: " + error.message + "\n").utf8))
            throw ExitCode(error.code)
        }
        if once {
            try await runOnce(specs, logger: logger)
        } else {
            try await Daemon(specs: specs, explicitFiles: files, logger: logger).runInServiceGroup()
        }
    }

    private func runOnce(_ specs: [PipelineSpec], logger: Logger) async throws {
        for spec in specs {
            let runner: PipelineRunner
            do {
                runner = try PipelineRunner(spec: spec, logger: logger)
                try await runner.start()
            } catch let error as PipelineConfigError {
                throw CLIError.report(PipelineConfigErrors([error]))
            } catch {
                FileHandle.standardError.write(Data("trialpipe: pipeline '\(spec.name)' cannot start: \(error)\n".utf8))
                throw ExitCode(ExitCodes.failure)
            }
            let names = try runner.listInbox()
            let started = Date()
            let total = names.count
            let summary = await runner.process(names: names) { progress in
                if total >= 1000 {
                    logger.info(
                        "\(spec.name): \(progress.processed + progress.failed + progress.skipped) of \(total) documents"
                    )
                }
            }
            await runner.stop()
            let seconds = Date().timeIntervalSince(started)
            print("\(spec.name): \(summary.line) in \(String(format: "%.2f", seconds)) s")
        }
    }
}
