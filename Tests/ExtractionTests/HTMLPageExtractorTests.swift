import Testing
import TrialModel

@testable import Extraction

@Suite struct HTMLPageExtractorTests {
    static func input(_ bytes: [UInt8]) -> ExtractionInput {
        ExtractionInput(
            bytes: bytes, sourcePath: "inbox/page.html", pipeline: "test",
            processedAt: "2025-01-01T00:00:00Z")
    }

    static let page = """
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>NCT05831969 | Trial details</title>
        <script>window.data = {"nct": "NCT99999999"};</script><style>.x{}</style></head>
        <body>
        <nav><a href="/">Home</a></nav>
        <h1>Clinical Trial Details</h1>
        <table>
          <tr><th>NCT number</th><td>NCT05831969</td></tr>
          <tr><th>Phase</th><td>Phase 2</td></tr>
        </table>
        <h2>Eligibility</h2>
        <p>Inclusion Criteria:</p>
        <ul><li>Age ≥ 18 years</li><li>ECOG 0–1</li></ul>
        </body></html>
        """

    @Test func readsTheVisibleTextThroughTheTextLayouts() throws {
        let input = Self.input(Array(Self.page.utf8))
        let text = HTMLPageExtractor.pageText(input.bytes)
        #expect(
            text.text == """
                Clinical Trial Details

                NCT number
                NCT05831969
                Phase
                Phase 2

                Eligibility

                Inclusion Criteria:

                • Age ≥ 18 years
                • ECOG 0–1
                """)
        #expect(text.warnings.isEmpty)
        let records = try DocumentExtractor().extract(input).map(\.record)
        #expect(records.count == 1)
        #expect(records.first?.nctId == "NCT05831969")
        #expect(records.first?.provenance.sourcePath == "inbox/page.html")
    }

    @Test func warnsWhenTheCharsetIsGuessed() {
        let bytes: [UInt8] =
            Array("<html><body><p>Caf".utf8) + [0xE9] + Array(" NCT01234567</p></body></html>".utf8)
        let text = HTMLPageExtractor.pageText(bytes)
        #expect(text.text == "Café NCT01234567")
        #expect(
            text.warnings == ["HTML page declares no charset and is not UTF-8; read as Windows-1252"])
    }

    @Test func readsAUTF16PageWithByteOrderMark() {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "<p>Études NCT01234567</p>".utf16 {
            bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        #expect(HTMLPageExtractor.pageText(bytes).text == "Études NCT01234567")
    }

    @Test func refusesAPageWithoutVisibleText() {
        let input = Self.input(
            Array(
                "<html><head><title>t</title><script>var a = 1;</script></head><body> </body></html>".utf8))
        let error = #expect(throws: ExtractionError.self) { try DocumentExtractor().extract(input) }
        #expect(error?.code == "empty")
    }
}
