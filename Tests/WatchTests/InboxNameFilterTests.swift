import Testing

@testable import Watch

@Suite("InboxNameFilter")
struct InboxNameFilterTests {
    let filter = InboxNameFilter()

    @Test("documents with the default extensions are candidates, in any case")
    func defaultIncludes() {
        for name in ["a.txt", "b.html", "c.htm", "NCT01234567.xml", "study.json", "Report.JSON"] {
            #expect(filter.isCandidate(name), "\(name)")
        }
        #expect(filter.rejection(of: "scan.pdf") == .notIncluded)
        #expect(filter.rejection(of: "README") == .notIncluded)
    }

    @Test("hidden, partial, temporary, swap and backup files are never candidates")
    func unfinishedAndHidden() {
        #expect(filter.rejection(of: ".c.json") == .hidden)
        #expect(filter.rejection(of: ".c.json.part") == .hidden)
        #expect(filter.rejection(of: "c.json.part") == .unfinished(suffix: ".part"))
        #expect(filter.rejection(of: "c.json.PART") == .unfinished(suffix: ".part"))
        #expect(filter.rejection(of: "c.txt.tmp") == .unfinished(suffix: ".tmp"))
        #expect(filter.rejection(of: "c.html.crdownload") == .unfinished(suffix: ".crdownload"))
        #expect(filter.rejection(of: "c.txt.swp") == .unfinished(suffix: ".swp"))
        #expect(filter.rejection(of: "c.txt~") == .unfinished(suffix: "~"))
        // Even an include list that would take everything keeps them out.
        let all = InboxNameFilter(include: [])
        #expect(all.isCandidate("anything.bin"))
        #expect(!all.isCandidate("anything.bin.part"))
        #expect(!all.isCandidate(".hidden"))
    }

    @Test("names that are not plain entry names are rejected")
    func invalidNames() {
        for name in ["", ".", "..", "a/b.txt", "a\u{0}.txt"] {
            #expect(filter.rejection(of: name) == .invalidName, "\(name)")
        }
    }

    @Test("custom include and exclude patterns")
    func customPatterns() {
        let custom = InboxNameFilter(include: ["NCT*.xml", "*.json"], exclude: ["*draft*"], caseSensitive: true)
        #expect(custom.isCandidate("NCT01.xml"))
        #expect(custom.rejection(of: "other.xml") == .notIncluded)
        #expect(custom.rejection(of: "nct01.xml") == .notIncluded)
        #expect(custom.rejection(of: "a-draft.json") == .excluded(pattern: "*draft*"))
        #expect(custom.candidates(among: ["b.json", ".a.json", "x.xml", "NCT1.xml"]) == ["b.json", "NCT1.xml"])
    }
}
