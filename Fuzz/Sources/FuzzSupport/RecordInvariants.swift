import Foundation
public import TrialModel

/// What every record must satisfy whatever the document said; a breach stops the fuzzer like a crash, so
/// the input that caused it is kept.
public enum RecordInvariants {
    /// Checks that the record's id is a sanitized file name (`NCT` + 8 digits or `doc-` + 16 hex digits) and
    /// that its JSON line is one line of valid JSON that decodes back to a record with the same id.
    public static func check(_ record: TrialRecord) {
        guard RecordID.isSafeFileName(record.id) else {
            FuzzFailure.stop("record id \(String(reflecting: record.id)) is not a sanitized file name")
        }
        let line = RecordJSONWriter.encode(record)
        guard !line.contains(UInt8(ascii: "\n")) else { FuzzFailure.stop("the record's JSON line holds a raw newline") }
        let decoded: TrialRecord
        do {
            decoded = try JSONDecoder().decode(TrialRecord.self, from: Data(line))
        } catch {
            FuzzFailure.stop(
                "the record's JSON line does not decode: \(error)\n\(String(decoding: line, as: UTF8.self))")
        }
        guard decoded.id == record.id else { FuzzFailure.stop("the JSON line's id \(decoded.id) is not \(record.id)") }
    }
}
