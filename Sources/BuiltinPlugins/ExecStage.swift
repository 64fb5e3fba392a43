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
        options: [command, timeout, retries]
    ) { (options: inout OptionReader, environment) throws(PipelineConfigError) -> any Stage in
        let command = try options.read(Self.command)
        let timeout = try options.read(Self.timeout)
        let retries = try options.read(Self.retries)
        var variables = environment.variables
        variables["TRIALPIPE_PIPELINE"] = environment.pipeline
        return ExecStage(
            session: ExecSession(
                command: command, environment: variables, workingDirectory: environment.baseDirectory,
                timeout: timeout, retries: retries))
    }

    static let command = OptionSpec.stringList(
        "command", required: "[python3, enrich.py]", "the program and its arguments, e.g. [python3, enrich.py]")
    static let timeout = OptionSpec.number(
        "timeout", in: 0.01...86400, default: 30, "seconds to wait for the answer to one record")
    static let retries = OptionSpec.integer(
        "retries", in: 0...100, default: 2, "times a document is tried again after a crash or time-out")

    public func process(_ document: PipelineDocument, context: StageContext) async throws -> PipelineDocument {
        var document = document
        let answered = try await session.run(document.records, logger: context)
        // The subprocess sees only the record format; what extract read for the enrichers after it (listed
        // links, the source's own intervention classes) stays on the document by record id. Answers pair with
        // requests in order, so an answer that changed its record's id keeps that record's annotations.
        if zip(document.records, answered).contains(where: { $0.id != $1.id }) {
            document.setRecords(answered, annotations: document.records.map(document.annotations(for:)))
        } else {
            document.records = answered
        }
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
    private let gate = AsyncGate()

    func run(_ records: [TrialRecord], logger context: StageContext) async throws -> [TrialRecord] {
        try await gate.run { try await runAlone(records, logger: context) }
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
        throw TrialpipeError(
            code: .execFailed,
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
                throw TrialpipeError(
                    code: .execStart, message: "cannot start `\(command.joined(separator: " "))`: \(error)")
            }
        }
        guard let process else { throw TrialpipeError(code: .execStart, message: "no subprocess") }
        var output: [TrialRecord] = []
        for record in records {
            var line: [UInt8] = []
            RecordJSONWriter.append(record, to: &line)
            do { try process.send(line) } catch {
                throw TrialpipeError(code: .execCrashed, message: "the subprocess closed its input: \(error)")
            }
            guard let answer = try await nextLine() else {
                throw TrialpipeError(code: .execCrashed, message: "the subprocess exited without answering")
            }
            output.append(try ExecAnswerReader.record(from: answer))
        }
        return output
    }

    private func nextLine() async throws -> String? {
        guard let process else { return nil }
        do {
            return try await process.lines.next(within: timeout)
        } catch {
            throw TrialpipeError(code: .execTimeout, message: "no answer within \(timeout) seconds")
        }
    }
}
