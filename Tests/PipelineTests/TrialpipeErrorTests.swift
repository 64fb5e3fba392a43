import Foundation
import Logging
import Pipeline
import PipelineTesting
import Testing

@Suite("Error model")
struct TrialpipeErrorTests {
    @Test func aFailedSystemCallSaysWhatAndWhyAndAFullDiskHasItsOwnCode() {
        let denied = TrialpipeError.systemCall("cannot open Outbox/x.jsonl", errno: EACCES)
        #expect(denied.code == .io)
        #expect(denied.message == "cannot open Outbox/x.jsonl: Permission denied")
        #expect((denied.cause as? POSIXError)?.code == .EACCES)
        let full = TrialpipeError.systemCall("cannot write Outbox/x.jsonl", errno: ENOSPC)
        #expect(full.code == .diskFull)
        #expect(full.code.rawValue == "disk-full")
    }

    struct Throwing: Stage {
        let name = "throwing"
        let error: any Error & Sendable
        func process(_ document: PipelineDocument, context: StageContext) async throws -> PipelineDocument {
            throw error
        }
    }

    struct Undescribed: Error, Sendable, CustomStringConvertible {
        var description: String { "something odd" }
    }

    func failure(_ error: any Error & Sendable) async -> StageFailure? {
        let chain = StageChain(stages: [Throwing(error: error)])
        let context = StageContext(pipeline: "t", processedAt: "2026-01-01T00:00:00Z", logger: Logger(label: "t"))
        do {
            _ = try await chain.process(PipelineDocument(sourcePath: "a.txt", bytes: []), context: context)
            return nil
        } catch {
            return error
        }
    }

    @Test func aStageFailureCarriesTheCodeAndMessageTheErrorGivesOrSaysErrorWhenItGivesNone() async {
        let described = await failure(TrialpipeError(code: "my-plugin-code", message: "set `limit:` below 10"))
        #expect(described?.stage == "throwing")
        #expect(described?.code == "my-plugin-code")
        #expect(described?.message == "set `limit:` below 10")
        let plain = await failure(Undescribed())
        #expect(plain?.code == "error")
        #expect(plain?.message == "something odd")
    }
}
