import Foundation
import Glibc
import Testing

@testable import Watch

@Suite("InboxEntryCheck", .timeLimit(.minutes(1)))
struct InboxEntryCheckTests {
    @Test("every kind of entry is told apart without being read")
    func classifiesKinds() throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        let inbox = try root.makeSubdirectory("Inbox")
        let outside = root.path("secret.txt")
        try writeFile(outside, "do not read")
        try writeFile(inbox + "/doc.txt", "twelve bytes")
        try FileManager.default.createSymbolicLink(atPath: inbox + "/inside-link.txt", withDestinationPath: "doc.txt")
        try FileManager.default.createSymbolicLink(atPath: inbox + "/outside-link.txt", withDestinationPath: outside)
        try FileManager.default.createSymbolicLink(atPath: inbox + "/dangling.txt", withDestinationPath: "nowhere")
        try FileManager.default.createSymbolicLink(atPath: inbox + "/null.txt", withDestinationPath: "/dev/null")
        #expect(mkfifo(inbox + "/pipe.txt", 0o644) == 0)
        try FileManager.default.createDirectory(atPath: inbox + "/folder.txt", withIntermediateDirectories: false)

        let check = try InboxEntryCheck(inboxPath: inbox)
        guard case .regularFile(let snapshot) = check.classify("doc.txt") else {
            Issue.record("doc.txt is not a regular file: \(check.classify("doc.txt"))")
            return
        }
        #expect(snapshot.size == 12)
        #expect(check.classify("doc.txt").isReadableDocument)
        #expect(check.classify("inside-link.txt") == .symbolicLink)
        #expect(check.classify("dangling.txt") == .symbolicLink)
        let resolvedOutside = try #require(
            realpath(outside, nil).map { pointer in
                defer { free(pointer) }
                return String(cString: pointer)
            })
        #expect(check.classify("outside-link.txt") == .outsideInbox(resolvedPath: resolvedOutside))
        #expect(check.classify("null.txt") == .outsideInbox(resolvedPath: "/dev/null"))
        #expect(check.classify("pipe.txt") == .fifo)
        #expect(check.classify("folder.txt") == .directory)
        #expect(check.classify("gone.txt") == .vanished)
        #expect(check.classify("../secret.txt") == .outsideInbox(resolvedPath: nil))
        #expect(check.classify("..") == .outsideInbox(resolvedPath: nil))

        for name in ["inside-link.txt", "outside-link.txt", "pipe.txt", "folder.txt"] {
            #expect(check.classify(name).needsQuarantine, "\(name)")
            #expect(!check.classify(name).isReadableDocument, "\(name)")
        }
        #expect(!check.classify("doc.txt").needsQuarantine)
        #expect(!check.classify("gone.txt").needsQuarantine)
    }

    @Test("an inbox reached through a symlink still accepts its own files")
    func inboxBehindSymlink() throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        let real = try root.makeSubdirectory("real-inbox")
        try FileManager.default.createSymbolicLink(atPath: root.path("Inbox"), withDestinationPath: real)
        try writeFile(real + "/doc.json", "{}")
        let check = try InboxEntryCheck(inboxPath: root.path("Inbox"))
        #expect(check.classify("doc.json").isReadableDocument)
    }

    @Test("a missing inbox or a file in its place is an error")
    func missingInbox() throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        #expect(throws: WatchError.self) { try InboxEntryCheck(inboxPath: root.path("missing")) }
        try writeFile(root.path("file"))
        do {
            _ = try InboxEntryCheck(inboxPath: root.path("file"))
            Issue.record("a file was accepted as an inbox")
        } catch {
            #expect(error.code == .notADirectory)
        }
    }
}
