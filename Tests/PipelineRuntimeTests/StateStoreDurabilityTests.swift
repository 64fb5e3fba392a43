import Foundation
import GRDB
import PipelineTesting
import Testing

@testable import PipelineRuntime

@Suite("State store durability")
struct StateStoreDurabilityTests {
    @Test("the ledger's writes are synced at every commit (synchronous = FULL), reopened or new")
    func commitsAreSynced() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        for _ in 0..<2 {
            let store = try StateStore(directory: folder.path)
            // 2 is FULL; WAL mode's default, NORMAL (1), is durable only at checkpoints.
            #expect(try store.database.write { try Int.fetchOne($0, sql: "PRAGMA synchronous") } == 2)
        }
    }
}
