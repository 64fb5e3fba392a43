import Logging
import Pipeline
import Testing

@Suite struct StageContextTests {
    @Test func aDocumentsContextLogsWithItsFileAndHash() {
        var base = Logger(label: "t")
        base[metadataKey: "pipeline"] = "trials"
        let context = StageContext(
            pipeline: "trials", processedAt: "2026-01-01T00:00:00Z", logger: base, file: "a.txt", sha256: "ab12")
        #expect(context.logger[metadataKey: "file"] == "a.txt")
        #expect(context.logger[metadataKey: "sha256"] == "ab12")
        #expect(context.logger[metadataKey: "pipeline"] == "trials")
    }

    @Test func aLoggerSetOnTheContextIsUsedAsItIs() {
        var context = StageContext(
            pipeline: "trials", processedAt: "2026-01-01T00:00:00Z", logger: Logger(label: "t"), file: "a.txt",
            sha256: "ab12")
        var other = Logger(label: "other")
        other[metadataKey: "stage"] = "exec"
        context.logger = other
        #expect(context.logger[metadataKey: "file"] == nil)
        #expect(context.logger[metadataKey: "stage"] == "exec")
        let plain = StageContext(pipeline: "trials", processedAt: "2026-01-01T00:00:00Z", logger: Logger(label: "t"))
        #expect(plain.logger[metadataKey: "file"] == nil)
    }
}
