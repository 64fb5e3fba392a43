import ArgumentParser
import BuiltinPlugins
import Foundation
import Logging
import Pipeline
import PipelineRuntime
import TrialModel
import Watch

/// `trialpipe extract FILE…`: prints the records of documents, touching no sink and no state.
struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Print the trial records of documents as JSON lines, touching no sink and no state.",
        discussion: """
            Runs the stages of the default pipeline (Pipelines/default.yaml, or --pipeline FILE) on each document \
            and prints one JSON record per line on stdout. Documents given together are cross-referenced with \
            each other. A document that cannot be read or recognised is reported on stderr and the others are \
            still printed; the exit status is then 65.

            Examples:
              trialpipe extract page.txt
              trialpipe extract --pipeline Pipelines/oncology.yaml downloads/*.xml > records.jsonl
            """)

    @Option(
        name: .long,
        help: "The pipeline whose stages to run (default: Pipelines/default.yaml, else the built-in stages).")
    var pipeline: String?

    @OptionGroup var logging: LoggingOptions

    @Argument(help: "Documents to extract.")
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one document, e.g. `trialpipe extract page.txt`") }
    }

    func run() async throws {
        let logger = LogSetup.logger(format: logging.logFormat)
        let chain: StageChain
        let pipelineName: String
        do {
            (chain, pipelineName) = try Self.stages(pipeline: pipeline)
            try await chain.prepare()
        } catch let errors as PipelineConfigErrors {
            throw CLIError.report(errors)
        } catch let error as PipelineConfigError {
            throw CLIError.report(PipelineConfigErrors([error]))
        }
        // Documents are read and run through the stages in parallel (one per core), and printed in order.
        let results = await withTaskGroup(of: (Int, Result<[TrialRecord], CLIError>).self) { group in
            var results = [Result<[TrialRecord], CLIError>?](repeating: nil, count: files.count)
            var next = 0
            var running = 0
            let window = ProcessInfo.processInfo.activeProcessorCount
            while true {
                while running < window, next < files.count {
                    let index = next
                    let file = files[index]
                    group.addTask {
                        (index, await Self.records(of: file, chain: chain, pipeline: pipelineName, logger: logger))
                    }
                    next += 1
                    running += 1
                }
                guard let (index, result) = await group.next() else { break }
                running -= 1
                results[index] = result
            }
            return results.compactMap { $0 }
        }
        var records: [TrialRecord] = []
        var failed = 0
        for result in results {
            switch result {
            case .success(let produced): records.append(contentsOf: produced)
            case .failure(let error):
                Self.report(error.message)
                failed += 1
            }
        }
        _ = try chain.link(&records, corpus: InMemoryCorpusIndex())
        for stage in chain.stages { await stage.shutdown() }
        var out: [UInt8] = []
        for record in records {
            RecordJSONWriter.append(record, to: &out)
            out.append(UInt8(ascii: "\n"))
        }
        FileHandle.standardOutput.write(Data(out))
        if failed > 0 { throw ExitCode(ExitCodes.dataError) }
    }

    /// The records of one document, or why it could not be read or processed.
    static func records(of file: String, chain: StageChain, pipeline: String, logger: Logger) async
        -> Result<[TrialRecord], CLIError>
    {
        let name = (file as NSString).lastPathComponent
        let folder = (file as NSString).deletingLastPathComponent
        let directory = folder.isEmpty ? "." : folder
        guard let entry = InboxEntry.classify(folder: directory, name: name, maxBytes: .max) else {
            return .failure(CLIError(code: ExitCodes.dataError, message: "\(file): cannot read: no such file"))
        }
        switch InboxFileReader.read(folder: directory, entry: entry, maxBytes: .max) {
        case .vanished:
            return .failure(CLIError(code: ExitCodes.dataError, message: "\(file): cannot read: no such file"))
        case .refused(_, let reason):
            return .failure(CLIError(code: ExitCodes.dataError, message: "\(file): cannot read: \(reason)"))
        case .bytes(let bytes, _):
            let context = StageContext(pipeline: pipeline, processedAt: Timestamp.now(), logger: logger)
            do {
                return .success(
                    try await chain.process(PipelineDocument(sourcePath: name, bytes: bytes), context: context).records)
            } catch {
                return .failure(
                    CLIError(
                        code: ExitCodes.dataError,
                        message: "\(file): \(error.stage) failed (\(error.code)): \(error.message)"))
            }
        }
    }

    static func report(_ line: String) {
        FileHandle.standardError.write(Data(("trialpipe: " + line + "\n").utf8))
    }

    /// The stages of the named pipeline, the default pipeline file, or the built-in default chain.
    static func stages(pipeline: String?) throws -> (StageChain, String) {
        let loader = PipelineLoader(registry: BuiltinPlugins.registry())
        if let pipeline {
            let spec = try loader.load(file: pipeline)
            return (StageChain(stages: spec.stages), spec.name)
        }
        let fallback = FileManager.default.currentDirectoryPath + "/Pipelines/default.yaml"
        if FileManager.default.fileExists(atPath: fallback) {
            let spec = try loader.load(file: fallback)
            return (StageChain(stages: spec.stages), spec.name)
        }
        return (StageChain(stages: try BuiltinPlugins.defaultStages()), "trials")
    }
}
