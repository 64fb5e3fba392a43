import ArgumentParser
import BuiltinPlugins
import Foundation
import Pipeline
import TrialModel

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

    @Argument(help: "Documents to extract.")
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one document, e.g. `trialpipe extract page.txt`") }
    }

    func run() async throws {
        let logger = LogSetup.logger()
        let chain: StageChain
        let pipelineName: String
        do {
            (chain, pipelineName) = try Self.stages(pipeline: pipeline)
        } catch let errors as PipelineConfigErrors {
            for error in errors.errors { FileHandle.standardError.write(Data((error.description + "\n").utf8)) }
            throw ExitCode(ExitCodes.config)
        }
        var records: [TrialRecord] = []
        var failed = 0
        for file in files {
            let name = (file as NSString).lastPathComponent
            let folder = (file as NSString).deletingLastPathComponent
            let bytes: [UInt8]
            switch InboxFileReader.read(folder: folder.isEmpty ? "." : folder, name: name, maxBytes: Int.max) {
            case .bytes(let read): bytes = read
            case .vanished:
                Self.report("\(file): cannot read: no such file")
                failed += 1
                continue
            case .refused(_, let reason):
                Self.report("\(file): cannot read: \(reason)")
                failed += 1
                continue
            }
            let context = StageContext(pipeline: pipelineName, processedAt: Timestamp.now(), logger: logger)
            do {
                let document = try await chain.process(
                    PipelineDocument(sourcePath: name, bytes: bytes), context: context)
                records.append(contentsOf: document.records)
            } catch {
                Self.report("\(file): \(error.stage) failed (\(error.code)): \(error.message)")
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
