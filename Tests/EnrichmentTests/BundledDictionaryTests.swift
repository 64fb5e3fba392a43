import Enrichment
import Testing

/// The dictionary shipped with the module: it loads and keeps the invariants the matcher relies on.
@Suite("Bundled dictionary")
struct BundledDictionaryTests {
    private func problems(_ kind: DictionaryProblem.Kind) throws -> [String] {
        try DrugDictionary.bundled().problems().filter { $0.kind == kind }.map(\.message)
    }

    @Test("loads without errors and every drug name is lower case")
    func loads() throws {
        let dictionary = try DrugDictionary.bundled()
        #expect(dictionary.count > 0)
        #expect(dictionary.drugs.allSatisfy { $0.name == $0.name.lowercased() })
    }

    @Test("no spelling is shared by two drugs or regimens")
    func noSharedSpelling() throws { #expect(try problems(.sharedSpelling) == []) }

    @Test("every ATC code is well formed")
    func atcWellFormed() throws { #expect(try problems(.malformedATC) == []) }

    @Test("every drug has a class")
    func everyDrugHasAClass() throws { #expect(try problems(.missingClass) == []) }

    @Test("every regimen drug is a drug of the dictionary")
    func regimenDrugsExist() throws { #expect(try problems(.unknownRegimenDrug) == []) }

    @Test("no spelling is an ordinary word or too short to match")
    func everySpellingMatchable() throws { #expect(try problems(.unmatchableSpelling) == []) }

    @Test("bundled dictionary has at least 400 drugs")
    func atLeast400Drugs() throws {
        #expect(try DrugDictionary.bundled().count >= 400)
    }
}
