import Foundation
import Testing
import TrialModel

@testable import RelationalSinks

/// How the `postgres` sink splits a batch over its connections.
@Suite("PostgreSQL batch parts")
struct PostgresBatchPartsTests {
    static func records(_ count: Int) -> [TrialRecord] {
        (0..<count).map { index in
            TrialRecord(
                id: String(format: "NCT%08d", index * 7919 % 100_000_000),
                provenance: Provenance(
                    sourcePath: "a.txt", sha256: "00", bytes: 1, layout: "test", pipeline: "p",
                    processedAt: "2026-01-01T00:00:00.000Z"))
        }
    }

    @Test(arguments: [(1, 2), (31, 2), (63, 2), (64, 2), (256, 2), (256, 3), (257, 4), (1000, 16), (90, 1)])
    func partsAreContiguousRunsInIdOrderCoveringTheBatchOnce(count: Int, connections: Int) {
        let latest = LatestVersions.of(Self.records(count))
        let parts = PostgresSink.parts(of: latest, count: connections)
        #expect(parts.flatMap { $0 }.map(\.id) == latest.map(\.id))
        #expect(parts.count <= connections)
        #expect(parts.count == max(1, min(connections, count / PostgresSink.minimumPartSize)))
        if parts.count > 1 {
            #expect(parts.allSatisfy { $0.count >= PostgresSink.minimumPartSize })
            #expect(parts.map(\.count).max()! - parts.map(\.count).min()! <= 1)
        }
    }

    @Test func anEmptyBatchHasNoParts() {
        #expect(PostgresSink.parts(of: [], count: 2).isEmpty)
    }
}
