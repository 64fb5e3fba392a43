import TrialModel
import XMLSupport

/// A saved web page: its encoding found from a BOM or `<meta>` declaration, its visible text taken with
/// block structure kept (labels and values on separate lines, list items bulleted), then read by the
/// text layouts like copied text.
enum HTMLPageExtractor {
    static let layout = "html"

    static func extract(_ input: ExtractionInput) throws(ExtractionError) -> [TrialRecord] {
        let charset = HTMLCharset.detect(input.bytes)
        let page = HTMLTextExtractor.extract(input.bytes, charset: charset.name, tableLayout: .cellPerLine)
        guard page.text.contains(where: { !$0.isWhitespace }) else {
            throw ExtractionError(
                code: "empty", message: "the HTML page has no visible text (only markup, scripts or styles)")
        }
        var warnings: [String] = []
        if charset.source == .guessed {
            warnings.append("HTML page declares no charset and is not UTF-8; read as Windows-1252")
        }
        return [TextExtraction.extract(text: page.text, input: input, warnings: warnings, layout: layout)]
    }
}
