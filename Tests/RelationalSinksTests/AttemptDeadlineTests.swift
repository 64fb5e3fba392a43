import Testing

@testable import RelationalSinks

@Suite("Attempt deadline")
struct AttemptDeadlineTests {
    @Test func anOperationThatNeverAnswersEndsAtTheDeadline() async throws {
        let started = ContinuousClock.now
        await #expect(throws: AttemptTimedOut.self) {
            try await AttemptDeadline.run(seconds: 0.2) {
                // Waits on a continuation nobody resumes, and ignores cancellation, like a query on a dead connection.
                await withCheckedContinuation { (_: CheckedContinuation<Void, Never>) in }
            }
        }
        #expect(started.duration(to: .now) < .seconds(60))
    }

    @Test func aQuickOperationGivesItsValueOrItsError() async throws {
        #expect(try await AttemptDeadline.run(seconds: 30) { 42 } == 42)
        struct Refused: Error {}
        await #expect(throws: Refused.self) {
            try await AttemptDeadline.run(seconds: 30) { () async throws -> Int in throw Refused() }
        }
    }
}
