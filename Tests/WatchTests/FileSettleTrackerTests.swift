import Foundation
import Testing

@testable import Watch

@Suite("FileSettleTracker", .timeLimit(.minutes(1)))
struct FileSettleTrackerTests {
    let start = ContinuousClock.now
    let small = FileSnapshot(inode: 7, size: 10, modificationNanoseconds: 1_000)
    let grown = FileSnapshot(inode: 7, size: 20, modificationNanoseconds: 2_000)

    @Test("a name reported complete is ready at once")
    func reportedCompleteIsReady() {
        var tracker = FileSettleTracker()
        #expect(tracker.decide(name: "a", origin: .reportedComplete, snapshot: small, now: start) == .ready)
        #expect(tracker.trackedCount == 0)
    }

    @Test("a discovered file is ready once unchanged for the settle interval")
    func discoveredSettles() {
        var tracker = FileSettleTracker(settleInterval: .milliseconds(200))
        #expect(
            tracker.decide(name: "a", origin: .discovered, snapshot: small, now: start)
                == .recheck(after: .milliseconds(200)))
        #expect(
            tracker.decide(name: "a", origin: .discovered, snapshot: small, now: start + .milliseconds(50))
                == .recheck(after: .milliseconds(150)))
        #expect(
            tracker.decide(name: "a", origin: .discovered, snapshot: small, now: start + .milliseconds(200))
                == .ready)
        #expect(tracker.trackedCount == 0)
    }

    @Test("a file that changes starts its settle interval over")
    func changeRestarts() {
        var tracker = FileSettleTracker(settleInterval: .milliseconds(200))
        _ = tracker.decide(name: "a", origin: .discovered, snapshot: small, now: start)
        #expect(
            tracker.decide(name: "a", origin: .discovered, snapshot: grown, now: start + .milliseconds(250))
                == .recheck(after: .milliseconds(200)))
        #expect(
            tracker.decide(name: "a", origin: .discovered, snapshot: grown, now: start + .milliseconds(400))
                == .recheck(after: .milliseconds(50)))
        #expect(
            tracker.decide(name: "a", origin: .discovered, snapshot: grown, now: start + .milliseconds(450))
                == .ready)
    }

    @Test("a replaced file (same size and time, new inode) is a change")
    func replacementIsChange() {
        var tracker = FileSettleTracker(settleInterval: .milliseconds(100))
        _ = tracker.decide(name: "a", origin: .discovered, snapshot: small, now: start)
        var replaced = small
        replaced.inode = 8
        #expect(
            tracker.decide(name: "a", origin: .discovered, snapshot: replaced, now: start + .seconds(1))
                == .recheck(after: .milliseconds(100)))
    }

    @Test("names are tracked separately, and forgetting bounds memory")
    func forgetAndRetain() {
        var tracker = FileSettleTracker()
        for name in ["a", "b", "c"] { _ = tracker.decide(name: name, origin: .discovered, snapshot: small, now: start) }
        #expect(tracker.trackedCount == 3)
        tracker.forget("a")
        tracker.retain(only: ["b", "zzz"])
        #expect(tracker.trackedCount == 1)
        #expect(
            tracker.decide(name: "b", origin: .discovered, snapshot: small, now: start + .seconds(1)) == .ready)
    }
}
