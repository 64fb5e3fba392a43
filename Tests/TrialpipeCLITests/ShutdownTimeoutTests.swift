import Foundation
import Logging
import Pipeline
import PipelineRuntime
import PipelineTesting
import ServiceLifecycle
import Synchronization
import Testing
import TrialModel

@testable import TrialpipeCLI

/// A sink whose writes never return until released: a hung database or file system.
final class HangingSink: Sink, Sendable {
    let name = "hang"
    private let waiting = Mutex<[CheckedContinuation<Void, Never>]>([])
    private let writes = Atomic<Int>(0)

    /// How many writes have begun.
    var writesBegun: Int { writes.load(ordering: .relaxed) }

    func open() async throws {}
    func checkpoint() async throws -> String { "0" }
    func rollback(to checkpoint: String) async throws {}
    func close() async throws {}

    func write(_ records: [TrialRecord]) async throws {
        await withCheckedContinuation { continuation in
            waiting.withLock { $0.append(continuation) }
            writes.add(1, ordering: .relaxed)
        }
    }

    /// Lets every write waiting so far return.
    func release() {
        let waiting = waiting.withLock { list in
            defer { list.removeAll() }
            return list
        }
        for continuation in waiting { continuation.resume() }
    }
}

/// The daemon stops within its shutdown bound even when a sink never returns, and loses nothing.
@Suite("Shutdown timeout", .timeLimit(.minutes(2)))
struct ShutdownTimeoutTests {
    @Test func aHungSinkIsAbandonedAtTheBoundAndItsDocumentsStayPending() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let sink = HangingSink()
        var registry = PluginRegistry()
        registry.register(
            StageType(name: "line-record", summary: "test", options: []) {
                (_: inout OptionReader, _) throws(PipelineConfigError) -> any Stage in LineRecordStage()
            })
        registry.register(
            SinkType(name: "hang", summary: "never returns", options: []) {
                (_: inout OptionReader, _) throws(PipelineConfigError) -> any Sink in sink
            })
        try folder.write(
            "p.yaml",
            """
            name: hung
            source: {type: inbox, path: Inbox}
            stages: [{type: line-record}]
            sinks: [{type: hang}]
            state: state
            """)
        try folder.write("Inbox/a.txt", "NCT01234567\n")
        let spec = try PipelineLoader(registry: registry, environment: [:], baseDirectory: folder.path)
            .load(file: folder.path + "/p.yaml")

        let bound: Duration = .seconds(2)
        let daemon = Daemon(
            specs: [spec], explicitFiles: [folder.path + "/p.yaml"], logger: testLogger, shutdownTimeout: bound)
        let group = ServiceGroup(services: [daemon], logger: testLogger)
        let running = Task { try await group.run() }
        defer { sink.release() }
        #expect(await waitUntil(seconds: 60) { sink.writesBegun == 1 })

        let clock = ContinuousClock()
        let asked = clock.now
        await group.triggerGracefulShutdown()
        let result = await running.result
        let took = asked.duration(to: clock.now)

        // Not before the bound; after it, as soon as a busy two-core machine runs the deadline (without the
        // bound the daemon would wait for the sink forever).
        #expect(took >= bound)
        #expect(took < bound + .seconds(60), "the daemon took \(took) to stop")
        #expect {
            try result.get()
        } throws: { error in
            (error as? ShutdownTimedOut)?.pipelines == ["hung"]
        }
        #expect(FileManager.default.fileExists(atPath: folder.path + "/Inbox/a.txt"))
        let store = try StateStore(directory: folder.path + "/state")
        #expect(try store.entries(path: "a.txt").allSatisfy { $0.state != .done })
        #expect(try store.unfinishedBatch()?.documents.map(\.path) == ["a.txt"])
    }
}
