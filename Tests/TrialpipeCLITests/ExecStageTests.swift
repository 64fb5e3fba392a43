import BuiltinPlugins
import Foundation
import Pipeline
import PipelineRuntime
import PipelineTesting
import Testing
import TrialModel

@Suite("exec stage", .timeLimit(.minutes(1)))
struct ExecStageTests {
    /// Builds the exec stage from pipeline-file options, as users configure it.
    func execStage(_ folder: TemporaryFolder, script: String, extra: String = "") throws -> any Stage {
        try folder.write("enrich.py", script)
        var registry = BuiltinPlugins.registry()
        registry.register(
            StageType(name: "line-record", summary: "", options: []) {
                (_: inout OptionReader, _) throws(PipelineConfigError) -> any Stage in LineRecordStage()
            })
        try folder.write(
            "p.yaml",
            """
            name: exec-test
            source: {type: inbox, path: Inbox}
            stages:
              - type: line-record
              - type: exec
                command: [python3, enrich.py]
            \(extra)
            sinks:
              - type: jsonl
                path: Outbox/x.jsonl
            """)
        let spec = try PipelineLoader(registry: registry, environment: [:], baseDirectory: folder.path)
            .load(file: folder.path + "/p.yaml")
        return spec.stages[1]
    }

    func run(
        _ stage: any Stage, folder: TemporaryFolder, documents: [String: String],
        events: any PipelineEvents = NoPipelineEvents()
    ) async throws -> (MemorySink, RunSummary) {
        for (name, text) in documents { try folder.write("Inbox/" + name, text) }
        let sink = MemorySink()
        let spec = PipelineSpec(
            name: "exec-test", file: "p.yaml", source: SourceSpec(inbox: folder.path + "/Inbox"),
            stages: [LineRecordStage(), stage], sinks: [sink], stateDirectory: folder.path + "/state", concurrency: 2)
        let runner = try PipelineRunner(spec: spec, logger: testLogger, events: events)
        try await runner.start()
        let summary = await runner.process(names: try runner.listInbox())
        await runner.stop()
        return (sink, summary)
    }

    @Test func aPythonEnricherChangesEveryRecord() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let stage = try execStage(
            folder,
            script: """
                import json, sys
                for line in sys.stdin:
                    record = json.loads(line)
                    record["warnings"].append("seen by python")
                    record["acronym"] = "PY-" + record["id"][-4:]
                    print(json.dumps(record), flush=True)
                """)
        let (sink, summary) = try await run(
            stage, folder: folder,
            documents: ["a.txt": "NCT00000001\n", "b.txt": "NCT00000002\n", "c.txt": "NCT00000003\n"])
        #expect(summary.processed == 3)
        let records = await sink.records
        #expect(records.count == 3)
        #expect(records.allSatisfy { $0.warnings == ["seen by python"] })
        #expect(Set(records.compactMap(\.acronym)) == ["PY-0001", "PY-0002", "PY-0003"])
    }

    @Test func aCrashedEnricherIsRestartedAndTheDocumentRetried() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        // Crashes the first time it sees NCT00000002 (leaving a marker), answers normally afterwards.
        let stage = try execStage(
            folder,
            script: """
                import json, os, sys
                for line in sys.stdin:
                    record = json.loads(line)
                    if record["id"] == "NCT00000002" and not os.path.exists("crashed-once"):
                        open("crashed-once", "w").close()
                        sys.exit(3)
                    record["warnings"].append("ok")
                    print(json.dumps(record), flush=True)
                """)
        let events = RecordingPipelineEvents()
        let (sink, summary) = try await run(
            stage, folder: folder, documents: ["a.txt": "NCT00000001\n", "b.txt": "NCT00000002\n"], events: events)
        #expect(summary.processed == 2)
        #expect(summary.failed == 0)
        #expect(events.events(startingWith: "restarted ") == ["restarted exec-test exec"])
        #expect(await sink.records.count == 2)
        #expect(await sink.records.allSatisfy { $0.warnings == ["ok"] })
    }

    @Test func aHungEnricherIsQuarantinedWithTheReasonAfterItsRetries() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let stage = try execStage(
            folder,
            script: """
                import sys, time
                for line in sys.stdin:
                    time.sleep(30)
                """,
            extra: "    timeout: 0.3\n    retries: 1")
        let (sink, summary) = try await run(stage, folder: folder, documents: ["a.txt": "NCT00000001\n"])
        #expect(summary.failed == 1)
        #expect(await sink.records.isEmpty)
        let report = try #require(folder.read("Inbox/.failed/a.txt.error.json"))
        #expect(report.contains("\"stage\" : \"exec\""))
        #expect(report.contains("failed 2 times"))
        #expect(report.contains("no answer within 0.3 seconds"))
    }
}
