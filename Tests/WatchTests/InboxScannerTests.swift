import Foundation
import Testing

@testable import Watch

@Suite("InboxScanner", .timeLimit(.minutes(1)))
struct InboxScannerTests {
    @Test("a scan keeps candidate names, oldest first, with their sizes")
    func scanFiltersAndOrders() throws {
        let inbox = try TemporaryDirectory()
        defer { inbox.remove() }
        let names = ["b.json", "a.txt", ".hidden.txt", "c.txt.part", "notes.pdf", "old.xml"]
        for name in names { try writeFile(inbox.path(name), name) }
        let old = Date(timeIntervalSince1970: 1_000_000)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: inbox.path("old.xml"))
        let entries = try InboxScanner(path: inbox.path).scan()
        #expect(entries.first?.name == "old.xml")
        #expect(Set(entries.map(\.name)) == ["a.txt", "b.json", "old.xml"])
        #expect(entries.first { $0.name == "b.json" }?.snapshot.size == 6)
    }

    @Test("equal modification times fall back to name order")
    func tiesByName() {
        let snapshot = FileSnapshot(size: 1, modificationNanoseconds: 5)
        let listing = ["c.txt", "a.txt", "b.txt"].map { InboxScanner.Entry(name: $0, snapshot: snapshot) }
        let ordered = InboxScanner.candidates(in: listing, filter: InboxNameFilter())
        #expect(ordered.map(\.name) == ["a.txt", "b.txt", "c.txt"])
    }

    @Test("scanning a missing inbox throws directoryMissing")
    func missingInbox() throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        do {
            _ = try InboxScanner(path: root.path("missing")).scan()
            Issue.record("scan of a missing folder succeeded")
        } catch {
            #expect(error.code == .directoryMissing)
        }
    }
}
