import Testing

@testable import Watch

@Suite("GlobPattern")
struct GlobPatternTests {
    @Test(
        "matching names",
        arguments: [
            ("*.txt", "a.txt"), ("*.txt", ".txt"), ("*", ""), ("*", "anything"), ("a?c", "abc"),
            ("[abc].json", "b.json"), ("[a-c]*", "cat"), ("[!a-c]*", "dog"), ("[^a-c]*", "dog"),
            ("*.*.txt", "a.b.txt"), ("**x", "yyx"), ("\\*.txt", "*.txt"), ("[]]", "]"), ("[!]]", "a"),
            ("a*b*c", "aXbYbZc"), ("[", "["), ("a[bc", "a[bc"), ("NCT????????.xml", "NCT01234567.xml"),
            ("*.json", "résumé.json"), ("?", "é"),
        ])
    func matches(pattern: String, name: String) {
        #expect(GlobPattern(pattern).matches(name))
    }

    @Test(
        "names that do not match",
        arguments: [
            ("*.txt", "a.txt.part"), ("*.txt", "a.tx"), ("a?c", "ac"), ("a?c", "abbc"),
            ("[abc].json", "d.json"), ("[!a-c]*", "bat"), ("a*b*c", "aXbYbZ"), ("\\*.txt", "a.txt"),
            ("", "a"), ("*.json", "a.JSON"), ("[a-c]", ""),
        ])
    func rejects(pattern: String, name: String) {
        #expect(!GlobPattern(pattern).matches(name))
    }

    @Test("case-insensitive patterns fold both sides")
    func caseInsensitive() {
        #expect(GlobPattern("*.json", caseSensitive: false).matches("REPORT.JSON"))
        #expect(GlobPattern("[A-C]*", caseSensitive: false).matches("banana"))
        #expect(!GlobPattern("*.json", caseSensitive: false).matches("report.xml"))
    }

    @Test("many stars on a long name finish quickly")
    func noExponentialBacktracking() {
        let name = String(repeating: "a", count: 2000)
        #expect(!GlobPattern("*a*a*a*a*a*a*a*a*b").matches(name))
    }
}
