import Foundation
import PipelineTesting
import Testing

/// The operations flags on the command line: help, progress off a terminal, JSON logs.
@Suite("Operations flags", .timeLimit(.minutes(2)))
struct OperationsCommandLineTests {
    @Test func helpCoversEveryNewFlagAndCommandWithAnExample() throws {
        let run = try runTrialpipe(["run", "--help"], in: ProjectPaths.root)
        #expect(run.stdout.contains("--metrics-address <host:port>"))
        #expect(run.stdout.contains("--log-format <text|json>"))
        #expect(run.stdout.contains("trialpipe run --metrics-address 127.0.0.1:9464 --log-format json"))
        let test = try runTrialpipe(["test", "--help"], in: ProjectPaths.root)
        #expect(test.stdout.contains("trialpipe test Pipelines/default.yaml"))
        #expect(test.stdout.contains("expect:"))
        let top = try runTrialpipe(["--help"], in: ProjectPaths.root)
        #expect(top.stdout.contains("test"))
        let bench = try runTrialpipe(["bench", "--help"], in: ProjectPaths.root)
        #expect(bench.stdout.contains("--metrics"))
    }

    @Test func badFlagValuesAreUsageErrorsThatSayHowToWriteThem() throws {
        let address = try runTrialpipe(["run", "--once", "--metrics-address", "9464"], in: ProjectPaths.root)
        #expect(address.status == 64)
        #expect(address.stderr.contains("e.g. 127.0.0.1:9464"))
        let format = try runTrialpipe(["run", "--once", "--log-format", "xml"], in: ProjectPaths.root)
        #expect(format.status == 64)
        #expect(format.stderr.contains("--log-format is text or json"))
    }

    @Test func runOnceOffATerminalShowsNoProgressAndLogsParseAsJSONLines() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        try installDefaultPipeline(in: folder.path)
        for index in 0..<5 {
            try folder.write("Inbox/doc\(index).txt", MetricsEndpointTests.overview + "\nNCT0000000\(index)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ProjectPaths.binary)
        process.arguments = ["run", "--once", "--log-format", "json"]
        process.currentDirectoryURL = URL(fileURLWithPath: folder.path)
        var environment = ProcessInfo.processInfo.environment
        environment["TRIALPIPE_LOG_LEVEL"] = "debug"
        process.environment = environment
        let err = Pipe()
        let out = Pipe()
        process.standardError = err
        process.standardOutput = out
        try process.run()
        let errText = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let outText = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(outText.contains("trials: processed 5, failed 0, skipped 0"))
        #expect(!errText.contains("\r") && !errText.contains("documents/s"))
        for line in errText.split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["level"] is String && object?["message"] is String, "\(line)")
        }
    }
}
