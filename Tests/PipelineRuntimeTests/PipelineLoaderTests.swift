import Foundation
import Pipeline
import PipelineRuntime
import PipelineTesting
import Testing

@Suite("Pipeline files")
struct PipelineLoaderTests {
    static func registry() -> PluginRegistry {
        var registry = PluginRegistry()
        let limit = OptionSpec.integer("limit", in: 1...100, default: 1, "a limit")
        let path = OptionSpec.path("path", "where")
        registry.register(
            StageType(name: "line-record", summary: "test", options: [limit]) {
                (options: inout OptionReader, _) throws(PipelineConfigError) -> any Stage in
                _ = try options.read(limit)
                return LineRecordStage()
            })
        registry.register(
            SinkType(name: "memory", summary: "test", options: [path]) {
                (options: inout OptionReader, _) throws(PipelineConfigError) -> any Sink in
                _ = try options.read(path)
                return MemorySink()
            })
        return registry
    }

    func load(_ yaml: String, environment: [String: String] = [:]) throws -> (PipelineSpec?, [PipelineConfigError]) {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        try folder.write("p.yaml", yaml)
        let loader = PipelineLoader(registry: Self.registry(), environment: environment, baseDirectory: folder.path)
        do {
            return (try loader.load(file: folder.path + "/p.yaml"), [])
        } catch {
            return (nil, error.errors)
        }
    }

    static let valid = """
        name: trials
        source:
          type: inbox
          path: Inbox
        stages:
          - type: line-record
            limit: 5
        sinks:
          - type: memory
            path: Outbox/x
        state: Outbox/.state
        """

    @Test func validFileLoadsWithPathsResolvedAgainstTheBaseFolder() throws {
        let (spec, errors) = try load(Self.valid)
        #expect(errors.isEmpty)
        let loaded = try #require(spec)
        #expect(loaded.name == "trials")
        #expect(loaded.source.inbox.hasSuffix("/Inbox"))
        #expect(loaded.source.inbox.hasPrefix("/"))
        #expect(loaded.source.quarantineDirectory == loaded.source.inbox + "/.failed")
        #expect(loaded.source.include == SourceSpec.defaultInclude)
        #expect(loaded.stateDirectory.hasSuffix("/Outbox/.state"))
        #expect(loaded.stages.count == 1)
        #expect(loaded.sinks.count == 1)
    }

    /// Found by the pipeline-file fuzzer: an empty file (it leaked inside Foundation's file reading, now replaced).
    @Test func anEmptyFileIsAClearError() throws {
        let (spec, errors) = try load("")
        #expect(spec == nil)
        #expect(errors.count == 1)
        #expect(errors.first?.message.isEmpty == false)
    }

    /// Found by the pipeline-file fuzzer: a bare carriage return ends a line for YAML (and for editors), so an
    /// error after some is reported on the line a user sees, past the count of newline characters.
    @Test func bareCarriageReturnsCountAsLineBreaksInErrorPositions() throws {
        let (spec, errors) = try load("name: trials\r\r\rsource: a: b\n")
        #expect(spec == nil)
        #expect(errors.first?.line == 4)
    }

    @Test func aPathThatIsNotAPipelineFileIsRefusedWithoutReadingItAll() throws {
        let loader = PipelineLoader(registry: Self.registry(), environment: [:], baseDirectory: "/")
        #expect {
            try loader.load(file: "/dev/zero")
        } throws: { error in
            ((error as? PipelineConfigErrors)?.errors.first?.message ?? "").contains("is it the right file?")
        }
        #expect {
            try loader.load(file: "/no/such/pipeline.yaml")
        } throws: { error in
            ((error as? PipelineConfigErrors)?.errors.first?.message ?? "").contains("No such file")
        }
    }

    @Test func unknownStageTypeIsRejectedAtItsPositionWithASuggestion() throws {
        let (_, errors) = try load(
            Self.valid.replacingOccurrences(of: "- type: line-record", with: "- type: line-recrd"))
        let error = try #require(errors.first)
        #expect(error.line == 6)
        #expect(error.column == 11)
        #expect(error.message.contains("unknown stage type 'line-recrd'"))
        #expect(error.message.contains("did you mean 'line-record'"))
        #expect(error.description.hasSuffix("p.yaml:6:11: " + error.message))
    }

    @Test func unknownOptionIsRejectedWithTheKnownOnes() throws {
        let (_, errors) = try load(Self.valid.replacingOccurrences(of: "    limit: 5", with: "    limt: 5"))
        let error = try #require(errors.first)
        #expect(error.line == 7)
        #expect(error.column == 5)
        #expect(error.message.contains("has no option 'limt'"))
        #expect(error.message.contains("did you mean 'limit'"))
    }

    @Test func optionOfTheWrongTypeIsRejected() throws {
        let (_, errors) = try load(Self.valid.replacingOccurrences(of: "limit: 5", with: "limit: five"))
        let error = try #require(errors.first)
        #expect(error.line == 7)
        #expect(error.column == 12)
        #expect(error.message.contains("'limit' must be a whole number, not 'five'"))
        let (_, range) = try load(Self.valid.replacingOccurrences(of: "limit: 5", with: "limit: 500"))
        #expect(range.first?.message.contains("must be from 1 to 100") == true)
        let (_, list) = try load(Self.valid.replacingOccurrences(of: "limit: 5", with: "limit: [1, 2]"))
        #expect(list.first?.message.contains("not a list") == true)
    }

    @Test func pipelineWithoutASinkIsRejected() throws {
        let yaml = """
            name: trials
            source: {type: inbox, path: Inbox}
            stages:
              - type: line-record
            """
        let (_, errors) = try load(yaml)
        let error = try #require(errors.first)
        #expect(error.line == 1)
        #expect(error.message.contains("needs at least one sink"))
        let (_, empty) = try load(yaml + "\nsinks: []\n")
        #expect(empty.first?.message.contains("`sinks:` is empty") == true)
        #expect(empty.first?.line == 5)
    }

    @Test func yamlSyntaxErrorCarriesItsPosition() throws {
        let (_, errors) = try load("name: trials\nsource: {type: inbox, path: Inbox\nsinks:\n  - type: memory\n")
        let error = try #require(errors.first)
        #expect(error.line >= 2)
        #expect(error.column >= 1)
        #expect(error.message.contains("YAML syntax"))
    }

    @Test func badNameAndMissingSourceAreExplained() throws {
        let (_, badName) = try load(Self.valid.replacingOccurrences(of: "name: trials", with: "name: My Trials"))
        #expect(badName.first?.message.contains("may use only a-z, 0-9 and '-'") == true)
        #expect(badName.first?.line == 1)
        let (_, noSource) = try load("name: t\nsinks:\n  - type: memory\n")
        #expect(noSource.first?.message.contains("needs a `source:`") == true)
    }

    @Test func unknownTopLevelKeyIsRejected() throws {
        let (_, errors) = try load(Self.valid + "\nsink:\n  - type: memory\n")
        let error = try #require(errors.first)
        #expect(error.message.contains("has no option 'sink'"))
        #expect(error.message.contains("did you mean 'sinks'"))
        #expect(error.line == 12)
    }

    @Test func environmentVariablesAreInterpolated() throws {
        let yaml = Self.valid.replacingOccurrences(of: "path: Inbox", with: "path: ${INBOX:-Drop}")
            .replacingOccurrences(of: "state: Outbox/.state", with: "state: ${STATE}")
        let (spec, errors) = try load(yaml, environment: ["STATE": "/var/tmp/st"])
        #expect(errors.isEmpty)
        #expect(spec?.source.inbox.hasSuffix("/Drop") == true)
        #expect(spec?.stateDirectory == "/var/tmp/st")
        let (_, missing) = try load(yaml)
        #expect(missing.first?.message.contains("environment variable STATE is not set") == true)
        #expect(missing.first?.line == 11)
    }

    @Test func twoPipelinesSharingAnInboxOrStateAreRejected() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        try folder.write("a.yaml", Self.valid)
        try folder.write("b.yaml", Self.valid.replacingOccurrences(of: "name: trials", with: "name: other"))
        let loader = PipelineLoader(registry: Self.registry(), environment: [:], baseDirectory: folder.path)
        #expect(throws: PipelineConfigErrors.self) {
            try loader.load(files: [folder.path + "/a.yaml", folder.path + "/b.yaml"])
        }
        do {
            _ = try loader.load(files: [folder.path + "/a.yaml", folder.path + "/b.yaml"])
        } catch {
            let inbox = try #require(
                error.errors.first { $0.message.contains("two pipelines may not share one inbox") })
            #expect(inbox.file.hasSuffix("b.yaml"))
            #expect(inbox.line == 4)
            #expect(inbox.column == 9)
            #expect(error.errors.contains { $0.message.contains("state folder") && $0.line == 11 })
        }
    }
}
