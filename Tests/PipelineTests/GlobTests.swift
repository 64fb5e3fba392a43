import Pipeline
import Testing

@Suite("Inbox file names")
struct GlobTests {
    @Test(arguments: [
        ("*.txt", "a.txt", true), ("*.txt", "a.TXT", true), ("*.txt", "a.txt.bak", false), ("*.htm?", "x.html", true),
        ("NCT[0-9]*", "NCT0123.xml", true), ("NCT[0-9]*", "NCTx.xml", false), ("*", "anything", true),
        ("doc?.json", "doc1.json", true), ("doc?.json", "doc12.json", false), ("[!a]*", "a1", false),
    ])
    func globMatches(pattern: String, name: String, expected: Bool) {
        #expect(Glob.matches(pattern: pattern, name: name) == expected)
    }

    @Test func hiddenAndPartialFilesAreNotDocuments() {
        let include = SourceSpec.defaultInclude
        #expect(InboxListing.isCandidate("study.xml", include: include))
        #expect(!InboxListing.isCandidate(".study.xml", include: include))
        #expect(!InboxListing.isCandidate("study.xml.part", include: include))
        #expect(!InboxListing.isCandidate("study.xml.tmp", include: include))
        #expect(!InboxListing.isCandidate("study.json.crdownload", include: include))
        #expect(!InboxListing.isCandidate("study.pdf", include: include))
    }
}

@Suite("Environment interpolation")
struct EnvironmentInterpolationTests {
    @Test func replacesVariablesDefaultsAndEscapes() throws {
        let env = ["A": "x", "EMPTY": ""]
        #expect(try EnvironmentInterpolation.apply("p: ${A}/y", environment: env, file: "f") == "p: x/y")
        #expect(try EnvironmentInterpolation.apply("p: ${B:-dflt}", environment: env, file: "f") == "p: dflt")
        #expect(try EnvironmentInterpolation.apply("p: ${EMPTY:-d}", environment: env, file: "f") == "p: ")
        #expect(try EnvironmentInterpolation.apply("cost: $$5", environment: env, file: "f") == "cost: $5")
        #expect(try EnvironmentInterpolation.apply("no refs", environment: env, file: "f") == "no refs")
    }

    @Test func unsetVariableErrorNamesItsPosition() {
        do {
            _ = try EnvironmentInterpolation.apply("a: 1\nb: x${MISSING}\n", environment: [:], file: "p.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 2)
            #expect(error.column == 5)
            #expect(error.message.contains("MISSING"))
        }
    }
}
