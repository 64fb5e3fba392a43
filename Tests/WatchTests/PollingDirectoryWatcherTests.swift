import Foundation
import Glibc
import Testing

@testable import Watch

@Suite("PollingDirectoryWatcher", .timeLimit(.minutes(1)))
struct PollingDirectoryWatcherTests {
    @Test("a new or changed file brings a rescan without names")
    func emitsRescan() async throws {
        let inbox = try TemporaryDirectory()
        defer { inbox.remove() }
        try writeFile(inbox.path("before.txt"))
        let watcher = PollingDirectoryWatcher(path: inbox.path, interval: .milliseconds(50))
        try watcher.start()
        defer { watcher.stop() }
        try writeFile(inbox.path("new.txt"))
        let (first, _) = await gather(watcher) { $0.rescan }
        #expect(first == WatchBatch(rescan: true))
        try writeFile(inbox.path("before.txt"), "grown")
        let (second, _) = await gather(watcher) { $0.rescan }
        #expect(second == WatchBatch(rescan: true))
    }

    @Test("an unchanged folder brings nothing")
    func quietWhenUnchanged() async throws {
        let inbox = try TemporaryDirectory()
        defer { inbox.remove() }
        try writeFile(inbox.path("a.txt"))
        let watcher = PollingDirectoryWatcher(path: inbox.path, interval: .milliseconds(20))
        try watcher.start()
        let (batch, ended) = await gather(watcher, timeout: .milliseconds(300)) { _ in true }
        #expect(batch.isEmpty)
        #expect(ended)
    }

    @Test("a deleted or replaced folder ends the sequence with rootGone")
    func rootGone() async throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        let inbox = try root.makeSubdirectory("Inbox")
        let watcher = PollingDirectoryWatcher(path: inbox, interval: .milliseconds(50))
        try watcher.start()
        try FileManager.default.removeItem(atPath: inbox)
        let (batch, ended) = await gather(watcher) { _ in false }
        #expect(batch.rootGone)
        #expect(ended)

        _ = try root.makeSubdirectory("Inbox")
        let replaced = PollingDirectoryWatcher(path: inbox, interval: .milliseconds(50))
        try replaced.start()
        #expect(rename(inbox, root.path("Old")) == 0)
        _ = try root.makeSubdirectory("Inbox")
        let (again, endedAgain) = await gather(replaced) { _ in false }
        #expect(again.rootGone)
        #expect(endedAgain)
    }

    @Test("starting on a missing folder fails with directoryMissing")
    func missing() throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        do {
            try PollingDirectoryWatcher(path: root.path("missing")).start()
            Issue.record("polling a missing folder started")
        } catch let error as WatchError {
            #expect(error.code == .directoryMissing)
        }
    }
}
