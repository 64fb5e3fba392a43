import Foundation

/// One record as one line of JSON.
public enum RecordJSONWriter {
    /// Appends the record's JSON (no newline) to a buffer.
    public static func append(_ record: TrialRecord, to buffer: inout [UInt8]) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        if let data = try? encoder.encode(record) { buffer.append(contentsOf: data) }
    }
}
