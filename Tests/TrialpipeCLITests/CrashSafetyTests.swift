import Foundation
import PipelineTesting
import Testing
import XMLSupport

/// The real daemon killed or stopped in the middle of a backlog.
@Suite("Crash safety", .serialized, .timeLimit(.minutes(3)))
struct CrashSafetyTests {
    static func backlog(_ folder: TemporaryFolder, count: Int) throws {
        try installDefaultPipeline(in: folder.path)
        try FileManager.default.createDirectory(atPath: folder.path + "/Inbox", withIntermediateDirectories: true)
        let seeds = try ProjectPaths.seeds.map { try String(contentsOfFile: $0, encoding: .utf8) }
        for index in 0..<count {
            // Seed pages with their own ids changed, so every document is a distinct record.
            let text = seeds[index % seeds.count].replacingOccurrences(
                of: #"NCT0(5198856|0921531|5831969)"#, with: String(format: "NCT7%07d", index),
                options: .regularExpression
            ).replacingOccurrences(of: "Cetuximab Re-challenge", with: "Cetuximab Re-challenge \(index)")
                .replacingOccurrences(of: "Official title:\n", with: "Official title:\nStudy \(index): ")
            try Data(text.utf8).write(to: URL(fileURLWithPath: folder.path + "/Inbox/d\(index).txt"))
        }
    }

    /// Starts `trialpipe run` in `folder`; with `log`, its info-level log goes to that file (tests wait on
    /// its lines: `watching`, `reload rejected`, `(re)started`).
    static func startDaemon(in folder: String, log: String? = nil) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ProjectPaths.binary)
        process.arguments = ["run"]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var environment = ProcessInfo.processInfo.environment
        environment["TRIALPIPE_LOG_LEVEL"] = log == nil ? "error" : "info"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        if let log {
            _ = FileManager.default.createFile(atPath: log, contents: nil)
            process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        } else {
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
        return process
    }

    @Test func killedMidBacklogThenRestartedEveryRecordIsThereExactlyOnce() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let total = 2000
        try Self.backlog(folder, count: total)
        let jsonl = folder.path + "/Outbox/trials.jsonl"
        let daemon = try Self.startDaemon(in: folder.path)
        // Polled on this thread, not by suspending: a suspended test on a busy run may resume too late.
        let deadline = ContinuousClock.now.advanced(by: .seconds(60))
        while lineCount(ofFile: jsonl) < 300, ContinuousClock.now < deadline { usleep(5000) }
        #expect(lineCount(ofFile: jsonl) >= 300)
        kill(daemon.processIdentifier, SIGKILL)
        daemon.waitUntilExit()
        #expect(lineCount(ofFile: jsonl) < total, "the kill came after the backlog was done")

        let rerun = try runTrialpipe(["run", "--once"], in: folder.path)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        let counts = recordsBySource(jsonl)
        #expect(counts.count == total)
        #expect(counts.values.allSatisfy { $0 == 1 }, "some document has more than one record")
        #expect(lineCount(ofFile: jsonl) == total)

        let status = try runTrialpipe(["status"], in: folder.path)
        #expect(status.stdout.contains("done \(total), failed 0, pending 0"), "\(status.stdout)")

        let xmlFolder = folder.path + "/Outbox/xml"
        let files = try FileManager.default.contentsOfDirectory(atPath: xmlFolder)
        #expect(files.filter { $0.hasSuffix(".xml") }.count == total)
        #expect(!files.contains { $0.hasSuffix(".tmp") })
        for file in files.prefix(400) {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: xmlFolder + "/" + file)))
            #expect(throws: Never.self) { _ = try SafeXMLReader.parse(bytes) }
        }
    }

    @Test func sigtermLetsDocumentsInFlightFinishAndExitsZero() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        try Self.backlog(folder, count: 600)
        let jsonl = folder.path + "/Outbox/trials.jsonl"
        let daemon = try Self.startDaemon(in: folder.path)
        let started = await waitUntil(seconds: 60) { lineCount(ofFile: jsonl) >= 50 }
        #expect(started)
        let sent = Date()
        kill(daemon.processIdentifier, SIGTERM)
        let exited = await waitUntil(seconds: 60) { !daemon.isRunning }
        #expect(exited, "still running 60 s after SIGTERM")
        // Within the documented grace (30 s); how much of it finishing the batches in flight takes depends on the
        // machine (a debug build on two slow cores took 10.3 s).
        #expect(Date().timeIntervalSince(sent) < 30)
        daemon.waitUntilExit()
        #expect(daemon.terminationReason == .exit)
        #expect(daemon.terminationStatus == 0)
        // What was taken was finished: nothing in flight, and a second pass completes the rest exactly once.
        let rerun = try runTrialpipe(["run", "--once"], in: folder.path)
        #expect(rerun.status == 0)
        let counts = recordsBySource(jsonl)
        #expect(counts.count == 600)
        #expect(counts.values.allSatisfy { $0 == 1 })
    }
}
