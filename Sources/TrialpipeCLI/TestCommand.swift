import ArgumentParser
import BuiltinPlugins
import Foundation
import Logging
import Pipeline
import PipelineRuntime

/// `trialpipe test [FILE…]`: runs the tests declared for pipelines through their stages.
struct TestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the tests declared for pipelines: input documents and the record fields expected of them.",
        discussion: """
            Tests live in a pipeline file under `tests:`, or beside it in NAME.tests.yaml for NAME.yaml. Each \\
            test gives a document (`input: {text: ...}` inline, or `input: {path: FILE}` relative to the file \\
            that declares it; `name:` sets the document's file name) and `expect:`, record fields in the key \\
            syntax of the record scorer: `a.b: value` (case and spacing ignored), a list for a set, `a#: N` for \\
            a count, `a[i]` for one item, `a^` for a prefix, `a~` for a regular expression, `{anyOf: [...]}` for \\
            alternatives. Documents go through the pipeline's stages only: no sink is written and no state is \\
            touched. Each failing check is printed with the expected and the actual value.

            FILE is a pipeline file or a tests file (default: Pipelines/*.yaml and their tests files).
            Exit status 0 when every test passes, 1 when a check fails, 78 for a malformed test or pipeline file \\
            (FILE:LINE:COLUMN: message on stderr).

            Example (Pipelines/default.tests.yaml):
              tests:
                - name: an overview page
                  input:
                    text: |
                      Overview
                      A Study of Cetuximab in Colorectal Cancer
                  expect:
                    briefTitle: A Study of Cetuximab in Colorectal Cancer
                    drugs.name: [cetuximab]

              trialpipe test                         # every pipeline's tests
              trialpipe test Pipelines/default.yaml  # one pipeline's tests
            """)

    @OptionGroup var logging: LoggingOptions

    @Argument(help: "Pipeline files or tests files (default: Pipelines/*.yaml).")
    var files: [String] = []

    /// One pipeline with the tests files that hold its tests.
    struct Suite {
        var pipelineFile: String
        var testFiles: [String]
    }

    /// The pipelines to test and where their tests are declared.
    static func suites(for files: [String]) throws -> [Suite] {
        var suites: [Suite] = []
        for file in try PipelineFiles.resolve(files) {
            if PipelineTestFile.isTestsFile(file) {
                suites.append(Suite(pipelineFile: PipelineTestFile.pipelineFile(forTestsFile: file), testFiles: [file]))
            } else {
                let beside = PipelineTestFile.besideFile(for: file)
                let extra = FileManager.default.fileExists(atPath: beside) ? [beside] : []
                suites.append(Suite(pipelineFile: file, testFiles: [file] + extra))
            }
        }
        return suites
    }

    func run() async throws {
        var logger = LogSetup.logger(format: logging.logFormat)
        logger.logLevel = .warning
        let loader = PipelineLoader(registry: BuiltinPlugins.registry())
        var problems: [PipelineConfigError] = []
        var planned: [(spec: PipelineSpec, tests: [PipelineTestCase])] = []
        let suites: [Suite]
        do { suites = try Self.suites(for: files) } catch let error as CLIError {
            FileHandle.standardError.write(Data(("trialpipe: " + error.message + "\n").utf8))
            throw ExitCode(error.code)
        }
        for suite in suites {
            var tests: [PipelineTestCase] = []
            for file in suite.testFiles {
                do {
                    tests += try PipelineTestFile.read(file: file, required: file != suite.pipelineFile)
                } catch { problems += error.errors }
            }
            do {
                planned.append((try loader.load(file: suite.pipelineFile), tests))
            } catch { problems += error.errors }
        }
        if !problems.isEmpty { throw CLIError.report(PipelineConfigErrors(problems)) }
        guard planned.contains(where: { !$0.tests.isEmpty }) else {
            FileHandle.standardError.write(
                Data(
                    ("trialpipe: no tests found in \(suites.map(\.pipelineFile).joined(separator: ", ")); declare them "
                        + "under `tests:` in the pipeline file or in NAME.tests.yaml beside it (`trialpipe test --help`)\n")
                        .utf8))
            throw ExitCode(ExitCodes.config)
        }
        var passed = 0
        var failed = 0
        for (spec, tests) in planned where !tests.isEmpty {
            print("pipeline '\(spec.name)' (\(spec.file)): \(tests.count) test\(tests.count == 1 ? "" : "s")")
            let runner = PipelineTestRunner(chain: StageChain(stages: spec.stages), pipeline: spec.name, logger: logger)
            for test in tests {
                let outcome = await runner.run(test)
                print(Self.describe(test, outcome))
                if case .passed = outcome { passed += 1 } else { failed += 1 }
            }
            for stage in spec.stages { await stage.shutdown() }
        }
        print("\(passed) passed, \(failed) failed")
        if failed > 0 { throw ExitCode(ExitCodes.failure) }
    }

    /// One test's lines for people: `ok NAME`, or `FAIL NAME` and each failing check with expected and actual.
    static func describe(_ test: PipelineTestCase, _ outcome: PipelineTestRunner.Outcome) -> String {
        switch outcome {
        case .passed:
            return "  ok    \(test.name)"
        case .broken(let reason):
            return "  FAIL  \(test.name)\n        \(test.file):\(test.line):\(test.column): \(reason)"
        case .failed(let checks):
            var lines = ["  FAIL  \(test.name)"]
            for check in checks {
                let expectation = check.expectation
                lines.append("        \(test.file):\(expectation.line):\(expectation.column): \(expectation.key)")
                lines.append("          expected: \(PipelineTestRunner.show(expectation.value))")
                lines.append("          actual:   \(PipelineTestRunner.show(check.actual))")
                if !check.reason.isEmpty, !check.reason.hasPrefix("got "), !check.reason.hasPrefix("count ") {
                    lines.append("          (\(check.reason))")
                }
            }
            return lines.joined(separator: "\n")
        }
    }
}
