import Enrichment
import Testing

@Suite("Dictionary validation")
struct DictionaryProblemsTests {
    @Test("the test dictionary has no problems")
    func testDictionaryIsClean() {
        #expect(TestDictionary.dictionary.problems() == [])
    }

    @Test("each kind of problem is reported")
    func everyKind() {
        var dictionary = DrugDictionary()
        dictionary.add(DrugEntry(name: "alphamab", synonyms: ["AM-1"], atc: ["L01FF02"], classes: ["A"]))
        dictionary.add(DrugEntry(name: "betamab", synonyms: ["am-1", "Focus", "Q"], atc: ["L1FF"], classes: []))
        dictionary.add(RegimenEntry(name: "AB", drugs: ["alphamab", "gammamab"], strict: true))
        dictionary.add(RegimenEntry(name: "AB2", aliases: ["-x-"], drugs: ["alphamab"]))
        let problems = dictionary.problems()
        let kinds = Set(problems.map(\.kind))
        #expect(kinds == Set(DictionaryProblem.Kind.allCases))
        #expect(problems.contains { $0.kind == .sharedSpelling && $0.message.contains("alphamab") })
        #expect(problems.contains { $0.kind == .malformedATC && $0.message.contains("L1FF") })
        #expect(problems.contains { $0.kind == .missingClass && $0.message.contains("betamab") })
        #expect(problems.contains { $0.kind == .unknownRegimenDrug && $0.message.contains("gammamab") })
        #expect(problems.contains { $0.kind == .unmatchableSpelling && $0.message.contains("'Focus'") })
        #expect(problems.contains { $0.kind == .unmatchableSpelling && $0.message.contains("'Q'") })
        #expect(problems.contains { $0.kind == .unmatchableSpelling && $0.message.contains("'-x-'") })
        // A two-letter strict regimen is fine.
        #expect(!problems.contains { $0.message.contains("'AB' of") })
    }

    @Test("a spelling that only differs in letter case or spacing is still shared")
    func sharedIgnoringCase() {
        var dictionary = DrugDictionary()
        dictionary.add(DrugEntry(name: "alphamab", synonyms: ["Brand  X"], classes: ["A"]))
        dictionary.add(DrugEntry(name: "betamab", synonyms: ["brand x"], classes: ["A"]))
        #expect(dictionary.problems().map(\.kind) == [.sharedSpelling])
    }
}
