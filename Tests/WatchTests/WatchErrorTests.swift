import Foundation
import Testing
import TrialpipeErrors
import Watch

/// Watch errors speak the error model: a stable code, a message, the system's error as the cause.
@Suite("Watch errors")
struct WatchErrorTests {
    @Test func aMissingFolderIsDescribedWithItsCodeAndTheSystemsError() throws {
        let watcher = PollingDirectoryWatcher(path: "/nonexistent-\(UUID().uuidString)")
        do {
            try watcher.start()
            Issue.record("a missing folder was watched")
        } catch {
            let described = try #require(error as? any DescribedError)
            #expect(described.errorCode == .directoryMissing)
            #expect(described.errorMessage.contains("nonexistent-"))
            #expect((described.errorCause as? POSIXError)?.code == .ENOENT)
        }
    }

    @Test func aTruncatedInotifyBufferHasItsCode() {
        #expect(throws: InotifyParseError.self) { _ = try InotifyEventParser.parse([1, 2, 3]) }
        let error: any DescribedError = InotifyParseError.truncatedHeader(offset: 0)
        #expect(error.errorCode.rawValue == "inotify-truncated")
    }
}
