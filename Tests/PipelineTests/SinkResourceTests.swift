import Pipeline
import Testing

@Suite("Sink resources")
struct SinkResourceTests {
    @Test func overlapIsJudgedOnNormalisedPaths() {
        #expect(SinkResource.file("/o/a.jsonl").conflicts(with: .file("/o/./x/../a.jsonl")))
        #expect(SinkResource.folder("/o/xml").conflicts(with: .file("/o/xml/NCT1.xml")))
        #expect(SinkResource.file("/o/xml/NCT1.xml").conflicts(with: .folder("/o/xml")))
        #expect(SinkResource.folder("/o/xml").conflicts(with: .folder("/o/xml/")))
        #expect(!SinkResource.folder("/o/xml").conflicts(with: .file("/o/xml2.jsonl")))
        #expect(!SinkResource.file("/o/a").conflicts(with: .file("/o/b")))
    }
}
