import TrialModel

/// Text copied from registry and aggregator pages: picks the layout and fills the record.
enum TextExtraction {
    static func extract(text: String, input: ExtractionInput, warnings: [String], layout: String? = nil)
        -> TrialRecord
    {
        let nct = firstNCT(in: text)
        var record = TrialRecord(
            id: RecordID.make(nctId: nct, officialTitle: nil, briefTitle: nil, text: text),
            provenance: input.provenance(layout: layout ?? "generic"))
        record.nctId = nct
        record.warnings = warnings + ["layout not recognised"]
        return record
    }

    private static func firstNCT(in text: String) -> String? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 11 else { return nil }
        for i in 0...(bytes.count - 11)
        where bytes[i] == UInt8(ascii: "N") && bytes[i + 1] == UInt8(ascii: "C") && bytes[i + 2] == UInt8(ascii: "T") {
            let digits = bytes[(i + 3)..<(i + 11)]
            if digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
                return String(decoding: bytes[i..<(i + 11)], as: UTF8.self)
            }
        }
        return nil
    }
}
