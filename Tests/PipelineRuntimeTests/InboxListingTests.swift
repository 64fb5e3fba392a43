import Pipeline
import PipelineRuntime
import Testing

@Suite("Inbox file names")
struct InboxListingTests {
    @Test func hiddenAndPartialFilesAreNotDocuments() {
        let include = SourceSpec.defaultInclude
        #expect(InboxListing.isCandidate("study.xml", include: include))
        #expect(!InboxListing.isCandidate(".study.xml", include: include))
        #expect(!InboxListing.isCandidate("study.xml.part", include: include))
        #expect(!InboxListing.isCandidate("study.xml.tmp", include: include))
        #expect(!InboxListing.isCandidate("study.json.crdownload", include: include))
        #expect(!InboxListing.isCandidate("study.pdf", include: include))
    }
}
