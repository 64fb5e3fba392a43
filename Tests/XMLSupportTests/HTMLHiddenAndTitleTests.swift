import Testing

@testable import XMLSupport

/// What a reader does not see stays out of the text (`hidden`, `display:none`, `aria-hidden`), and the page
/// tells its own title apart from its text (first `<h1>`, `og:title`).
@Suite("HTML hidden elements and title sources")
struct HTMLHiddenAndTitleTests {
    static let page = """
        <html><head><title>Study of X | Registry</title>
        <meta property="og:title" content="Study of X for sharing">
        <meta name="twitter:title" content="Study of X for tweets"></head>
        <body>
        <div hidden><p>Glossary: Phase</p></div>
        <div style="display: none"><p>NCT00000999</p></div>
        <span aria-hidden="true">Tooltip NCT00000888</span>
        <span aria-hidden="false">Shown</span>
        <h1>Study of <em>X</em> in Adults</h1>
        <h1>A second heading</h1>
        <p>Body text</p>
        </body></html>
        """

    @Test func hiddenElementsAreNotText() {
        let text = HTMLTextExtractor.extract(Array(Self.page.utf8)).text
        #expect(!text.contains("Glossary"))
        #expect(!text.contains("NCT00000999"))
        #expect(!text.contains("Tooltip"))
        #expect(text.contains("Shown"))
        #expect(text.contains("Body text"))
    }

    @Test func theFirstHeadingAndTheSharingTitleAreKept() {
        let page = HTMLTextExtractor.extract(Array(Self.page.utf8))
        #expect(page.heading == "Study of X in Adults")
        #expect(page.metaTitle == "Study of X for sharing")
        #expect(page.title == "Study of X | Registry")
    }

    @Test func aTwitterTitleStandsInForAMissingSharingTitle() {
        let page = HTMLTextExtractor.extract(
            Array(#"<html><head><meta name="twitter:title" content="Tweeted title"></head><body>x</body></html>"#.utf8))
        #expect(page.metaTitle == "Tweeted title")
        #expect(page.heading == nil)
    }
}
