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

    /// The records a document yields (one for most documents, one per study for ClinicalTrials.gov batches),
    /// each with what was read beside it for the enrichers.
    public func extract(_ input: ExtractionInput) throws(ExtractionError) -> [ExtractedRecord] {
        var input = input
        guard input.bytes.count <= maxBytes else {
            throw ExtractionError(
                code: "too-large",
                message: "the document is \(input.bytes.count) bytes, over the limit of \(maxBytes) bytes "
                    + "(raise the extract stage's max-bytes option to accept it)")
        }
        // UTF-16 text (with its byte-order mark) is read as the same text in UTF-8; provenance keeps the
        // original file's hash and size.
        var warnings: [String] = []
        if let utf8 = DocumentKind.utf8FromUTF16(input.bytes) {
            input.bytes = utf8
            warnings.append("UTF-16 text: read as UTF-8")
        }
        let bytes = input.bytes
        var records: [ExtractedRecord]
        switch DocumentKind.sniff(bytes) {
        case .empty:
            throw ExtractionError(code: "empty", message: "the document is empty or holds only white space")
        case .binary:
            throw ExtractionError(
                code: "binary", message: "the document is binary data, not text, HTML, XML or JSON")
        case .json where !JSONStart.isPlausible(bytes):
            // A page that begins with a bracketed banner is a page, not broken JSON.
            let decoded = TextDecoder.decode(bytes)
            records = [
                TextExtraction.extract(
                    text: decoded.text, input: input, warnings: [JSONStart.readAsTextWarning] + decoded.warnings)
            ]
        case .json:
            records = try CTGovJSONExtractor.extract(input)
        case .ctgovXML:
            records = try CTGovXMLExtractor.extract(input)
        case .html:
            records = try HTMLPageExtractor.extract(input)
        case .text:
            let decoded = TextDecoder.decode(bytes)
            records = [TextExtraction.extract(text: decoded.text, input: input, warnings: decoded.warnings)]
        }
        if !warnings.isEmpty {
            for index in records.indices { records[index].record.warnings.insert(contentsOf: warnings, at: 0) }
        }
        return records
    }
}
