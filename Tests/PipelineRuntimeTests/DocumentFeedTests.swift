import PipelineRuntime
import Testing

@Suite("Document feed", .timeLimit(.minutes(1)))
struct DocumentFeedTests {
    @Test func aWaitingConsumerGetsNamesOnceAndNilAfterFinish() async {
        let feed = DocumentFeed()
        feed.add(["a", "b", "a"])
        #expect(await feed.next() == ["a", "b"])
        async let later = feed.next()
        feed.add(["c"])
        #expect(await later == ["c"])
        feed.add(["d"])
        feed.finish()
        feed.add(["e"])
        #expect(await feed.next() == ["d"])
        #expect(await feed.next() == nil)
    }

    @Test func aConsumerWaitingWhenTheFeedFinishesGetsNil() async {
        let feed = DocumentFeed()
        async let waiting = feed.next()
        feed.finish()
        #expect(await waiting == nil)
    }
}
