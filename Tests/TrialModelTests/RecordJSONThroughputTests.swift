import Foundation
import Testing
import TrialModel

/// Records the size of the seed documents, built from the seeds' own lines so that text, lengths and
/// character mix are realistic.
private enum SeedSizedRecords {
    static let seedsFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/corpus/seeds")

    static func make() throws -> [TrialRecord] {
        let files = try FileManager.default.contentsOfDirectory(atPath: seedsFolder.path)
            .filter { $0.hasSuffix(".txt") }.sorted()
        return try files.enumerated().map { index, file in
            let text = try String(contentsOf: seedsFolder.appendingPathComponent(file), encoding: .utf8)
            return record(from: text, index: index)
        }
    }

    /// Spreads the document's lines over the record's text fields and lists.
    static func record(from text: String, index: Int) -> TrialRecord {
        let lines = text.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty }
        func slice(_ part: Int, of parts: Int) -> [String] {
            let size = max(1, lines.count / parts)
            let start = min(lines.count, part * size)
            return Array(lines[start..<min(lines.count, start + size)])
        }
        let provenance = Provenance(
            sourcePath: "seeds/doc\(index).txt", sha256: String(repeating: "ab", count: 32),
            bytes: text.utf8.count,
            layout: "medpath", pipeline: "default", processedAt: "2025-01-01T00:00:00Z")
        var r = TrialRecord(id: "NCT0000000\(index)", provenance: provenance)
        r.nctId = r.id
        r.briefTitle = lines.first
        r.officialTitle = lines.dropFirst().first
        r.overallStatus = .recruiting
        r.phases = [.phase1, .phase2]
        r.studyType = .interventional
        r.design = Design(
            allocation: .randomized, interventionModel: .parallel, primaryPurpose: .treatment)
        r.conditions = slice(0, of: 20)
        r.briefSummary = slice(1, of: 5).joined(separator: "\n\n")
        r.detailedDescription = slice(2, of: 5).joined(separator: "\n")
        r.eligibility = Eligibility(
            criteria: slice(3, of: 5).joined(separator: "\n"), inclusion: slice(6, of: 10),
            exclusion: slice(7, of: 10),
            sex: .all, minimumAge: "18 Years", maximumAge: "75 Years", healthyVolunteers: false)
        r.interventions = slice(16, of: 20).map {
            Intervention(type: .drug, name: $0, otherNames: ["x"])
        }
        r.armGroups = slice(17, of: 20).map {
            ArmGroup(label: $0, type: .experimental, interventionNames: ["x"])
        }
        r.primaryOutcomes = slice(18, of: 20).map { Outcome(measure: $0, timeFrame: "12 months") }
        r.secondaryOutcomes = slice(19, of: 20).map { Outcome(measure: $0, timeFrame: "24 months") }
        r.leadSponsor = Sponsor(name: "Sponsor \(index)")
        r.enrollment = Enrollment(count: 100 + index, type: .estimated)
        r.dates = TrialDates(
            start: DateStruct(date: "2024-01-01", type: .actual), statusVerified: "2024-02")
        r.drugs = [
            Drug(
                name: "thalidomide", mentions: ["Thalidomide"], foundIn: ["interventions"], atc: ["L04AX02"]
            )
        ]
        r.crossReferences = [CrossReference(nctId: "NCT01234567", foundIn: ["briefSummary"])]
        return r
    }
}

@Suite("RecordJSONWriter throughput")
struct RecordJSONThroughputTests {
    /// Prints records/s and MB/s of the writer and of `JSONEncoder` over 10,000 seed-sized records.
    /// Timing is reported, never asserted; run with `-c release` for meaningful figures.
    @Test("writer and JSONEncoder throughput over seed-sized records (printed, not asserted)")
    func throughput() throws {
        let seeds = try SeedSizedRecords.make()
        try #require(!seeds.isEmpty)
        let records = (0..<10_000).map { seeds[$0 % seeds.count] }
        let clock = ContinuousClock()

        var writerBytes = 0
        var buffer: [UInt8] = []
        let writerTime = clock.measure {
            for record in records {
                buffer.removeAll(keepingCapacity: true)
                RecordJSONWriter.append(record, to: &buffer)
                buffer.append(0x0A)
                writerBytes += buffer.count
            }
        }
        var encoderBytes = 0
        let encoder = JSONEncoder()
        let encoderTime = try clock.measure {
            for record in records { encoderBytes += try encoder.encode(record).count + 1 }
        }
        #expect(
            try JSONDecoder().decode(TrialRecord.self, from: Data(RecordJSONWriter.encode(seeds[0])))
                == seeds[0])

        func report(_ name: String, _ time: Duration, _ bytes: Int) -> String {
            let seconds = Double(time.components.seconds) + Double(time.components.attoseconds) / 1e18
            let perSecond = Double(records.count) / seconds
            let megabytes = Double(bytes) / 1_000_000 / seconds
            return "\(name): \(Int(perSecond)) records/s, \((megabytes * 10).rounded() / 10) MB/s"
        }
        print(
            "RecordJSON throughput over \(records.count) records, \(writerBytes / records.count) bytes each: "
                + report("RecordJSONWriter", writerTime, writerBytes) + "; "
                + report("JSONEncoder", encoderTime, encoderBytes))
    }

    /// Prints records/s and MB/s of the reader and of `JSONDecoder` over the writer's lines for 10,000
    /// seed-sized records. Timing is reported, never asserted; run with `-c release` for meaningful figures.
    @Test("reader and JSONDecoder throughput over seed-sized records (printed, not asserted)")
    func readerThroughput() throws {
        let seeds = try SeedSizedRecords.make()
        try #require(!seeds.isEmpty)
        let lines = (0..<10_000).map { RecordJSONWriter.encode(seeds[$0 % seeds.count]) }
        let bytes = lines.reduce(0) { $0 + $1.count }
        let clock = ContinuousClock()
        var read = 0
        let readerTime = clock.measure {
            for line in lines where RecordJSONReader.decode(line) != nil { read += 1 }
        }
        #expect(read == lines.count)
        let decoder = JSONDecoder()
        let decoderTime = try clock.measure {
            for line in lines { _ = try decoder.decode(TrialRecord.self, from: Data(line)) }
        }
        func report(_ name: String, _ time: Duration) -> String {
            let seconds = Double(time.components.seconds) + Double(time.components.attoseconds) / 1e18
            let megabytes = Double(bytes) / 1_000_000 / seconds
            return "\(name): \(Int(Double(lines.count) / seconds)) records/s, \((megabytes * 10).rounded() / 10) MB/s"
        }
        print(
            "Record JSON reading over \(lines.count) records, \(bytes / lines.count) bytes each: "
                + report("RecordJSONReader", readerTime) + "; " + report("JSONDecoder", decoderTime))
    }
}
