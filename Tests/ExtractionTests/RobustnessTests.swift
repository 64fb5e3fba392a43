import Foundation
import Testing
import TrialModel

@testable import Extraction

/// Damaged and shuffled versions of the seeds and fixtures: extraction must always give a record with a
/// valid id and never trap.
@Suite struct RobustnessTests {
    /// A small deterministic generator, so failures repeat.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state
        }
    }

    static func documents() throws -> [String] {
        let folder = SeedCorpusTests.corpus.appendingPathComponent("seeds")
        let seeds = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map {
            try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)
        }
        return seeds + [
            MedPathLayoutTests.page, TrialDetailsLayoutTests.page, OverviewLayoutTests.page,
        ]
    }

    @Test func shuffledAndTruncatedPagesStillExtract() throws {
        var random = Generator(state: 42)
        for document in try Self.documents() {
            let lines = document.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for round in 0..<60 {
                var variant = lines
                switch round % 4 {
                case 0: variant.shuffle(using: &random)
                case 1: variant = Array(variant.prefix(Int.random(in: 0...variant.count, using: &random)))
                case 2: variant.removeAll { _ in Bool.random(using: &random) }
                default: variant = variant.map { String($0.prefix(Int.random(in: 0...40, using: &random))) }
                }
                let text = variant.joined(separator: round % 3 == 0 ? "\r\n" : "\n")
                let record = TextExtraction.extract(text: text, input: Self.input(text), warnings: []).record
                #expect(RecordID.isSafeFileName(record.id))
            }
        }
    }

    @Test func damagedBytesStillExtract() throws {
        var random = Generator(state: 7)
        for document in try Self.documents() {
            let bytes = Array(document.utf8)
            for _ in 0..<40 {
                var damaged = bytes
                for _ in 0..<Int.random(in: 1...30, using: &random) where !damaged.isEmpty {
                    let at = Int.random(in: 0..<damaged.count, using: &random)
                    damaged[at] = UInt8.random(in: 0x01...0xFF, using: &random)
                }
                let cut = Int.random(in: 0...damaged.count, using: &random)
                let decoded = TextDecoder.decode(Array(damaged.prefix(cut)))
                let record = TextExtraction.extract(
                    text: decoded.text, input: Self.input(decoded.text), warnings: decoded.warnings
                ).record
                #expect(RecordID.isSafeFileName(record.id))
            }
        }
    }

    @Test func theHTMLExtractorsLayoutNameIsKeptInProvenance() throws {
        let text = try #require(try Self.documents().first)
        let record = TextExtraction.extract(text: text, input: Self.input(text), warnings: [], layout: "html").record
        #expect(record.provenance.layout == "html")
        #expect(record.nctId != nil)
    }

    static func input(_ text: String) -> ExtractionInput {
        ExtractionInput(
            bytes: Array(text.utf8), sourcePath: "variant.txt", pipeline: "test", processedAt: "2025-01-01T00:00:00Z")
    }
}
