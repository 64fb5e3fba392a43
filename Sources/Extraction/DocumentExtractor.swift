public import TrialModel

/// Recognises what a document is (ClinicalTrials.gov XML or JSON, a saved HTML page, or copied text) and
/// hands it to the extractor for that format. Pure: bytes in, records out; never touches files.
public struct DocumentExtractor: Sendable {
    /// Documents larger than this are refused before any parsing.
    public var maxBytes: Int

    /// The default per-document size limit: 32 MiB.
    public static let defaultMaxBytes = 32 << 20

    /// Creates an extractor with a per-document size limit.
    public init(maxBytes: Int = DocumentExtractor.defaultMaxBytes) {
        self.maxBytes = maxBytes
    }

    /// The records a document yields (one for most documents, one per study for ClinicalTrials.gov batches).
    public func extract(_ input: ExtractionInput) throws(ExtractionError) -> [TrialRecord] {
        let bytes = input.bytes
        guard bytes.count <= maxBytes else {
            throw ExtractionError(
                code: "too-large",
                message: "the document is \(bytes.count) bytes, over the limit of \(maxBytes) bytes "
                    + "(raise the extract stage's max-bytes option to accept it)")
        }
        switch DocumentKind.sniff(bytes) {
        case .empty:
            throw ExtractionError(code: "empty", message: "the document is empty or holds only white space")
        case .binary:
            throw ExtractionError(
                code: "binary", message: "the document is binary data, not text, HTML, XML or JSON")
        case .json:
            return try CTGovJSONExtractor.extract(input)
        case .ctgovXML:
            return try CTGovXMLExtractor.extract(input)
        case .html:
            return try HTMLPageExtractor.extract(input)
        case .text:
            let decoded = TextDecoder.decode(bytes)
            return [TextExtraction.extract(text: decoded.text, input: input, warnings: decoded.warnings)]
        }
    }
}
