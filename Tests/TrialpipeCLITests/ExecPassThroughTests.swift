import BuiltinPlugins
import Foundation
import Pipeline
import PipelineRuntime
import PipelineTesting
import Testing
import TrialModel

/// An `exec` stage that gives every record back unchanged changes nothing downstream: the enrichers after
/// it still see what extract read beside the record (listed links, the source's own classes).
@Suite("exec pass-through", .timeLimit(.minutes(1)))
struct ExecPassThroughTests {
    static let passThrough = """
        import sys
        for line in sys.stdin:
            sys.stdout.write(line)
            sys.stdout.flush()
        """

    func chain(_ folder: TemporaryFolder, stages: String) async throws -> StageChain {
        try folder.write("pass.py", Self.passThrough)
        try folder.write(
            "p.yaml",
            """
            name: exec-parity
            source: {type: inbox, path: Inbox}
            stages:
            \(stages)
            sinks:
              - type: jsonl
                path: Outbox/x.jsonl
            """)
        let spec = try PipelineLoader(registry: BuiltinPlugins.registry(), environment: [:], baseDirectory: folder.path)
            .load(file: folder.path + "/p.yaml")
        let chain = StageChain(stages: spec.stages)
        try await chain.prepare()
        return chain
    }

    func records(_ chain: StageChain, seed: String) async throws -> [String] {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: seed)))
        let context = StageContext(pipeline: "exec-parity", processedAt: "2026-01-01T00:00:00Z", logger: testLogger)
        let document = try await chain.process(
            PipelineDocument(sourcePath: (seed as NSString).lastPathComponent, bytes: bytes), context: context)
        return document.records.map { String(decoding: RecordJSONWriter.encode($0), as: UTF8.self) }
    }

    @Test func aPassThroughExecBeforeTheEnrichersGivesTheSameRecords() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let plain = try await chain(
            folder, stages: "  - type: extract\n  - type: drug-class\n  - type: see-also")
        let withExec = try await chain(
            folder,
            stages: "  - type: extract\n  - type: exec\n    command: [python3, pass.py]\n  - type: drug-class\n"
                + "  - type: see-also")
        defer { Task { for stage in withExec.stages { await stage.shutdown() } } }
        let seeds = ProjectPaths.seeds
        #expect(!seeds.isEmpty)
        var seeAlso = 0
        for seed in seeds {
            let expected = try await records(plain, seed: seed)
            let got = try await records(withExec, seed: seed)
            #expect(got == expected, "\(seed)")
            seeAlso += expected.filter { !$0.contains("\"seeAlso\":[]") }.count
        }
        // The seeds list related trials, so the comparison covers links that ride beside the record.
        #expect(seeAlso > 0)
    }
}
