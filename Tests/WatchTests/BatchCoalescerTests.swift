import Foundation
import Testing

@testable import Watch

@Suite("BatchCoalescer", .timeLimit(.minutes(1)))
struct BatchCoalescerTests {
    @Test("events added while nobody reads arrive as one merged batch")
    func mergesWhileIdle() async {
        let coalescer = BatchCoalescer()
        coalescer.add(name: "a.json")
        coalescer.add(name: "b.json")
        coalescer.add(name: "a.json")
        coalescer.requestRescan()
        var iterator = coalescer.batches.makeAsyncIterator()
        #expect(await iterator.next() == WatchBatch(names: ["a.json", "b.json"], rescan: true))
        coalescer.add(name: "c.json")
        #expect(await iterator.next() == WatchBatch(names: ["c.json"]))
    }

    @Test("empty batches are not delivered")
    func emptyIgnored() async {
        let coalescer = BatchCoalescer()
        coalescer.merge(WatchBatch())
        coalescer.finish()
        var iterator = coalescer.batches.makeAsyncIterator()
        #expect(await iterator.next() == nil)
    }

    @Test("more distinct names than the limit are traded for a rescan")
    func overflowBecomesRescan() async {
        let coalescer = BatchCoalescer(maxPendingNames: 3)
        for index in 0..<10 { coalescer.add(name: "f\(index).txt") }
        coalescer.add(name: "late.txt")
        var iterator = coalescer.batches.makeAsyncIterator()
        let batch = await iterator.next()
        #expect(batch?.rescan == true)
        #expect((batch?.names.count ?? .max) <= 3)
    }

    @Test("repeated names do not count against the limit")
    func repeatsStayWithinLimit() async {
        let coalescer = BatchCoalescer(maxPendingNames: 2)
        for _ in 0..<1000 {
            coalescer.add(name: "a")
            coalescer.add(name: "b")
        }
        var iterator = coalescer.batches.makeAsyncIterator()
        #expect(await iterator.next() == WatchBatch(names: ["a", "b"]))
    }

    @Test("finish delivers what is pending, then ends; later events are ignored")
    func finishDrains() async {
        let coalescer = BatchCoalescer()
        coalescer.add(name: "a")
        coalescer.reportRootGone()
        coalescer.finish()
        coalescer.add(name: "b")
        var iterator = coalescer.batches.makeAsyncIterator()
        #expect(await iterator.next() == WatchBatch(names: ["a"], rootGone: true))
        #expect(await iterator.next() == nil)
        #expect(await iterator.next() == nil)
        #expect(coalescer.isFinished)
    }

    @Test("a waiting consumer wakes for an event from another thread")
    func wakesWaitingConsumer() async {
        let coalescer = BatchCoalescer()
        let consumer = Task {
            var iterator = coalescer.batches.makeAsyncIterator()
            return await iterator.next()
        }
        try? await Task.sleep(for: .milliseconds(50))
        Thread.detachNewThread { coalescer.add(name: "late.json") }
        #expect(await consumer.value == WatchBatch(names: ["late.json"]))
    }

    @Test("many producers and one consumer lose no name")
    func concurrentProducers() async {
        let coalescer = BatchCoalescer()
        let consumer = Task {
            var seen = Set<String>()
            for await batch in coalescer.batches { seen.formUnion(batch.names) }
            return seen
        }
        await withTaskGroup(of: Void.self) { group in
            for producer in 0..<4 {
                group.addTask {
                    for index in 0..<500 { coalescer.add(name: "p\(producer)-\(index)") }
                }
            }
        }
        coalescer.finish()
        let seen = await consumer.value
        #expect(seen.count == 2000)
    }

    @Test("cancelling the consumer ends the sequence instead of spinning")
    func cancellationEnds() async {
        let coalescer = BatchCoalescer()
        let consumer = Task {
            var count = 0
            for await _ in coalescer.batches { count += 1 }
            return count
        }
        try? await Task.sleep(for: .milliseconds(50))
        consumer.cancel()
        #expect(await consumer.value == 0)
    }
}
