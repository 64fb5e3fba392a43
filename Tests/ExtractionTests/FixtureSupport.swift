import TrialModel

@testable import Extraction

/// Runs fixture text through the real extraction path.
enum Fixture {
    /// The record `DocumentExtractor` makes of `text`'s UTF-8 bytes.
    static func record(_ text: String, path: String = "fixture.txt") throws -> TrialRecord {
        try extracted(text, path: path).record
    }

    /// The record `DocumentExtractor` makes of `bytes`.
    static func record(bytes: [UInt8], path: String = "fixture.txt") throws -> TrialRecord {
        try extracted(bytes: bytes, path: path).record
    }

    /// The record `DocumentExtractor` makes of `text`'s UTF-8 bytes, with what it read beside it.
    static func extracted(_ text: String, path: String = "fixture.txt") throws -> ExtractedRecord {
        try extracted(bytes: Array(text.utf8), path: path)
    }

    /// The record `DocumentExtractor` makes of `bytes`, with what it read beside it.
    static func extracted(bytes: [UInt8], path: String = "fixture.txt") throws -> ExtractedRecord {
        let input = ExtractionInput(
            bytes: bytes, sourcePath: path, pipeline: "test", processedAt: "2025-01-01T00:00:00Z")
        let records = try DocumentExtractor().extract(input)
        guard records.count == 1, let record = records.first else {
            throw FixtureError.recordCount(records.count)
        }
        return record
    }

    enum FixtureError: Error { case recordCount(Int) }
}
