import Foundation
import PipelineTesting
import Testing
import TrialModel

/// Parses JSON bytes into Foundation objects, for comparing two encoders' output as values.
private func parsed(_ bytes: [UInt8]) throws -> NSDictionary {
    let object = try JSONSerialization.jsonObject(with: Data(bytes), options: [])
    return try #require(object as? NSDictionary)
}

/// `JSONEncoder` output for the record, the reference the writer is compared with.
///
/// Slashes are left unescaped so that both outputs escape exactly the same characters: Foundation's
/// `JSONSerialization` on Linux drops a raw U+FEFF in some positions (for example right after an escape
/// sequence such as `\/`), so the two parses agree only when the escapes sit in the same places. The
/// `JSONDecoder` round trips in `check` do not have this problem.
private func oracle(_ record: TrialRecord) throws -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.withoutEscapingSlashes]
    return Array(try encoder.encode(record))
}

private func provenance() -> Provenance {
    Provenance(
        sourcePath: "a.txt", sha256: String(repeating: "0", count: 64), bytes: 3, layout: "generic",
        pipeline: "p", processedAt: "2025-01-01T00:00:00Z")
}

@Suite("RecordJSONWriter")
struct RecordJSONWriterTests {
    /// Checks one record against the `JSONEncoder` oracle and the decoder round trip.
    private func check(_ record: TrialRecord, _ label: String) throws {
        let fast = RecordJSONWriter.encode(record)
        let slow = try oracle(record)
        let fastValue = try parsed(fast)
        let slowValue = try parsed(slow)
        #expect(fastValue.isEqual(slowValue), "\(label): writer and JSONEncoder differ")
        let decoded = try JSONDecoder().decode(TrialRecord.self, from: Data(fast))
        #expect(decoded == record, "\(label): decoding the writer's output changed the record")
        let decodedOracle = try JSONDecoder().decode(TrialRecord.self, from: Data(slow))
        #expect(decodedOracle == decoded, "\(label): JSONEncoder's output decodes differently")
        #expect(!fast.contains(0x0A) && !fast.contains(0x0D), "\(label): output is not one line")
    }

    @Test("matches JSONEncoder and round-trips on contract-shaped random records")
    func randomRecords() throws {
        for seed in 0..<400 as Range<UInt64> {
            var generator = RandomRecords(seed: seed, wild: false)
            try check(generator.record(), "seed \(seed)")
        }
    }

    @Test("matches JSONEncoder on records with arbitrary ids, dates, codes and extreme counts")
    func wildRecords() throws {
        for seed in 1000..<1400 as Range<UInt64> {
            var generator = RandomRecords(seed: seed, wild: true)
            try check(generator.record(), "wild seed \(seed)")
        }
    }

    @Test("matches JSONEncoder for every case of every enum and for fully filled records")
    func everyEnumCase() throws {
        var generator = RandomRecords(seed: 7, wild: false)
        for index in 0..<OverallStatus.allCases.count {
            try check(generator.enumSweep(index), "enum sweep \(index)")
        }
    }

    @Test(
        "writes the empty record with explicit nulls, empty lists and always-present objects, in order")
    func emptyRecordExactBytes() {
        let record = TrialRecord(id: "doc-0123456789abcdef", provenance: provenance())
        let expected =
            #"{"schemaVersion":1,"id":"doc-0123456789abcdef","nctId":null,"orgStudyId":null,"secondaryIds":[],"#
            + #""provenance":{"sourcePath":"a.txt","sha256":"\#(String(repeating: "0", count: 64))","bytes":3,"#
            + #""layout":"generic","pipeline":"p","processedAt":"2025-01-01T00:00:00Z"},"warnings":[],"#
            + #""briefTitle":null,"officialTitle":null,"acronym":null,"overallStatus":null,"phases":[],"#
            + #""studyType":null,"design":{"allocation":null,"interventionModel":null,"primaryPurpose":null,"#
            + #""masking":null},"conditions":[],"keywords":[],"interventions":[],"armGroups":[],"#
            + #""leadSponsor":null,"collaborators":[],"enrollment":null,"dates":{"start":null,"#
            + #""primaryCompletion":null,"completion":null,"statusVerified":null,"firstSubmitted":null,"#
            + #""lastUpdate":null},"briefSummary":null,"detailedDescription":null,"eligibility":{"#
            + #""criteria":null,"inclusion":[],"exclusion":[],"sex":null,"minimumAge":null,"maximumAge":null,"#
            + #""healthyVolunteers":null},"primaryOutcomes":[],"secondaryOutcomes":[],"locations":[],"#
            + #""contacts":[],"references":[],"drugs":[],"crossReferences":[],"seeAlso":[],"referencedBy":[]}"#
        #expect(String(decoding: RecordJSONWriter.encode(record), as: UTF8.self) == expected)
    }

    @Test("escapes quotes, backslashes and control characters; writes everything else as raw UTF-8")
    func escaping() {
        var record = TrialRecord(id: "x", provenance: provenance())
        record.briefTitle = "\u{0}\u{1F}\"\\\n\r\t\u{8}\u{C}\u{7F}/</script>😀e\u{301}\u{2028}"
        let json = String(decoding: RecordJSONWriter.encode(record), as: UTF8.self)
        let expected =
            #""briefTitle":"\u0000\u001f\"\\\n\r\t\b\f"# + "\u{7F}/</script>😀e\u{301}\u{2028}\""
        #expect(json.contains(expected))
    }

    @Test("escapes a special byte at every position of a long string (word-at-a-time scan)")
    func escapingAtEveryOffset() throws {
        let specials: [Character] = ["\"", "\\", "\u{0}", "\u{1F}", "\n", "\u{7F}", "é", "😀"]
        for special in specials {
            for offset in 0..<20 {
                var text = String(repeating: "a", count: 20)
                text.insert(special, at: text.index(text.startIndex, offsetBy: offset))
                var record = TrialRecord(id: "x", provenance: provenance())
                record.briefTitle = text
                let decoded = try JSONDecoder().decode(
                    TrialRecord.self, from: Data(RecordJSONWriter.encode(record)))
                #expect(
                    decoded.briefTitle == text, "special \(special.unicodeScalars.first!.value) at \(offset)")
                #expect(try parsed(RecordJSONWriter.encode(record)).isEqual(parsed(oracle(record))))
            }
        }
    }

    @Test("writes nested objects and lists in declaration order")
    func nestedOrder() throws {
        var record = TrialRecord(id: "NCT01234567", provenance: provenance())
        record.enrollment = Enrollment(count: -42, type: .estimated)
        record.leadSponsor = Sponsor(name: "S", class: nil)
        record.crossReferences = [
            CrossReference(nctId: "NCT07654321", foundIn: ["briefSummary"], inCorpus: true)
        ]
        let json = String(decoding: RecordJSONWriter.encode(record), as: UTF8.self)
        #expect(json.contains(#""leadSponsor":{"name":"S","class":null}"#))
        #expect(json.contains(#""enrollment":{"count":-42,"type":"ESTIMATED"}"#))
        #expect(
            json.contains(
                #""crossReferences":[{"nctId":"NCT07654321","foundIn":["briefSummary"],"#
                    + #""url":"https://clinicaltrials.gov/study/NCT07654321","inCorpus":true}]"#))
    }

    @Test("writes the extreme integers exactly")
    func integers() throws {
        for value in [0, 1, 9, 10, -1, 1_234_567, Int.max, Int.min] {
            var record = TrialRecord(id: "x", provenance: provenance())
            record.enrollment = Enrollment(count: value)
            let json = String(decoding: RecordJSONWriter.encode(record), as: UTF8.self)
            #expect(json.contains(#""enrollment":{"count":\#(value),"type":null}"#))
        }
    }

    @Test("append adds to what the buffer already holds, with no newline")
    func appendKeepsPrefix() {
        let record = TrialRecord(id: "x", provenance: provenance())
        var buffer = Array("prefix|".utf8)
        RecordJSONWriter.append(record, to: &buffer)
        #expect(buffer == Array("prefix|".utf8) + RecordJSONWriter.encode(record))
        #expect(buffer.last == UInt8(ascii: "}"))
    }

    @Test("the Encodable conformance writes explicit nulls, so JSONEncoder keeps every key")
    func encodableWritesNulls() throws {
        let record = TrialRecord(id: "x", provenance: provenance())
        let value = try parsed(oracle(record))
        #expect(value["nctId"] is NSNull)
        #expect((value["design"] as? NSDictionary)?["masking"] is NSNull)
        #expect((value["dates"] as? NSDictionary)?["start"] is NSNull)
        #expect((value["eligibility"] as? NSDictionary)?["healthyVolunteers"] is NSNull)
    }

    @Test("decoding accepts both explicit nulls and absent optional keys")
    func decodingAcceptsNullAndAbsence() throws {
        let record = TrialRecord(id: "x", provenance: provenance())
        let withNulls = try JSONDecoder().decode(
            TrialRecord.self, from: Data(RecordJSONWriter.encode(record)))
        #expect(withNulls == record)
        let mutable = try #require(
            try parsed(RecordJSONWriter.encode(record)).mutableCopy() as? NSMutableDictionary)
        mutable.removeObject(forKey: "nctId")
        mutable.removeObject(forKey: "leadSponsor")
        let sparse = try JSONSerialization.data(withJSONObject: mutable)
        #expect(try JSONDecoder().decode(TrialRecord.self, from: sparse) == record)
    }
}
