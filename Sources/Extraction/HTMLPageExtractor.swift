import TrialModel
import XMLSupport

/// A saved web page: its encoding found from a BOM or `<meta>` declaration, its visible text taken with
/// block structure kept (labels and values on separate lines, list items bulleted), then read by the
/// text layouts like copied text.
enum HTMLPageExtractor {
    static let layout = "html"

    static func extract(_ input: ExtractionInput) throws(ExtractionError) -> [ExtractedRecord] {
        let page = pageText(input.bytes)
        guard page.text.contains(where: { !$0.isWhitespace }) else {
            throw ExtractionError(
                code: "empty", message: "the HTML page has no visible text (only markup, scripts or styles)"
            )
        }
        return [
            TextExtraction.extract(
                text: page.text, input: input, warnings: page.warnings, layout: layout, title: page.title)
        ]
    }

    /// The page's visible text as the text layouts read it, its own title (first heading, sharing title or
    /// `<title>`, without the site's name), and what was uncertain about decoding it.
    static func pageText(_ bytes: [UInt8]) -> (text: String, title: String?, warnings: [String]) {
        let charset = HTMLCharset.detect(bytes)
        let page = HTMLTextExtractor.extract(bytes, charset: charset.name, tableLayout: .cellPerLine)
        var warnings: [String] = []
        if charset.source == .guessed {
            warnings.append("HTML page declares no charset and is not UTF-8; read as Windows-1252")
        }
        let title = PageTitleSources.title(
            heading: page.heading, metaTitle: page.metaTitle, documentTitle: page.title)
        return (page.text, title, warnings)
    }
}
