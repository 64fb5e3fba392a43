import Foundation
import PipelineTesting
import Testing

/// SIGHUP re-reads the pipeline files of the real daemon.
@Suite("Reload", .serialized, .timeLimit(.minutes(2)))
struct ReloadTests {
    static let page = "Overview\nA Study of Cetuximab #\nStatus:\nRecruiting\n"

    @Test func aBrokenFileIsRejectedAndAChangedOneTakesOver() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        try installDefaultPipeline(in: folder.path)
        try FileManager.default.createDirectory(atPath: folder.path + "/Inbox", withIntermediateDirectories: true)
        let log = folder.path + "/daemon.log"
        let daemon = try CrashSafetyTests.startDaemon(in: folder.path, log: log)
        defer {
            if daemon.isRunning { kill(daemon.processIdentifier, SIGKILL) }
        }
        /// How many log lines contain `text` so far.
        func logged(_ text: String) -> Int {
            let lines = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            return lines.split(separator: "\n").count { $0.contains(text) }
        }
        let first = folder.path + "/Outbox/trials.jsonl"
        #expect(await waitUntil(seconds: 60) { logged("watching ") == 1 })
        try folder.write("Inbox/a.txt", Self.page.replacingOccurrences(of: "#", with: "1"))
        #expect(await waitUntil(seconds: 60) { lineCount(ofFile: first) == 1 })

        // A broken file: rejected, and the running pipeline goes on.
        let file = folder.path + "/Pipelines/default.yaml"
        let good = try String(contentsOfFile: file, encoding: .utf8)
        try good.replacingOccurrences(of: "  - type: see-also", with: "  - type: see-allso")
            .write(toFile: file, atomically: true, encoding: .utf8)
        kill(daemon.processIdentifier, SIGHUP)
        #expect(await waitUntil(seconds: 60) { logged("reload: keeping the running version") == 1 })
        try folder.write("Inbox/b.txt", Self.page.replacingOccurrences(of: "#", with: "2"))
        #expect(await waitUntil(seconds: 60) { lineCount(ofFile: first) == 2 })

        // A changed, valid file: the pipeline restarts with it (records now go to another file).
        try good.replacingOccurrences(of: "Outbox/trials.jsonl", with: "Outbox/second.jsonl")
            .write(toFile: file, atomically: true, encoding: .utf8)
        kill(daemon.processIdentifier, SIGHUP)
        #expect(await waitUntil(seconds: 60) { logged("watching ") == 2 })
        try folder.write("Inbox/c.txt", Self.page.replacingOccurrences(of: "#", with: "3"))
        let second = folder.path + "/Outbox/second.jsonl"
        #expect(await waitUntil(seconds: 60) { lineCount(ofFile: second) == 1 })
        #expect(lineCount(ofFile: first) == 2)
        #expect(daemon.isRunning)

        kill(daemon.processIdentifier, SIGTERM)
        #expect(await waitUntil(seconds: 60) { !daemon.isRunning })
        daemon.waitUntilExit()
        #expect(daemon.terminationStatus == 0)
    }
}
