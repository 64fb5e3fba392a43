import Foundation
import Logging
public import Pipeline
import TrialModel

/// The `exec` stage: a long-lived subprocess, in any language, that reads records as JSON lines on stdin and
/// writes them back (possibly changed), one line per record, in order, on stdout.
///
/// A subprocess that crashes, hangs past the timeout or answers with something that is not a record is
/// restarted with back-off, and the document is tried again; after the last retry the document is
/// quarantined with the reason.
public struct ExecStage: Stage {
    public let name = "exec"
    let session: ExecSession

    /// The plugin description.
    public static let type = StageType(
        name: "exec",
        summary: "pipes every record as a JSON line through a long-lived subprocess that writes it back enriched",
        options: [
            PluginOption(
                "command", type: "list of strings", required: true,
                "the program and its arguments, e.g. [python3, enrich.py]"),
            PluginOption("timeout", type: "number", default: "30", "seconds to wait for the answer to one record"),
            PluginOption(
                "retries", type: "integer", default: "2", "times a document is tried again after a crash or time-out"),
        ]
    ) { (options: inout OptionReader, environment) throws(PipelineConfigError) -> any Stage in
        guard let command = try options.stringList("command"), !command.isEmpty else {
            throw options.error(at: nil, "stage 'exec' needs option 'command', e.g. `command: [python3, enrich.py]`")
        }
        let timeout = try options.number("timeout", in: 0.01...86400) ?? 30
        let retries = try options.integer("retries", in: 0...100) ?? 2
        var variables = environment.variables
        variables["TRIALPIPE_PIPELINE"] = environment.pipeline
        return ExecStage(
            session: ExecSession(
                command: command, environment: variables, workingDirectory: environment.baseDirectory,
                timeout: timeout, retries: retries))
    }

    public func process(_ document: PipelineDocument, context: StageContext) async throws -> PipelineDocument {
        var document = document
        document.records = try await session.run(document.records, logger: context)
        return document
    }

    /// Stops the subprocess.
    public func shutdown() async { await session.close() }
}

/// Serialises requests to one subprocess, restarting it when it fails.
actor ExecSession {
    let command: [String]
    let environment: [String: String]
    let workingDirectory: String
    let timeout: Double
    let retries: Int
    private var process: ExecProcess?
    private var failures = 0

    init(command: [String], environment: [String: String], workingDirectory: String, timeout: Double, retries: Int) {
        self.command = command
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.timeout = timeout
        self.retries = retries
    }

    /// One document at a time: the actor is re-entered at every await, and answers must pair with requests.
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func run(_ records: [TrialRecord], logger context: StageContext) async throws -> [TrialRecord] {
        while busy { await withCheckedContinuation { waiting.append($0) } }
        busy = true
        defer {
            busy = false
            if !waiting.isEmpty { waiting.removeFirst().resume() }
        }
        return try await runAlone(records, logger: context)
    }

    private func runAlone(_ records: [TrialRecord], logger context: StageContext) async throws -> [TrialRecord] {
        var lastError = ""
        for attempt in 0...retries {
            if attempt > 0 {
                let delay = min(5.0, 0.1 * pow(2.0, Double(min(failures, 10))))
                try await Task.sleep(for: .seconds(delay))
            }
            do {
                let result = try await exchange(records)
                failures = 0
                return result
            } catch let error as StageError {
                lastError = error.message
                failures += 1
                context.logger.warning(
                    "exec enricher failed (attempt \(attempt + 1) of \(retries + 1)): \(error.message); restarting it")
                process?.terminate()
                process = nil
                context.events.subprocessRestarted(pipeline: context.pipeline, stage: "exec")
            }
        }
        throw StageError(
            code: "exec-failed",
            message: "the exec enricher `\(command.joined(separator: " "))` failed \(retries + 1) times: \(lastError)")
    }

    /// Stops the subprocess; a later record starts a new one.
    func close() {
        process?.terminate()
        process = nil
    }

    private func exchange(_ records: [TrialRecord]) async throws -> [TrialRecord] {
        if process == nil || process?.isRunning == false {
            do {
                let started = try ExecProcess(
                    command: command, environment: environment, workingDirectory: workingDirectory)
                process = started
            } catch {
                throw StageError(
                    code: "exec-start", message: "cannot start `\(command.joined(separator: " "))`: \(error)")
            }
        }
        guard let process else { throw StageError(code: "exec-start", message: "no subprocess") }
        var output: [TrialRecord] = []
        let decoder = JSONDecoder()
        for record in records {
            var line: [UInt8] = []
            RecordJSONWriter.append(record, to: &line)
            do { try process.send(line) } catch {
                throw StageError(code: "exec-crashed", message: "the subprocess closed its input: \(error)")
            }
            guard let answer = try await nextLine() else {
                throw StageError(code: "exec-crashed", message: "the subprocess exited without answering")
            }
            do {
                output.append(try decoder.decode(TrialRecord.self, from: Data(answer.utf8)))
            } catch {
                throw StageError(
                    code: "exec-bad-output",
                    message:
                        "the subprocess answered with a line that is not a trial record: \(String(answer.prefix(200)))")
            }
        }
        return output
    }

    private func nextLine() async throws -> String? {
        guard let process else { return nil }
        do {
            return try await process.lines.next(within: timeout)
        } catch {
            throw StageError(code: "exec-timeout", message: "no answer within \(timeout) seconds")
        }
    }
}
