import TrialModel

/// A saved web page: turned into block-structured text, then read by the text layouts.
enum HTMLPageExtractor {
    static func extract(_ input: ExtractionInput) throws(ExtractionError) -> [TrialRecord] {
        throw ExtractionError(code: "unsupported", message: "HTML pages are not read yet")
    }
}
