import Testing

@testable import PipelineRuntime

@Suite struct WaitingQueueTests {
    @Test func entriesComeOutInTheOrderTheyWentIn() {
        var queue = WaitingQueue<Int>()
        queue.append(contentsOf: 0..<5)
        #expect(queue.take(upTo: 2) == [0, 1])
        queue.append(contentsOf: 5..<8)
        #expect(queue.count == 6)
        #expect(queue.take(upTo: 4) == [2, 3, 4, 5])
        #expect(queue.take(upTo: 10) == [6, 7])
        #expect(queue.isEmpty)
        #expect(queue.take(upTo: 3).isEmpty)
        #expect(queue.take(upTo: -1).isEmpty)
    }

    /// The run loop's pattern: read ahead while entries still wait, so the queue never drains; its storage
    /// must stay near what waits (it held every entry of the inbox before).
    @Test func storageStaysNearWhatWaitsWhenTheQueueNeverDrains() {
        var queue = WaitingQueue<Int>()
        var next = 0
        var expected = 0
        var largestStored = 0
        for _ in 0..<1_000 {
            if queue.count < 2_048 {
                queue.append(contentsOf: next..<next + 1_024)
                next += 1_024
            }
            for value in queue.take(upTo: 512) {
                #expect(value == expected)
                expected += 1
            }
            largestStored = max(largestStored, queue.storedCount)
        }
        #expect(queue.count > 0)
        #expect(next > 500_000)
        #expect(largestStored <= 2 * (2_048 + 1_024))
    }
}
