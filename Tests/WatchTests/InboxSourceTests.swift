import Foundation
import Glibc
import Synchronization
import Testing
import TrialpipeErrors

@testable import Watch

@Suite("InboxSource", .serialized, .timeLimit(.minutes(2)))
struct InboxSourceTests {
    /// Records what a source tells its owner.
    final class Notices: Sendable {
        private let seen = Mutex<[InboxSource.Notice]>([])
        var all: [InboxSource.Notice] { seen.withLock { $0 } }
        func add(_ notice: InboxSource.Notice) { seen.withLock { $0.append(notice) } }
    }

    @Test("one listing classifies every candidate once, sorted, then ends")
    func onceListsAndClassifies() async throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        let inbox = try root.makeSubdirectory("Inbox")
        try writeFile(root.path("outside.txt"), "outside")
        try writeFile(inbox + "/b.txt", "bee")
        try writeFile(inbox + "/a.txt", "a")
        try writeFile(inbox + "/big.txt", String(repeating: "x", count: 100))
        try writeFile(inbox + "/.hidden.txt", "h")
        try writeFile(inbox + "/c.txt.part", "p")
        _ = try root.makeSubdirectory("Inbox/folder.txt")
        #expect(symlink(root.path("outside.txt"), inbox + "/link.txt") == 0)
        #expect(mkfifo(inbox + "/pipe.txt", 0o644) == 0)
        let notices = Notices()
        let source = InboxSource(path: inbox, mode: .once, maxBytes: 10, notify: notices.add)
        let iterator = source.makeAsyncIterator()
        let entries = try #require(await iterator.next())
        #expect(entries.map(\.name) == ["a.txt", "b.txt", "big.txt", "link.txt", "pipe.txt"])
        #expect(entries[1].kind == .document && entries[1].snapshot.size == 3)
        #expect(entries[2].kind.code == "too-large")
        #expect(entries[3].kind.code == "symlink")
        #expect(entries[4].kind.code == "fifo")
        #expect(await iterator.next() == nil)
        // Six candidate names: the folder named like a document is left out when it is classified.
        #expect(notices.all == [.listing, .listed(6)])
    }

    @Test("one listing of a large inbox is handed out in sorted chunks, each classified when it is handed out")
    func largeListingComesInChunks() async throws {
        let inbox = try TemporaryDirectory()
        defer { inbox.remove() }
        let names = (0..<2500).map { String(format: "doc%05d.txt", $0) }
        for name in names.shuffled() { try writeFile(inbox.path(name), "x") }
        let source = InboxSource(path: inbox.path, mode: .once)
        let iterator = source.makeAsyncIterator()
        var chunks: [[InboxEntry]] = []
        while let chunk = await iterator.next() {
            chunks.append(chunk)
            // A name removed after the listing is left out of the chunk that would have held it.
            if chunks.count == 1 { unlink(inbox.path("doc02000.txt")) }
        }
        #expect(chunks.map(\.count) == [1024, 1023, 452])
        #expect(chunks.joined().map(\.name) == names.filter { $0 != "doc02000.txt" })
    }

    @Test("named entries are classified in their order; a vanished one is left out")
    func namesAreClassified() async throws {
        let inbox = try TemporaryDirectory()
        defer { inbox.remove() }
        try writeFile(inbox.path("a.txt"), "a")
        try writeFile(inbox.path("b.txt"), "b")
        let source = InboxSource(path: inbox.path, mode: .names(["b.txt", "gone.txt", "a.txt"]))
        let iterator = source.makeAsyncIterator()
        #expect(await iterator.next()?.map(\.name) == ["b.txt", "a.txt"])
        #expect(await iterator.next() == nil)
    }

    @Test("watching: a listed file waits for two agreeing looks, a file closed after writing comes at once")
    func watchingSettlesListedFilesOnly() async throws {
        let inbox = try TemporaryDirectory()
        defer { inbox.remove() }
        try writeFile(inbox.path("old.txt"), "old")
        let notices = Notices()
        let source = InboxSource(
            path: inbox.path, mode: .events(rescanInterval: .seconds(3600)), settleInterval: .milliseconds(300),
            notify: notices.add)
        let iterator = source.makeAsyncIterator()
        let clock = ContinuousClock()
        let started = clock.now
        #expect(await iterator.next()?.map(\.name) == ["old.txt"])
        #expect(started.duration(to: clock.now) >= .milliseconds(300))
        try writeFile(inbox.path("new.txt"), "new")
        #expect(await iterator.next()?.map(\.name) == ["new.txt"])
        source.stop()
        #expect(await iterator.next() == nil)
        #expect(notices.all.first == .watching)
    }

    @Test("polling: a file still growing is not handed out until it stops changing")
    func growingFileOnAPolledFolderWaits() async throws {
        let inbox = try TemporaryDirectory()
        defer { inbox.remove() }
        let path = inbox.path("growing.txt")
        try writeFile(path, "start\n")
        // The writer has a thread of its own: a task of the shared pool can be held up for longer than the settle
        // interval while the whole suite runs, and the file would then look finished when it is not.
        let written = AsyncStream<Void>.makeStream()
        let writer = Thread {
            if let handle = FileHandle(forWritingAtPath: path) {
                for _ in 0..<40 {
                    handle.seekToEndOfFile()
                    handle.write(Data("more\n".utf8))
                    usleep(15_000)
                }
                handle.closeFile()
            }
            written.continuation.finish()
        }
        writer.start()
        let source = InboxSource(
            path: inbox.path, mode: .polling(interval: .milliseconds(50)), settleInterval: .milliseconds(1500))
        let iterator = source.makeAsyncIterator()
        let entries = try #require(await iterator.next())
        for await _ in written.stream {}
        #expect(entries.map(\.name) == ["growing.txt"])
        #expect(entries.first?.snapshot.size == Int64(6 + 40 * 5))
        source.stop()
        #expect(await iterator.next() == nil)
    }

    @Test("a missing inbox is waited for, then watched")
    func missingInboxIsWaitedFor() async throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        let inbox = root.path("Inbox")
        let notices = Notices()
        let source = InboxSource(
            path: inbox, mode: .events(rescanInterval: .seconds(3600)), settleInterval: .zero,
            waiter: InboxWaiter(initialInterval: .milliseconds(20), maxInterval: .milliseconds(50)),
            notify: notices.add)
        let iterator = source.makeAsyncIterator()
        let first = Task { await iterator.next() }
        while !notices.all.contains(.missing) { try await Task.sleep(for: .milliseconds(10)) }
        _ = try root.makeSubdirectory("Inbox")
        try writeFile(inbox + "/a.txt", "a")
        var names = await first.value?.map(\.name) ?? []
        // The file may be listed with the first look, or reported by the watcher after it.
        if names.isEmpty { names = await iterator.next()?.map(\.name) ?? [] }
        #expect(names == ["a.txt"])
        #expect(notices.all.prefix(2) == [.missing, .watching])
        source.stop()
        #expect(await iterator.next() == nil)
    }
}

extension InboxEntry.Kind {
    /// The refusal's code, or `nil` for a document.
    fileprivate var code: String? {
        if case .refused(let code, _) = self { return code.rawValue }
        return nil
    }
}
