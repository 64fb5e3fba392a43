import Testing
import XMLSupport

@Suite struct HTMLTextExtractorTests {
    private func extract(
        _ html: String, tableLayout: HTMLTextExtractor.TableLayout = .cellPerLine
    ) -> HTMLText {
        HTMLTextExtractor.extract(Array(html.utf8), charset: "UTF-8", tableLayout: tableLayout)
    }

    @Test func keepsBlockStructureAndCollapsesWhiteSpace() {
        let page = extract(
            """
            <html><head><title>  Trial   page &amp; more </title>
            <style>p { color: red }</style><script>var x = "<p>not text</p>";</script></head>
            <body>
              <h1>Study   Overview</h1>
              <p>First
                 paragraph with <b>bold</b> and <i>italic</i>text.</p>
              <div>Status</div><div>Recruiting</div>
              <p>Line one<br>Line two<br><br>After a blank line</p>
              <noscript>Enable JavaScript</noscript>
              <template><p>template text</p></template>
            </body></html>
            """)
        #expect(page.title == "Trial page & more")
        #expect(
            page.text == """
                Study Overview

                First paragraph with bold and italictext.

                Status
                Recruiting

                Line one
                Line two

                After a blank line
                """)
    }

    @Test func bulletsUnorderedAndNumbersOrderedListItems() {
        let page = extract(
            """
            <p>Inclusion Criteria:</p>
            <ul><li>Age ≥ 18 years</li><li> Signed
            consent </li><li></li></ul>
            <ol start="3"><li>Third</li><li>Fourth<ul><li>nested</li></ul></li></ol>
            """)
        #expect(
            page.text == """
                Inclusion Criteria:

                • Age ≥ 18 years
                • Signed consent
                3. Third
                4. Fourth
                • nested
                """)
    }

    @Test func putsEachTableCellOnItsOwnLine() {
        let page = extract(
            """
            <table><tr><th>NCT number</th><td>NCT05831969</td></tr>
            <tr><th>Phase</th><td>Phase 2</td></tr><tr><td></td><td>only value</td></tr></table>
            <p>after</p>
            """)
        #expect(
            page.text == """
                NCT number
                NCT05831969
                Phase
                Phase 2
                only value

                after
                """)
    }

    @Test func canPutEachTableRowOnOneLine() {
        let page = extract(
            """
            <table><thead><tr><th>Status</th><th>Clinical Trial</th><th>Phase</th></tr></thead>
            <tbody><tr><td>Completed</td><td><a href="/study/NCT00396682">NCT00396682 - A study</a></td>
            <td>Phase 3</td></tr></tbody></table>
            """, tableLayout: .rowPerLine)
        #expect(
            page.text == """
                Status | Clinical Trial | Phase
                Completed | NCT00396682 - A study | Phase 3
                """)
    }

    @Test func collectsLinksWithTheirText() {
        let page = extract(
            """
            <p>See <a href=" https://clinicaltrials.gov/study/NCT00000102 ">the
              <em>registry</em> entry</a> and <a href="javascript:void(0)">menu</a>
            <a href="#top">top</a> <a>no href</a></p>
            """)
        #expect(
            page.links == [
                HTMLLink(href: "https://clinicaltrials.gov/study/NCT00000102", text: "the registry entry"),
                HTMLLink(href: "#top", text: "top"),
            ])
    }

    @Test func skipsNavigationAndHiddenElements() {
        let page = extract(
            """
            <body><nav><a href="/">Home</a> <a href="/trials">Trials</a></nav>
            <div role="navigation">Breadcrumbs</div>
            <div hidden>Hidden dialog</div><div style="display: none">Also hidden</div>
            <main><p>Visible content</p></main></body>
            """)
        #expect(page.text == "Visible content")
        #expect(page.links.isEmpty)
    }

    @Test func toleratesBrokenMarkupAndEntities() {
        let page = extract("<p>First <b>bold unclosed<p>Second caf&eacute; &nbsp;✓ <br/>end")
        #expect(page.text == "First bold unclosed\n\nSecond café ✓\nend")
    }

    @Test func keepsPreformattedText() {
        let page = extract("<p>Before</p><pre>col1  col2\n  a     b</pre><p>After</p>")
        #expect(page.text == "Before\n\ncol1  col2\n  a     b\n\nAfter")
    }

    @Test func readsDeclaredAndGuessedCharsets() {
        let latin1: [UInt8] =
            Array("<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf".utf8) + [0xE9]
            + Array(" &#8805; 18</p></body></html>".utf8)
        let detected = HTMLCharset.detect(latin1)
        #expect(detected.name == "windows-1252")
        #expect(detected.source == .declared)
        #expect(HTMLTextExtractor.extract(latin1, charset: detected.name).text == "Café ≥ 18")

        let undeclared: [UInt8] = Array("<p>Na".utf8) + [0xEF] + Array("ve</p>".utf8)
        #expect(HTMLCharset.detect(undeclared).name == "windows-1252")
        #expect(HTMLCharset.detect(undeclared).source == .guessed)
        #expect(HTMLTextExtractor.extract(undeclared, charset: "windows-1252").text == "Naïve")

        let withBOM: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("<p>ok</p>".utf8)
        #expect(HTMLCharset.detect(withBOM).source == .byteOrderMark)
        #expect(HTMLCharset.detect(Array("<p>plain é</p>".utf8)).source == .validUTF8)
        let httpEquiv = Array(
            "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">".utf8)
        #expect(HTMLCharset.detect(httpEquiv).name == "shift_jis")
    }

    @Test func returnsNothingForEmptyInput() {
        let page = HTMLTextExtractor.extract([])
        #expect(page.text.isEmpty)
        #expect(page.title == nil)
    }

    @Test func readsNestingUpToLibxmlDepthLimitAndSurvivesBeyond() {
        let depth = 200
        let html =
            String(repeating: "<div>", count: depth) + "deep" + String(repeating: "</div>", count: depth)
        #expect(extract(html).text == "deep")
        // Past libxml2's nesting limit the parser stops; the extractor must still return normally.
        let tooDeep = String(repeating: "<div>", count: 5000) + "deep"
        #expect(extract(tooDeep).text.count <= 4)
    }
}
