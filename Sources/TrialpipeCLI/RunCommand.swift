import ArgumentParser
import BuiltinPlugins
import Foundation
import Logging
import Operations
import Pipeline
import PipelineRuntime
import Watch

/// `trialpipe run [--once] [FILE…]`: runs pipelines.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run pipelines: process the inbox backlog, then every document dropped later.",
        discussion: """
            Without --once, trialpipe keeps running as a daemon until SIGINT or SIGTERM, which let the \
            documents in flight finish before it exits (at most 30 s: after that they are abandoned, stay in the \
            inbox for the next start, and the exit status is 1). SIGHUP re-reads the pipeline files. With --once it \
            processes what is in the inboxes now, prints a summary and exits (status 0 even when some \
            documents were quarantined; 78 for a bad pipeline file; 1 when it cannot start). On a terminal, --once \
            shows documents done / total, documents/s and the time left on stderr.

            --metrics-address HOST:PORT serves Prometheus metrics at /metrics, health at /health (200, or 503 \
            with a JSON body naming the problem: inbox missing, sink failing, ledger unwritable) and readiness at \
            /ready (200 once every pipeline has started reading its inbox). Off by default; port 0 picks a free \
            port (the log says which).

            Examples:
              trialpipe run                          # every Pipelines/*.yaml, watching
              trialpipe run --once Pipelines/default.yaml
              trialpipe run --metrics-address 127.0.0.1:9464 --log-format json
            """)

    @Flag(name: .long, help: "Process what is in the inboxes now, then exit.")
    var once = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Serve /metrics (Prometheus), /health and /ready on this address, e.g. 127.0.0.1:9464 (off by default).",
            valueName: "host:port"))
    var metricsAddress: String?

    @OptionGroup var logging: LoggingOptions

    @Argument(help: "Pipeline files (default: Pipelines/*.yaml under the current folder).")
    var files: [String] = []

    func validate() throws {
        if let metricsAddress {
            do { _ = try ListenAddress(parsing: metricsAddress) } catch {
                throw ValidationError("--metrics-address \(error)")
            }
        }
    }

    func run() async throws {
        let logger = LogSetup.logger(format: logging.logFormat)
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
        let operations: OperationsEndpoint
        do {
            operations = try await OperationsEndpoint.start(
                address: try metricsAddress.map { try ListenAddress(parsing: $0) }, specs: specs, logger: logger)
        } catch {
            FileHandle.standardError.write(Data("trialpipe: \(error)\n".utf8))
            throw ExitCode(ExitCodes.failure)
        }
        if once {
            try await runOnce(specs, logger: logger, operations: operations)
        } else {
            do {
                try await Daemon(specs: specs, explicitFiles: files, logger: logger, events: operations.events)
                    .runInServiceGroup()
            } catch let failure as PipelineStartFailure {
                await operations.stop()
                FileHandle.standardError.write(Data("trialpipe: \(failure)\n".utf8))
                throw ExitCode(ExitCodes.failure)
            } catch is ShutdownTimedOut {
                // Logged by the daemon; the abandoned documents are still in the inbox.
                await operations.stop()
                throw ExitCode(ExitCodes.failure)
            }
        }
        await operations.stop()
    }

    private func runOnce(_ specs: [PipelineSpec], logger: Logger, operations: OperationsEndpoint) async throws {
        for spec in specs {
            let runner: PipelineRunner
            let progress = ProgressReporter(pipeline: spec.name)
            do {
                runner = try PipelineRunner(spec: spec, logger: logger, events: operations.events(adding: progress))
                try await runner.start()
            } catch let error as PipelineConfigError {
                throw CLIError.report(PipelineConfigErrors([error]))
            } catch {
                FileHandle.standardError.write(Data("trialpipe: pipeline '\(spec.name)' cannot start: \(error)\n".utf8))
                throw ExitCode(ExitCodes.failure)
            }
            let started = Date()
            progress.start()
            let summary = await runner.run(runner.inboxSource(.once))
            await progress.finish()
            await runner.stop()
            let seconds = Date().timeIntervalSince(started)
            print("\(spec.name): \(summary.line) in \(String(format: "%.2f", seconds)) s")
        }
    }
}
