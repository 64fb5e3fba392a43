import BuiltinPlugins
import Foundation
import Pipeline
import PipelineRuntime
import PipelineTesting
import Testing

/// Two sinks writing one place would corrupt each other's output; the loader refuses them with a position.
@Suite("Sink resources")
struct SinkConflictTests {
    static func pipeline(name: String, sinks: String) -> String {
        """
        name: \(name)
        source:
          type: inbox
          path: Inbox-\(name)
        sinks:
        \(sinks)
        state: Outbox/.state-\(name)
        """
    }

    func load(_ files: [(String, String)]) throws -> [PipelineConfigError] {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        for (name, text) in files { try folder.write(name, text) }
        let loader = PipelineLoader(registry: BuiltinPlugins.registry(), environment: [:], baseDirectory: folder.path)
        do {
            _ = try loader.load(files: files.map { folder.path + "/" + $0.0 })
            return []
        } catch {
            return error.errors.map {
                PipelineConfigError(
                    file: ($0.file as NSString).lastPathComponent, line: $0.line, column: $0.column,
                    message: $0.message)
            }
        }
    }

    @Test func twoPipelinesNamingOneJSONLinesFileAreRejectedAtTheSecondPath() throws {
        let sink = "  - type: jsonl\n    path: Outbox/trials.jsonl"
        let errors = try load([
            ("a.yaml", Self.pipeline(name: "a", sinks: sink)), ("b.yaml", Self.pipeline(name: "b", sinks: sink)),
        ])
        #expect(errors.count == 1)
        let error = try #require(errors.first)
        #expect(error.file == "b.yaml")
        #expect(error.line == 7)
        #expect(error.column == 11)
        #expect(error.message.contains("already writes"))
        #expect(error.message.contains("/a.yaml already writes"))
        #expect(error.message.contains("give this sink its own path"))
    }

    @Test func aFileInsideAnotherSinksFolderIsRejectedAndDistinctPathsAreAccepted() throws {
        let clash = try load([
            (
                "a.yaml",
                Self.pipeline(
                    name: "a",
                    sinks: "  - type: xml\n    path: Outbox/xml\n  - type: jsonl\n    path: Outbox/xml/t.jsonl")
            )
        ])
        #expect(clash.count == 1)
        #expect(clash.first?.line == 9)
        let fine = try load([
            ("a.yaml", Self.pipeline(name: "a", sinks: "  - type: jsonl\n    path: Outbox/a.jsonl")),
            ("b.yaml", Self.pipeline(name: "b", sinks: "  - type: jsonl\n    path: Outbox/b.jsonl")),
        ])
        #expect(fine.isEmpty)
    }
}
