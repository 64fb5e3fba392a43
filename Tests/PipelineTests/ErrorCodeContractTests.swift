import Pipeline
import Testing

/// The codes `NAME.error.json` files and logs carry are a contract: renaming one breaks whoever reads them.
@Suite("Error codes")
struct ErrorCodeContractTests {
    @Test func everyCodeKeepsItsText() {
        let codes: [(TrialpipeError.Code, String)] = [
            (.binary, "binary"), (.empty, "empty"), (.tooLarge, "too-large"), (.malformedXML, "malformed-xml"),
            (.malformedJSON, "malformed-json"), (.notAStudy, "not-a-study"), (.symlink, "symlink"), (.fifo, "fifo"),
            (.device, "device"), (.socket, "socket"), (.notRegular, "not-regular"), (.unreadable, "unreadable"),
            (.io, "io"), (.diskFull, "disk-full"), (.unsafeId, "unsafe-id"), (.notACollection, "not-a-collection"),
            (.quarantine, "quarantine"), (.execStart, "exec-start"), (.execCrashed, "exec-crashed"),
            (.execBadOutput, "exec-bad-output"), (.execTimeout, "exec-timeout"), (.execFailed, "exec-failed"),
            (.schemaMissing, "schema-missing"), (.schemaVersion, "schema-version"), (.postgresURL, "postgres-url"),
            (.postgresConnect, "postgres-connect"), (.sqliteOpen, "sqlite-open"), (.error, "error"),
            (.directoryMissing, "directory-missing"), (.notADirectory, "not-a-directory"),
            (.watchUnavailable, "watch-unavailable"), (.watcherStarted, "watcher-started"),
            (.inotifyTruncated, "inotify-truncated"), (.invalidXMLSchema, "invalid-xml-schema"),
            (.xmlWrite, "xml-write"), (.schemaResourceMissing, "xsd-missing"), (.metricsAddress, "metrics-address"),
            (.metricsListen, "metrics-listen"), (.shutdownTimeout, "shutdown-timeout"),
        ]
        for (code, text) in codes {
            #expect(code.rawValue == text)
        }
        #expect(Set(codes.map(\.1)).count == codes.count, "two codes share a text")
    }

    @Test func aStageFailureKeepsTheStagesErrorAsItsCause() async {
        let failure = StageFailure(
            stage: "exec", code: .execTimeout, message: "no answer", cause: TrialpipeError(code: .io, message: "x"))
        let described: any DescribedError = failure
        #expect(described.errorCode == .execTimeout)
        #expect((described.errorCause as? TrialpipeError)?.code == .io)
    }
}
