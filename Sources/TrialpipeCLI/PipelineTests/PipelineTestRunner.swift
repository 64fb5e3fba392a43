import Foundation
import Logging
import Pipeline
import PipelineTesting
import TrialModel

/// Runs pipeline tests through a pipeline's stages (process, then link with an in-memory corpus), touching
/// none of its sinks and none of its state, and checks each expected field.
struct PipelineTestRunner {
    /// One expected field that the record did not have.
    struct FailedCheck {
        var expectation: PipelineTestCase.Expectation
        /// The value the record has there (`nil` when absent).
        var actual: Any?
        /// The checker's account (missing and extra items of a set, a partial score).
        var reason: String
    }

    /// What one test found.
    enum Outcome {
        case passed
        case failed([FailedCheck])
        /// The document produced no record to check: a stage failed, or too few records.
        case broken(String)
    }

    var chain: StageChain
    var pipeline: String
    var logger: Logger

    /// Runs one test.
    func run(_ test: PipelineTestCase) async -> Outcome {
        let context = StageContext(pipeline: pipeline, processedAt: Timestamp.now(), logger: logger)
        var records: [TrialRecord]
        do {
            records = try await chain.process(
                PipelineDocument(sourcePath: test.documentName, bytes: test.bytes), context: context
            ).records
            _ = try chain.link(&records, corpus: InMemoryCorpusIndex())
        } catch let failure as StageFailure {
            return .broken("stage \(failure.stage) failed (\(failure.code)): \(failure.message)")
        } catch {
            return .broken("linking failed: \(error)")
        }
        guard test.recordIndex < records.count else {
            return .broken(
                "the document gave \(records.count) record(s); `record: \(test.recordIndex)` asks for one more than that"
            )
        }
        var bytes: [UInt8] = []
        RecordJSONWriter.append(records[test.recordIndex], to: &bytes)
        guard let json = try? JSONSerialization.jsonObject(with: Data(bytes)) else {
            return .broken("the record could not be read back as JSON")
        }
        var failed: [FailedCheck] = []
        for expectation in test.expectations {
            let result = ExpectedRecordChecker.check(record: json, expect: [expectation.key: expectation.value]) {
                _ in true
            }
            if let failure = result.failures.first {
                var actual = ExpectedRecordChecker.actual(in: json, key: expectation.key)
                // A set is compared with a list, even when the record holds one value there.
                if expectation.value is [Any], let one = actual, !(one is [Any]), !(one is NSNull) { actual = [one] }
                failed.append(
                    FailedCheck(
                        expectation: expectation,
                        actual: actual,
                        reason: failure.score > 0
                            ? String(format: "%.2f of the check: ", failure.score) + failure.reason
                            : failure.reason))
            }
        }
        return failed.isEmpty ? .passed : .failed(failed)
    }

    /// A value as compact JSON for the report (`(absent)` when there is none).
    static func show(_ value: Any?) -> String {
        guard let value else { return "(absent)" }
        if value is NSNull { return "null" }
        if let data = try? JSONSerialization.data(
            withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys, .withoutEscapingSlashes])
        {
            let text = String(decoding: data, as: UTF8.self)
            return text.count > 400 ? String(text.prefix(400)) + "…" : text
        }
        return String(describing: value)
    }
}
