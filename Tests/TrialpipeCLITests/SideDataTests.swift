import BuiltinPlugins
import Foundation
import Pipeline
import PipelineRuntime
import PipelineTesting
import Testing
import TrialModel

/// What extract reads beside each record (listed links, the source's intervention classes) lives on the
/// pipeline document by record id: a compiled-in stage finds it there, and it stays with its record when a
/// stage drops, adds or reorders records, or an exec subprocess changes a record's id.
@Suite("Side data on the document", .timeLimit(.minutes(1)))
struct SideDataTests {
    static let context = StageContext(pipeline: "side-data", processedAt: "2026-01-01T00:00:00Z", logger: testLogger)

    /// A ClinicalTrials.gov API v2 study that lists one related trial and one intervention MeSH term.
    static func study(_ nct: String, listing related: String, mesh: String) -> String {
        """
        {"protocolSection": {"identificationModule": {"nctId": "\(nct)", "briefTitle": "Study \(nct)"},
          "referencesModule": {"seeAlsoLinks": [
            {"label": "Related", "url": "https://clinicaltrials.gov/study/\(related)"}]}},
         "derivedSection": {"interventionBrowseModule": {"meshes": [{"term": "\(mesh)"}]}}}
        """
    }

    /// Two studies, each listing its own related trial.
    static let batch = Array(
        ("{\"studies\": [" + study("NCT01000001", listing: "NCT07000001", mesh: "Capecitabine") + ", "
            + study("NCT01000002", listing: "NCT07000002", mesh: "Cisplatin") + "]}").utf8)

    /// Writes, as a warning on each record, the listed links and MeSH terms it finds on the document.
    struct SideDataProbe: Stage {
        let name = "side-data-probe"
        func process(_ document: PipelineDocument, context: StageContext) async throws -> PipelineDocument {
            var document = document
            for index in document.records.indices {
                let annotations = document.annotations(for: document.records[index])
                let links = annotations.listedLinks.map { $0.url }.joined(separator: " ")
                document.records[index].warnings.append(
                    "links: \(links); mesh: \(annotations.interventionMeshTerms.joined(separator: " "))")
            }
            return document
        }
    }

    /// Drops the first record, puts a record of its own first and the rest in reverse order.
    struct Rewriter: Stage {
        let name = "rewriter"
        func process(_ document: PipelineDocument, context: StageContext) async throws -> PipelineDocument {
            var document = document
            let added = TrialRecord(
                id: "NCT09000009",
                provenance: document.records[0].provenance)
            document.records = [added] + document.records.dropFirst().reversed()
            return document
        }
    }

    func process(_ stages: [any Stage], _ bytes: [UInt8] = batch) async throws -> PipelineDocument {
        try await StageChain(stages: stages).process(
            PipelineDocument(sourcePath: "batch.json", bytes: bytes), context: Self.context)
    }

    @Test func aCompiledInStageFindsTheSideDataOnTheDocumentNotOnTheRecord() async throws {
        let document = try await process([ExtractStage(maxBytes: 1 << 20), SideDataProbe()])
        #expect(document.records.map(\.id) == ["NCT01000001", "NCT01000002"])
        #expect(
            document.records.map(\.warnings) == [
                ["links: https://clinicaltrials.gov/study/NCT07000001; mesh: Capecitabine"],
                ["links: https://clinicaltrials.gov/study/NCT07000002; mesh: Cisplatin"],
            ])
        for record in try await process([ExtractStage(maxBytes: 1 << 20)]).records {
            let json = String(decoding: RecordJSONWriter.encode(record), as: UTF8.self)
            #expect(!json.contains("NCT0700000") && !json.contains("Capecitabine") && !json.contains("Cisplatin"))
        }
    }

    @Test func aStageThatRewritesTheRecordsLeavesEachRecordItsOwnSideData() async throws {
        let document = try await process([
            ExtractStage(maxBytes: 1 << 20), Rewriter(), SeeAlsoStage(), NCTXrefStage(),
        ])
        #expect(document.records.map(\.id) == ["NCT09000009", "NCT01000002"])
        let added = document.records[0]
        #expect(added.seeAlso.isEmpty && added.crossReferences.isEmpty)
        let kept = document.records[1]
        #expect(kept.seeAlso.map(\.nctId) == ["NCT07000002"])
        #expect(kept.crossReferences.map(\.nctId) == ["NCT07000002"])
        #expect(document.annotations(for: added) == RecordAnnotations())
    }

    @Test func theSeeAlsoStageMovesTheListedLinksAndKeepsTheRest() async throws {
        let document = try await process([ExtractStage(maxBytes: 1 << 20), SeeAlsoStage()])
        for record in document.records {
            #expect(record.seeAlso.count == 1)
            #expect(document.annotations(for: record).listedLinks.isEmpty)
            #expect(document.annotations(for: record).interventionMeshTerms.count == 1)
        }
    }

    @Test func replacingTheRecordsPairsSideDataByIndexAndTheFirstOfASharedIdWins() {
        let provenance = Provenance(
            sourcePath: "a", sha256: "", bytes: 0, layout: "test", pipeline: "p", processedAt: "t")
        let records = ["NCT00000001", "NCT00000002", "NCT00000001", "NCT00000003"].map {
            TrialRecord(id: $0, provenance: provenance)
        }
        var document = PipelineDocument(sourcePath: "a", bytes: [])
        document.setRecords(
            records,
            annotations: [
                RecordAnnotations(interventionMeshTerms: ["first"]),
                RecordAnnotations(interventionMeshTerms: ["second"]),
                RecordAnnotations(interventionMeshTerms: ["third"]),
            ])
        #expect(document.records == records)
        #expect(
            document.records.map { document.annotations(for: $0).interventionMeshTerms } == [
                ["first"], ["second"], ["first"], [],
            ])
    }

    @Test func anExecAnswerThatChangesItsRecordsIdKeepsThatRecordsSideData() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        try folder.write(
            "rename.py",
            """
            import json, sys
            for line in sys.stdin:
                record = json.loads(line)
                record["id"] = record["id"] + "-renamed"
                print(json.dumps(record), flush=True)
            """)
        try folder.write(
            "p.yaml",
            """
            name: side-data
            source: {type: inbox, path: Inbox}
            stages:
              - type: extract
              - type: exec
                command: [python3, rename.py]
              - type: see-also
            sinks:
              - type: jsonl
                path: Outbox/x.jsonl
            """)
        let spec = try PipelineLoader(registry: BuiltinPlugins.registry(), environment: [:], baseDirectory: folder.path)
            .load(file: folder.path + "/p.yaml")
        defer { Task { for stage in spec.stages { await stage.shutdown() } } }
        let document = try await process(spec.stages)
        #expect(document.records.map(\.id) == ["NCT01000001-renamed", "NCT01000002-renamed"])
        #expect(document.records.map { $0.seeAlso.map(\.nctId) } == [["NCT07000001"], ["NCT07000002"]])
        #expect(
            document.records.map { document.annotations(for: $0).interventionMeshTerms } == [
                ["Capecitabine"], ["Cisplatin"],
            ])
    }
}
