import BuiltinPlugins
import Foundation
import Pipeline
import PipelineRuntime
import PipelineTesting
import Synchronization
import Testing
import TrialpipeCLI

/// Polls `condition` every 50 ms until it holds or `seconds` pass.
func waitUntil(seconds: Double, _ condition: () throws -> Bool) async rethrows -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try condition() { return true }
        try? await Task.sleep(for: .milliseconds(50))
    }
    return try condition()
}

/// Counts the records in a JSON Lines file by the document they came from.
func recordsBySource(_ path: String) -> [String: Int] {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [:] }
    var counts: [String: Int] = [:]
    for line in text.split(separator: "\n") {
        guard let range = line.range(of: "\"sourcePath\":\"") else { continue }
        let rest = line[range.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { continue }
        counts[String(rest[..<end]), default: 0] += 1
    }
    return counts
}

/// Tells a test when a pipeline's source has started watching (its first listing follows at once).
final class SourceReadiness: PipelineEvents {
    private let state = Mutex(false)
    var started: Bool { state.withLock { $0 } }
    func sourceStarted(pipeline: String) { state.withLock { $0 = true } }
}

/// The daemon's watch loop in this process, with the default pipeline's stages and sinks.
@Suite("Watch mode", .serialized, .timeLimit(.minutes(8)))
struct DaemonTests {
    func start(_ folder: TemporaryFolder, replacing: [(String, String)] = []) async throws
        -> (InboxWatchService, Task<Void, any Error>)
    {
        try installDefaultPipeline(in: folder.path, replacing: replacing)
        try FileManager.default.createDirectory(atPath: folder.path + "/Inbox", withIntermediateDirectories: true)
        let spec = try PipelineLoader(registry: BuiltinPlugins.registry(), environment: [:], baseDirectory: folder.path)
            .load(file: folder.path + "/Pipelines/default.yaml")
        let ready = SourceReadiness()
        let service = try InboxWatchService(spec: spec, logger: testLogger, events: ready)
        let task = Task { try await service.run() }
        #expect(await waitUntil(seconds: 60) { ready.started })
        return (service, task)
    }

    static let document = """
        Overview
        A Study of Cetuximab in Colorectal Cancer
        Status:
        Recruiting
        Summary
        Patients receive cetuximab.
        """

    @Test func aFileMovedInCopiedSlowlyOrWrittenInPlaceGivesExactlyOneCompleteRecord() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let (service, task) = try await start(folder)
        let jsonl = folder.path + "/Outbox/trials.jsonl"

        // Moved in from a sibling folder.
        try folder.write("staging/moved.txt", Self.document)
        #expect(rename(folder.path + "/staging/moved.txt", folder.path + "/Inbox/moved.txt") == 0)

        // Written in place with one write.
        try Data(Self.document.replacingOccurrences(of: "Cetuximab", with: "Panitumumab").utf8)
            .write(to: URL(fileURLWithPath: folder.path + "/Inbox/in-place.txt"))

        // Copied slowly: half, a pause, the rest, then close.
        let slow = Array(Self.document.replacingOccurrences(of: "Colorectal", with: "Gastric").utf8)
        let fd = open(folder.path + "/Inbox/slow.txt", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        #expect(fd >= 0)
        let half = slow.count / 2
        _ = slow.withUnsafeBytes { write(fd, $0.baseAddress, half) }
        try await Task.sleep(for: .milliseconds(700))
        _ = slow.withUnsafeBytes { write(fd, $0.baseAddress! + half, slow.count - half) }
        close(fd)

        let done = await waitUntil(seconds: 60) { recordsBySource(jsonl).count == 3 }
        #expect(done)
        try await Task.sleep(for: .milliseconds(500))
        let counts = recordsBySource(jsonl)
        #expect(counts == ["moved.txt": 1, "in-place.txt": 1, "slow.txt": 1])
        let records = try jsonLines(jsonl)
        let slowRecord = try #require(
            records.first { ($0["provenance"] as? [String: Any])?["sourcePath"] as? String == "slow.txt" })
        #expect(slowRecord["briefTitle"] as? String == "A Study of Cetuximab in Gastric Cancer")
        #expect((slowRecord["briefSummary"] as? String)?.contains("Patients receive cetuximab") == true)

        service.stop()
        try await task.value
    }

    @Test func thePollingWatcherFindsDroppedFilesOnFilesystemsWithoutEvents() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let (service, task) = try await start(
            folder, replacing: [("  after: keep", "  after: move\n  watch: poll\n  poll-interval: 0.1\n  settle: 0.1")])
        #expect(service.spec.source.watch == .poll)
        try folder.write("Inbox/polled.txt", Self.document)
        let jsonl = folder.path + "/Outbox/trials.jsonl"
        #expect(await waitUntil(seconds: 60) { recordsBySource(jsonl)["polled.txt"] == 1 })
        // The move follows the XML sink's and the ledger's fsyncs, which a busy disk may hold for seconds.
        #expect(await waitUntil(seconds: 60) { folder.read("Inbox/.processed/polled.txt") != nil })
        #expect(folder.read("Inbox/polled.txt") == nil)
        service.stop()
        try await task.value
    }

    @Test func aFileStillGrowingInAPolledFolderIsReadOnlyOnceItStopsChanging() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let (service, task) = try await start(
            folder, replacing: [("  after: keep", "  after: keep\n  watch: poll\n  poll-interval: 0.05\n  settle: 1.5")]
        )
        // Written in six parts 0.15 s apart, on a thread of its own (a suspended test task may resume late on a
        // busy machine): every pair of looks 1.5 s apart in between sees a file that is still changing.
        let text = Array(Self.document.utf8)
        let fd = open(folder.path + "/Inbox/growing.txt", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        #expect(fd >= 0)
        let written = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            let part = (text.count + 5) / 6
            for start in stride(from: 0, to: text.count, by: part) {
                _ = text.withUnsafeBytes { write(fd, $0.baseAddress! + start, min(part, text.count - start)) }
                usleep(150_000)
            }
            close(fd)
            written.signal()
        }
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                written.wait()
                continuation.resume()
            }
        }
        let jsonl = folder.path + "/Outbox/trials.jsonl"
        #expect(await waitUntil(seconds: 60) { recordsBySource(jsonl)["growing.txt"] == 1 })
        let records = try jsonLines(jsonl)
        #expect(records.count == 1)
        #expect((records.first?["briefSummary"] as? String)?.contains("Patients receive cetuximab") == true)
        service.stop()
        try await task.value
    }

    @Test func twentyThousandFilesDroppedAtOnceGiveTwentyThousandRecordsEachOnce() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let total = 20_000
        try FileManager.default.createDirectory(atPath: folder.path + "/staging", withIntermediateDirectories: true)
        for index in 0..<total {
            try Data(String(format: "NCT%08d\nA generic note about trial NCT%08d.\n", index + 1, index + 1).utf8)
                .write(to: URL(fileURLWithPath: folder.path + "/staging/n\(index).txt"))
        }
        let (service, task) = try await start(folder)
        for index in 0..<total {
            rename(folder.path + "/staging/n\(index).txt", folder.path + "/Inbox/n\(index).txt")
        }
        let jsonl = folder.path + "/Outbox/trials.jsonl"
        let done = await waitUntil(seconds: 420) { recordsBySource(jsonl).count >= total }
        #expect(done)
        service.stop()
        try await task.value
        let counts = recordsBySource(jsonl)
        #expect(counts.count == total)
        #expect(counts.values.allSatisfy { $0 == 1 })
    }
}
