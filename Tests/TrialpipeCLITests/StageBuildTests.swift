import BuiltinPlugins
import Foundation
import Pipeline
import PipelineRuntime
import PipelineTesting
import Testing

/// Reading a pipeline file only reads options; dictionaries are loaded when the pipeline starts.
@Suite("Stage building")
struct StageBuildTests {
    static func pipeline(dictionaries: String) -> String {
        """
        name: trials
        source: {type: inbox, path: Inbox}
        stages:
          - type: extract
          - type: drug-class
            dictionaries: \(dictionaries)
        sinks:
          - type: jsonl
            path: Outbox/trials.jsonl
        """
    }

    @Test func aBrokenDictionaryIsNotReadByTheLoaderAndIsReportedAtItsPositionOnStart() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        // Not UTF-8: loading it fails, reading the pipeline file must not notice.
        try Data([0xFF, 0xFE, 0x00, 0x41]).write(to: URL(fileURLWithPath: folder.path + "/mine.tsv"))
        try folder.write("p.yaml", Self.pipeline(dictionaries: "[mine.tsv]"))
        let spec = try PipelineLoader(registry: BuiltinPlugins.registry(), environment: [:], baseDirectory: folder.path)
            .load(file: folder.path + "/p.yaml")
        let chain = StageChain(stages: spec.stages)
        do {
            try await chain.prepare()
            Issue.record("preparing a stage over a broken dictionary succeeded")
        } catch let error as PipelineConfigError {
            #expect(error.file.hasSuffix("p.yaml"))
            #expect(error.line == 6)
            #expect(error.message.hasPrefix("stage 'drug-class': "))
            #expect(error.message.contains("mine.tsv"))
        }
    }

    @Test func aMissingDictionaryFileIsAnErrorOfThePipelineFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        try folder.write("p.yaml", Self.pipeline(dictionaries: "[nowhere.tsv]"))
        let loader = PipelineLoader(registry: BuiltinPlugins.registry(), environment: [:], baseDirectory: folder.path)
        #expect {
            _ = try loader.load(file: folder.path + "/p.yaml")
        } throws: { error in
            let errors = (error as? PipelineConfigErrors)?.errors ?? []
            return errors.count == 1 && errors[0].line == 6 && errors[0].message.contains("nowhere.tsv does not exist")
        }
    }
}
