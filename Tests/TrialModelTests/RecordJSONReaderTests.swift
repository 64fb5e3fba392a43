import Foundation
import PipelineTesting
import Testing
import TrialModel

private func provenance() -> Provenance {
    Provenance(
        sourcePath: "a.txt", sha256: String(repeating: "0", count: 64), bytes: 3, layout: "generic",
        pipeline: "p", processedAt: "2025-01-01T00:00:00Z")
}

/// `JSONDecoder` over the record's `Decodable` conformance: the oracle the fast reader is compared with.
private func oracle(_ bytes: [UInt8]) throws -> TrialRecord {
    try JSONDecoder().decode(TrialRecord.self, from: Data(bytes))
}

@Suite("RecordJSONReader")
struct RecordJSONReaderTests {
    /// Reads the writer's output back and compares with the record and with `JSONDecoder`.
    private func check(_ record: TrialRecord, _ label: String) throws {
        let bytes = RecordJSONWriter.encode(record)
        guard let fast = RecordJSONReader.decode(bytes) else {
            Issue.record("\(label): the writer's output was not read")
            return
        }
        #expect(fast == record, "\(label): reading the writer's output changed the record")
        #expect(fast == (try oracle(bytes)), "\(label): reader and JSONDecoder differ")
    }

    @Test("reads back contract-shaped random records exactly, as JSONDecoder does")
    func randomRecords() throws {
        for seed in 0..<400 as Range<UInt64> {
            var generator = RandomRecords(seed: seed, wild: false)
            try check(generator.record(), "seed \(seed)")
        }
    }

    @Test("reads back records with arbitrary text, ids and extreme counts")
    func wildRecords() throws {
        for seed in 1000..<1400 as Range<UInt64> {
            var generator = RandomRecords(seed: seed, wild: true)
            try check(generator.record(), "wild seed \(seed)")
        }
    }

    @Test("reads back every case of every enum")
    func everyEnumCase() throws {
        var generator = RandomRecords(seed: 7, wild: false)
        for index in 0..<OverallStatus.allCases.count {
            try check(generator.enumSweep(index), "enum sweep \(index)")
        }
    }

    @Test("reads every committed golden record as JSONDecoder does")
    func goldenRecords() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("TrialpipeCLITests/Golden/records.jsonl").path
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        try #require(lines.count > 300)
        for (number, line) in lines.enumerated() {
            // Each line is the document's name, a tab, and its record.
            let bytes = Array(line.utf8.drop { $0 != UInt8(ascii: "\t") }.dropFirst())
            guard let fast = RecordJSONReader.decode(bytes) else {
                Issue.record("line \(number + 1) was not read")
                continue
            }
            #expect(fast == (try oracle(bytes)), "line \(number + 1): reader and JSONDecoder differ")
        }
    }

    @Test("unescapes what the writer escapes, at every position, and every JSON escape besides")
    func escapes() throws {
        let specials: [String] = [
            "\"", "\\", "\u{0}", "\u{1F}", "\n", "\r", "\t", "\u{8}", "\u{C}", "é", "😀", "\u{2028}",
        ]
        for special in specials {
            for offset in 0..<12 {
                var text = String(repeating: "a", count: 12)
                text.insert(contentsOf: special, at: text.index(text.startIndex, offsetBy: offset))
                var record = TrialRecord(id: "x", provenance: provenance())
                record.briefTitle = text
                record.conditions = [text, special]
                try check(record, "special \(special.unicodeScalars.first!.value) at \(offset)")
            }
        }
        let record = TrialRecord(id: "x", provenance: provenance())
        let plain = String(decoding: RecordJSONWriter.encode(record), as: UTF8.self)
        let escaped = plain.replacingOccurrences(
            of: #""briefTitle":null"#, with: #""briefTitle":"a\/b \u00e9\u00E9 \ud83d\ude00 \u2028""#)
        let bytes = Array(escaped.utf8)
        let fast = try #require(RecordJSONReader.decode(bytes))
        #expect(fast.briefTitle == "a/b éé 😀 \u{2028}")
        #expect(fast == (try oracle(bytes)))
    }

    @Test("returns nil for JSON in another shape, which JSONDecoder still reads")
    func otherShapesFallBack() throws {
        var generator = RandomRecords(seed: 11, wild: false)
        let record = generator.record()
        for formatting in [JSONEncoder.OutputFormatting.prettyPrinted, .sortedKeys] {
            let encoder = JSONEncoder()
            encoder.outputFormatting = formatting
            let bytes = Array(try encoder.encode(record))
            #expect(RecordJSONReader.decode(bytes) == nil, "\(formatting)")
            #expect(try oracle(bytes) == record)
        }
        let written = RecordJSONWriter.encode(record)
        #expect(RecordJSONReader.decode(written + [0x0A]) == nil, "a trailing newline")
        #expect(RecordJSONReader.decode([UInt8](" ".utf8) + written) == nil, "leading white space")
    }

    @Test("returns nil, never traps, for every truncation of a record")
    func truncations() throws {
        var record = TrialRecord(id: "NCT01234567", provenance: provenance())
        record.briefTitle = "Tab\there 😀"
        record.enrollment = Enrollment(count: -42, type: .estimated)
        record.eligibility.healthyVolunteers = true
        record.drugs = [Drug(name: "x", mentions: ["X"], role: .intervention)]
        record.crossReferences = [CrossReference(nctId: "NCT07654321", inCorpus: true)]
        let bytes = RecordJSONWriter.encode(record)
        #expect(RecordJSONReader.decode(bytes) == record)
        for length in 0..<bytes.count {
            #expect(RecordJSONReader.decode(Array(bytes[..<length])) == nil, "cut at \(length)")
        }
    }

    @Test("returns nil for values the record cannot hold or the writer never writes")
    func badValues() throws {
        let record = TrialRecord(id: "x", provenance: provenance())
        let plain = String(decoding: RecordJSONWriter.encode(record), as: UTF8.self)
        let replacements: [(String, String)] = [
            (#""overallStatus":null"#, #""overallStatus":"NOT_A_STATUS""#),
            (#""bytes":3"#, #""bytes":3.5"#),
            (#""bytes":3"#, #""bytes":99999999999999999999"#),
            (#""bytes":3"#, #""bytes":-"#),
            (#""bytes":3"#, #""bytes":03"#),
            (#""bytes":3"#, #""bytes":-03"#),
            (#""briefTitle":null"#, #""briefTitle":"\ud800""#),
            (#""briefTitle":null"#, #""briefTitle":"\q""#),
            (#""briefTitle":null"#, #""briefTitle":"\u12g4""#),
            (#""briefTitle":null"#, "\"briefTitle\":\"a\u{1}b\""),
            (#""healthyVolunteers":null"#, #""healthyVolunteers":tru"#),
        ]
        for (old, new) in replacements {
            let changed = plain.replacingOccurrences(of: old, with: new)
            #expect(changed != plain)
            #expect(RecordJSONReader.decode(Array(changed.utf8)) == nil, "\(new)")
        }
        var invalid = Array(plain.replacingOccurrences(of: #""briefTitle":null"#, with: #""briefTitle":"ab""#).utf8)
        let key = Array(#""briefTitle":"a"#.utf8)
        let at = try #require(
            invalid.indices.first { invalid[$0...].starts(with: key) }.map { $0 + key.count })
        invalid[at] = 0xFF
        #expect(RecordJSONReader.decode(invalid) == nil, "invalid UTF-8")
    }

    @Test("reads the extreme integers exactly")
    func integers() throws {
        for value in [0, 1, 9, 10, -1, 1_234_567, Int.max, Int.min] {
            var record = TrialRecord(id: "x", provenance: provenance())
            record.enrollment = Enrollment(count: value)
            try check(record, "\(value)")
        }
    }
}
