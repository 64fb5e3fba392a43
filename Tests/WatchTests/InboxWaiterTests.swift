import Foundation
import Synchronization
import Testing

@testable import Watch

@Suite("InboxWaiter", .timeLimit(.minutes(1)))
struct InboxWaiterTests {
    @Test("pauses start at one second and double up to five")
    func backOff() async throws {
        let waiter = InboxWaiter()
        #expect(
            waiter.pauses(count: 6) == [.seconds(1), .seconds(2), .seconds(4), .seconds(5), .seconds(5), .seconds(5)])
        var checks = 0
        var slept: [Duration] = []
        let misses = try await waiter.waitUntil(
            {
                checks += 1
                return checks == 5
            },
            sleep: { slept.append($0) })
        #expect(misses == 4)
        #expect(slept == [.seconds(1), .seconds(2), .seconds(4), .seconds(5)])
    }

    @Test("a folder that exists returns at once")
    func presentAtOnce() async throws {
        let inbox = try TemporaryDirectory()
        defer { inbox.remove() }
        #expect(try await InboxWaiter().waitForDirectory(at: inbox.path) == 0)
    }

    @Test("a folder that comes back ends the wait")
    func comesBack() async throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        let path = root.path("Inbox")
        let creator = Task {
            try await Task.sleep(for: .milliseconds(150))
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        }
        let waiter = InboxWaiter(initialInterval: .milliseconds(20), maxInterval: .milliseconds(50))
        let reported = Mutex(0)
        let misses = try await waiter.waitForDirectory(at: path) { _ in reported.withLock { $0 += 1 } }
        try await creator.value
        #expect(misses >= 1)
        #expect(reported.withLock { $0 } == misses)
    }

    @Test("a file in the folder's place does not end the wait, and cancelling does")
    func cancellable() async throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        let path = root.path("Inbox")
        try writeFile(path)
        let waiting = Task { try await InboxWaiter().waitForDirectory(at: path) }
        try await Task.sleep(for: .milliseconds(100))
        waiting.cancel()
        await #expect(throws: CancellationError.self) { try await waiting.value }
    }
}
