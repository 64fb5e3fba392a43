import Foundation
import PipelineTesting
import Testing

/// `run --metrics-address`: the real binary, a real HTTP client, promtool and a real Prometheus server.
@Suite("Metrics endpoint", .serialized, .timeLimit(.minutes(4)))
struct MetricsEndpointTests {
    static let study = """
        <?xml version="1.0" encoding="UTF-8"?>
        <clinical_study>
          <id_info><nct_id>NCT04012345</nct_id></id_info>
          <brief_title>Cetuximab Plus FOLFOX in Metastatic Colorectal Cancer</brief_title>
          <overall_status>Recruiting</overall_status>
          <condition>Colorectal Cancer</condition>
        </clinical_study>
        """

    /// A project folder with the default pipeline and a daemon serving metrics on a port of its choosing.
    func startDaemon(_ folder: TemporaryFolder) async throws -> (DaemonProcess, Int) {
        try installDefaultPipeline(in: folder.path)
        try FileManager.default.createDirectory(atPath: folder.path + "/Inbox", withIntermediateDirectories: true)
        let daemon = try DaemonProcess(
            ["run", "--metrics-address", "127.0.0.1:0", "--log-format", "json"], in: folder.path)
        let port = try #require(await daemon.metricsPort(), "no metrics_address in the log: \(daemon.logLines)")
        let ready = await eventually(seconds: 60) {
            await httpGet("http://127.0.0.1:\(port)/ready").status == 200
        }
        #expect(ready)
        return (daemon, port)
    }

    /// Drops two good documents and a binary one; waits until the metrics count all three.
    func dropDocuments(_ folder: TemporaryFolder, port: Int) async throws -> String {
        try folder.write("staging/overview.txt", DaemonTests.document)
        try folder.write("staging/NCT04012345.xml", Self.study)
        try Data([0, 1, 2, 3]).write(to: URL(fileURLWithPath: folder.path + "/staging/broken.txt"))
        for name in ["overview.txt", "NCT04012345.xml", "broken.txt"] {
            #expect(rename(folder.path + "/staging/" + name, folder.path + "/Inbox/" + name) == 0)
        }
        var exposition = ""
        _ = await eventually(seconds: 30) {
            exposition = await httpGet("http://127.0.0.1:\(port)/metrics").body
            return metricValue(exposition, "trialpipe_documents_processed_total") == 2
                && metricValue(exposition, "trialpipe_documents_failed_total") == 1
        }
        return exposition
    }

    @Test func countersMatchWhatWasProcessedPromtoolAcceptsThemAndHealthFollowsTheInbox() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let (daemon, port) = try await startDaemon(folder)
        defer { _ = daemon.stop() }
        let exposition = try await dropDocuments(folder, port: port)

        #expect(exposition.contains(#"trialpipe_documents_processed_total{pipeline="trials",layout="ctgov-xml"} 1"#))
        #expect(exposition.contains(#"trialpipe_documents_processed_total{pipeline="trials",layout="generic"} 1"#))
        #expect(
            exposition.contains(
                #"trialpipe_documents_failed_total{pipeline="trials",stage="extract",code="binary"} 1"#))
        #expect(metricValue(exposition, #"trialpipe_records_written_total{pipeline="trials",sink="jsonl"}"#) == 2)
        #expect(metricValue(exposition, #"trialpipe_records_written_total{pipeline="trials",sink="xml"}"#) == 2)
        #expect(
            metricValue(exposition, #"trialpipe_stage_duration_seconds_count{pipeline="trials",stage="extract"}"#) == 3)
        #expect(metricValue(exposition, #"trialpipe_drop_to_durable_seconds_count{pipeline="trials"}"#) == 2)
        #expect(metricValue(exposition, #"trialpipe_in_flight_documents{pipeline="trials"}"#) == 0)
        #expect(metricValue(exposition, #"trialpipe_last_commit_timestamp_seconds{pipeline="trials"}"#) > 1.7e9)
        #expect(recordsBySource(folder.path + "/Outbox/trials.jsonl").count == 2)

        let promtool = try #require(
            programOnPath("promtool"), "promtool is missing: install Debian's prometheus package (Scripts/setup does)")
        try folder.write("metrics.txt", exposition)
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/bin/sh")
        check.arguments = ["-c", "\(promtool) check metrics < metrics.txt > promtool.out 2>&1"]
        check.currentDirectoryURL = URL(fileURLWithPath: folder.path)
        try check.run()
        check.waitUntilExit()
        #expect(check.terminationStatus == 0, "promtool: \(folder.read("promtool.out") ?? "")")

        let healthy = await httpGet("http://127.0.0.1:\(port)/health")
        #expect(healthy.status == 200)
        try FileManager.default.removeItem(atPath: folder.path + "/Inbox")
        let missing = await httpGet("http://127.0.0.1:\(port)/health")
        #expect(missing.status == 503)
        #expect(missing.body.contains("\"check\":\"inbox-missing\""))
        try FileManager.default.createDirectory(atPath: folder.path + "/Inbox", withIntermediateDirectories: true)
        let back = await eventually(seconds: 20) { await httpGet("http://127.0.0.1:\(port)/health").status == 200 }
        #expect(back)

        #expect(daemon.stop() == 0)
        // Every log line is one JSON object with time, level and message.
        let lines = daemon.logLines
        #expect(lines.count >= 3)
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["time"] is String && object?["level"] is String && object?["message"] is String, "\(line)")
        }
    }

    @Test func aRealPrometheusServerScrapesTheDaemon() async throws {
        let prometheus = try #require(
            programOnPath("prometheus"),
            "prometheus is missing: install Debian's prometheus package (Scripts/setup does)")
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let (daemon, port) = try await startDaemon(folder)
        defer { _ = daemon.stop() }
        _ = try await dropDocuments(folder, port: port)

        let apiPort = freePort()
        try folder.write(
            "prometheus.yml",
            """
            global:
              scrape_interval: 1s
            scrape_configs:
              - job_name: trialpipe
                static_configs:
                  - targets: ["127.0.0.1:\(port)"]
            """)
        let server = Process()
        server.executableURL = URL(fileURLWithPath: prometheus)
        server.arguments = [
            "--config.file=" + folder.path + "/prometheus.yml", "--storage.tsdb.path=" + folder.path + "/tsdb",
            "--web.listen-address=127.0.0.1:\(apiPort)",
        ]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer {
            server.terminate()
            server.waitUntilExit()
        }
        var answer = ""
        let scraped = await eventually(seconds: 60) {
            answer = await httpGet(
                "http://127.0.0.1:\(apiPort)/api/v1/query?query=trialpipe_documents_processed_total"
            ).body
            return answer.contains("\"pipeline\":\"trials\"")
        }
        #expect(scraped, "Prometheus answered: \(answer)")
        let object = try JSONSerialization.jsonObject(with: Data(answer.utf8)) as? [String: Any]
        let results = (object?["data"] as? [String: Any])?["result"] as? [[String: Any]] ?? []
        let total = results.compactMap { ($0["value"] as? [Any])?.last as? String }.compactMap(Double.init).reduce(0, +)
        #expect(total == 2)
    }
}
