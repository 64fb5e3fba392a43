import Foundation
import PipelineTesting
import Testing

/// `trialpipe test`: the shipped tests pass; a wrong expectation fails readably; a malformed test is 78.
@Suite("Pipeline tests command", .timeLimit(.minutes(2)))
struct TestCommandTests {
    @Test func theShippedTestsOfTheDefaultPipelinePass() throws {
        let result = try runTrialpipe(["test"], in: ProjectPaths.root)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("pipeline 'trials' (Pipelines/default.yaml)"))
        #expect(result.stdout.contains("  ok    a ClinicalTrials.gov legacy XML download"))
        #expect(result.stdout.hasSuffix(" passed, 0 failed\n"))
    }

    @Test func aWrongExpectationFailsWithExpectedAndActualAndItsPosition() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        try installDefaultPipeline(in: folder.path)
        try folder.write("docs/overview.txt", DaemonTests.document)
        try folder.write(
            "Pipelines/default.tests.yaml",
            """
            tests:
              - name: overview from a file
                input:
                  path: ../docs/overview.txt
                expect:
                  briefTitle: A Study of Panitumumab in Colorectal Cancer
                  overallStatus: RECRUITING
                  drugs.name: [cetuximab, oxaliplatin]
                  conditions#: 2
              - name: inline and right
                input:
                  text: |
            \(DaemonTests.document.split(separator: "\n").map { "          " + $0 }.joined(separator: "\n"))
                expect:
                  briefTitle^: a study of cetuximab
            """)
        let result = try runTrialpipe(["test"], in: folder.path)
        #expect(result.status == 1)
        let expected = """
              FAIL  overview from a file
                    Pipelines/default.tests.yaml:6:7: briefTitle
                      expected: "A Study of Panitumumab in Colorectal Cancer"
                      actual:   "A Study of Cetuximab in Colorectal Cancer"
                    Pipelines/default.tests.yaml:8:7: drugs.name
                      expected: ["cetuximab","oxaliplatin"]
                      actual:   ["cetuximab"]
            """
        #expect(result.stdout.contains(expected), "\(result.stdout)")
        #expect(result.stdout.contains("missing [\"oxaliplatin\"]"))
        #expect(result.stdout.contains("Pipelines/default.tests.yaml:9:7: conditions#\n          expected: 2\n"))
        #expect(result.stdout.contains("  ok    inline and right"))
        #expect(result.stdout.hasSuffix("1 passed, 1 failed\n"))
        // No sink was written and no state made.
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/Outbox"))
    }

    @Test func malformedTestsAreReportedAtTheirPositionWithStatus78() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        try installDefaultPipeline(in: folder.path)
        try folder.write(
            "Pipelines/default.tests.yaml",
            """
            tests:
              - name: no input
                expect: {briefTitle: x}
              - name: misspelt
                inptu: {text: x}
                expect: {briefTitle: x}
              - name: bad count
                input: {path: missing.txt}
                expect: {briefTitle: x}
              - input: {text: x}
                expect:
                  conditions#: two
            """)
        let result = try runTrialpipe(["test"], in: folder.path)
        #expect(result.status == 78)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 4, "\(result.stderr)")
        #expect(lines.contains { $0.hasPrefix("Pipelines/default.tests.yaml:2:5: test 'no input' has no `input:`") })
        #expect(
            lines.contains {
                $0.hasPrefix("Pipelines/default.tests.yaml:5:5: unknown key 'inptu' in a test; did you mean 'input'?")
            })
        #expect(lines.contains { $0.hasPrefix("Pipelines/default.tests.yaml:8:19: cannot read missing.txt") })
        #expect(lines.contains { $0.hasPrefix("Pipelines/default.tests.yaml:12:7: `conditions#` counts items") })
    }

    @Test func testsInsideThePipelineFileRunToo() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        try installDefaultPipeline(in: folder.path)
        let pipeline = try #require(folder.read("Pipelines/default.yaml"))
        try folder.write(
            "Pipelines/default.yaml",
            pipeline + """

                tests:
                  - input: {name: study.xml, text: "<clinical_study><id_info><nct_id>NCT01234567</nct_id></id_info></clinical_study>"}
                    expect: {nctId: NCT01234567, provenance.layout: ctgov-xml}
                """)
        #expect(try runTrialpipe(["validate"], in: folder.path).status == 0)
        let result = try runTrialpipe(["test", "Pipelines/default.yaml"], in: folder.path)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("  ok    test 1"))
    }
}
