import Testing

@testable import Enrichment

@Suite("First words of spellings")
struct FirstWordSetTests {
    let set = FirstWordSet(spellings: ["5-fu", "5 fu", "cisplatin", "all-trans retinoic acid"].map { Array($0.utf8) })

    private func mayStart(_ text: String) -> Bool {
        Array(text.utf8).withUnsafeBufferPointer { bytes in
            set.mayStart(FirstWordSet.word(bytes, from: 0), in: bytes)
        }
    }

    @Test("a whole-word spelling starts whatever follows it")
    func wholeWord() {
        #expect(mayStart("cisplatin"))
        #expect(mayStart("Cisplatin, then"))
        #expect(mayStart("CISPLATIN.\n"))
    }

    @Test("a first word starts only with a separator that follows it in some spelling")
    func followers() {
        #expect(mayStart("5-FU"))
        #expect(mayStart("5\u{2013}FU"))
        #expect(mayStart("5 FU"))
        #expect(mayStart("5\u{00A0}FU"))
        #expect(!mayStart("5."))
        #expect(!mayStart("5, 6"))
        #expect(!mayStart("5"))
        #expect(mayStart("All-trans"))
        #expect(!mayStart("all patients"))
    }

    @Test("words no spelling starts with are not in the set")
    func absent() {
        #expect(!mayStart("patients with"))
        #expect(!mayStart("fu"))
    }

    @Test("a word reads to its end: letters, digits, Latin and Greek letters; its hash ignores ASCII case")
    func words() {
        let (end, lettersOnly, sameHash) = Array("Ménière's".utf8).withUnsafeBufferPointer { bytes in
            let word = FirstWordSet.word(bytes, from: 0)
            let upper = Array("MÉNIÈRE".utf8).withUnsafeBufferPointer { FirstWordSet.word($0, from: 0) }
            let lower = Array("mÉnIÈre".utf8).withUnsafeBufferPointer { FirstWordSet.word($0, from: 0) }
            return (word.end, word.lettersOnly, upper.hash == lower.hash)
        }
        #expect(end == "Ménière".utf8.count)
        #expect(!lettersOnly)
        #expect(sameHash)
    }
}

@Suite("First words of the bundled dictionary")
struct BundledFirstWordsTests {
    @Test("every spelling of the bundled dictionary may start where it starts: the filter and table drop none")
    func everySpellingMayStart() throws {
        let built = DrugMatcherPatterns.make(from: try DrugDictionary.bundled())
        let set = FirstWordSet(spellings: built.spellings.map(\.0))
        var missed: [String] = []
        for (spelling, _) in built.spellings {
            let starts = spelling.withUnsafeBufferPointer { bytes in
                set.mayStart(FirstWordSet.word(bytes, from: 0), in: bytes)
            }
            if !starts { missed.append(String(decoding: spelling, as: UTF8.self)) }
        }
        #expect(built.spellings.count > 1000)
        #expect(missed.isEmpty, "\(missed.prefix(10))")
    }
}
