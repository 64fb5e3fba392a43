import BuiltinPlugins
import Foundation
import Pipeline
import PipelineRuntime
import PipelineTesting
import Testing

/// Exit statuses and messages of the commands, through the real binary.
@Suite("Command line", .timeLimit(.minutes(1)))
struct CommandLineTests {
    @Test func validateRejectsABadFileWithItsPositionAndStatus78() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        try installDefaultPipeline(in: folder.path, replacing: [("  - type: see-also", "  - type: see-allso")])
        let result = try runTrialpipe(["validate", "Pipelines/default.yaml"], in: folder.path)
        #expect(result.status == 78)
        #expect(
            result.stderr.contains(
                "Pipelines/default.yaml:12:11: unknown stage type 'see-allso'; did you mean 'see-also'?"))
        let good = try TemporaryFolder()
        defer { good.cleanup() }
        try installDefaultPipeline(in: good.path)
        let ok = try runTrialpipe(["validate"], in: good.path)
        #expect(ok.status == 0)
        #expect(ok.stdout.contains("ok"))
    }

    @Test func runOnceWithABadFileExits78() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        try installDefaultPipeline(
            in: folder.path, replacing: [("    path: Outbox/trials.jsonl", "    pth: Outbox/trials.jsonl")])
        let result = try runTrialpipe(["run", "--once"], in: folder.path)
        #expect(result.status == 78)
        #expect(result.stderr.contains("sink 'jsonl' has no option 'pth'; did you mean 'path'?"))
    }

    @Test func extractPrintsRecordsAndExits65ForUnreadableDocuments() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        try folder.write("binary.txt", "\u{0}\u{1}\u{2}garbage\u{0}")
        try folder.write("not-a-study.json", "{\"hello\": 1}")
        let result = try runTrialpipe(
            ["extract", ProjectPaths.seeds[0], folder.path + "/binary.txt", folder.path + "/not-a-study.json"],
            in: folder.path)
        #expect(result.status == 65)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.contains("\"id\":\"NCT05198856\"") == true)
        #expect(result.stderr.contains("binary.txt: extract failed (binary)"))
        #expect(result.stderr.contains("not-a-study.json: extract failed (not-a-study)"))
    }

    @Test func pluginsListsEveryTypeWithItsOptions() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let result = try runTrialpipe(["plugins"], in: folder.path)
        #expect(result.status == 0)
        for name in [
            "extract", "drug-class", "nct-xref", "see-also", "exec", "jsonl", "xml", "dictionaries", "command",
        ] {
            #expect(result.stdout.contains(name))
        }
    }

    @Test func pluginsShowsEveryDeclaredOptionWithItsTypeDefaultAndHelp() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let result = try runTrialpipe(["plugins"], in: folder.path)
        let registry = BuiltinPlugins.registry()
        let declared =
            registry.stages.values.flatMap(\.options) + registry.sinks.values.flatMap(\.options)
            + InboxSourceOptions.all.map(\.documentation)
        #expect(!declared.isEmpty)
        for option in declared {
            var line = "      \(option.name): \(option.type)"
            if option.required { line += " (required)" }
            if let value = option.defaultValue { line += " (default \(value))" }
            #expect(result.stdout.contains(line + "\n          \(option.summary)\n"), "\(option.name) is not listed")
        }
        #expect(result.stdout.contains("      max-references: integer (default 500)"))
        #expect(result.stdout.contains("      after: one of keep|move|delete (default keep)"))
        #expect(result.stdout.contains("      command: list of strings (required)"))
    }

    @Test func helpExplainsWithExamples() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        for command in ["run", "validate", "extract", "plugins", "status"] {
            let result = try runTrialpipe([command, "--help"], in: folder.path)
            #expect(result.status == 0)
            #expect(result.stdout.contains("Example"), "\(command) --help has no example")
        }
    }
}

/// A compiled-in plugin added before the command line runs is known to pipeline files.
@Suite("Compiled-in plugins")
struct CompiledInPluginTests {
    @Test func anAddedStageTypeIsInTheRegistry() throws {
        BuiltinPlugins.add(
            StageType(name: "test-added-stage", summary: "a stage added by a custom build", options: []) {
                (_: inout OptionReader, _) throws(PipelineConfigError) -> any Stage in LineRecordStage()
            })
        let registry = BuiltinPlugins.registry()
        #expect(registry.stages["test-added-stage"] != nil)
        #expect(registry.stages["extract"] != nil)
        #expect(registry.sinks["jsonl"] != nil)
    }
}
