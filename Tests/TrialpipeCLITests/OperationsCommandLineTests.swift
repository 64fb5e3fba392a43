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
            try folder.write("Inbox/doc\(index).txt", DaemonTests.document + "\nNCT0000000\(index)")
        }
        // A binary document is quarantined, which logs a warning with metadata.
        try Data([0, 1, 2]).write(to: URL(fileURLWithPath: folder.path + "/Inbox/broken.txt"))
        let result = try runTrialpipe(["run", "--once", "--log-format", "json"], in: folder.path, logLevel: "debug")
        let (errText, outText) = (result.stderr, result.stdout)
        #expect(result.status == 0)
        #expect(outText.contains("trials: processed 5, failed 1, skipped 0"))
        #expect(!errText.contains("\r") && !errText.contains("documents/s"))
        let objects = try errText.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:]
        }
        #expect(objects.allSatisfy { $0["time"] is String && $0["level"] is String && $0["message"] is String })
        let quarantined = objects.first { ($0["message"] as? String)?.hasPrefix("quarantined") == true }
        #expect(quarantined?["level"] as? String == "warning")
        #expect(quarantined?["file"] as? String == "broken.txt")
        #expect(quarantined?["stage"] as? String == "extract")
    }
}

/// `bench --stage-costs`: the CPU of each step of a document's path, over the user's own documents.
@Suite("Bench step costs", .timeLimit(.minutes(2)))
struct BenchStageCostsTests {
    @Test func stepCostsCoverReadingEveryDefaultStageAndTheJSONLine() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        for index in 0..<3 {
            try folder.write("docs/doc\(index).txt", DaemonTests.document + "\nNCT0000000\(index)")
        }
        let result = try runTrialpipe(
            ["bench", "--stage-costs", "--corpus", folder.path + "/docs", "--json"], in: folder.path)
        #expect(result.status == 0, "\(result.stderr)")
        let steps = try #require(
            JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(
            steps.compactMap { $0["step"] as? String } == [
                "read and hash", "extract", "drug-class", "nct-xref", "see-also", "json line", "xml document",
            ])
        let costs = steps.compactMap { $0["microsecondsPerDocument"] as? Double }
        #expect(costs.count == 7)
        #expect(costs.allSatisfy { $0.isFinite && $0 >= 0 })
        #expect(costs[1] > 0, "extracting a page takes some CPU")
        // The folder is the user's: nothing is written into it or removed from it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/docs").count == 3)
    }
}
