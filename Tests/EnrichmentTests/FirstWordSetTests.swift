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

@Suite("Words read eight bytes at a time")
struct FirstWordSetWordTests {
    @Test("the word-sized test agrees with the byte tests for every byte in every position")
    func wordSizedTest() {
        var state: UInt64 = 0x1234_5678
        for byte in 0...255 {
            for lane in 0..<8 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                var chunk = state
                chunk &= ~(UInt64(0xFF) << UInt64(8 * lane))
                chunk |= UInt64(byte) << UInt64(8 * lane)
                let (words, letters) = FirstWordSet.asciiWordBytes(chunk)
                for position in 0..<8 {
                    let value = UInt8(truncatingIfNeeded: chunk >> UInt64(8 * position))
                    let bit = UInt64(0x80) << UInt64(8 * position)
                    #expect((words & bit != 0) == MatchText.isASCIIWordByte(value), "byte \(value)")
                    #expect((letters & bit != 0) == MatchText.isASCIILetter(value), "byte \(value)")
                }
            }
        }
    }

    @Test("a word's end, hash and letters-only flag depend on its bytes alone, wherever it lies")
    func sameWordAnywhere() {
        let pieces = ["a", "Z", "7", "é", "Ü", "ß", "λ", "Ω", "x", "Q", "0"]
        let separators = [" ", "-", ".", ",", "\n", "\u{2013}", "×", "日", "/"]
        var state: UInt64 = 42
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        for _ in 0..<3000 {
            let word = (0..<(1 + next(24))).map { _ in pieces[next(pieces.count)] }.joined()
            guard let first = word.unicodeScalars.first, first.isASCII || first.properties.isAlphabetic else {
                continue
            }
            let alone = Array(word.utf8).withUnsafeBufferPointer { FirstWordSet.word($0, from: 0) }
            let flipped = Array(word.uppercased().utf8).withUnsafeBufferPointer { FirstWordSet.word($0, from: 0) }
            let prefix = String(repeating: "w", count: next(9)) + separators[next(separators.count)]
            let suffix = separators[next(separators.count)] + String(repeating: "tail ", count: next(4))
            let text = Array((prefix + word + suffix).utf8)
            let found = text.withUnsafeBufferPointer { FirstWordSet.word($0, from: prefix.utf8.count) }
            #expect(alone.end == word.utf8.count, "\(word)")
            #expect(found.end == prefix.utf8.count + word.utf8.count, "\(word) in \(prefix + word + suffix)")
            #expect(found.hash == alone.hash, "\(word)")
            #expect(found.lettersOnly == alone.lettersOnly, "\(word)")
            #expect(alone.lettersOnly == word.utf8.allSatisfy(MatchText.isASCIILetter), "\(word)")
            if word.uppercased().utf8.count == word.utf8.count, !word.contains("ß") {
                #expect(flipped.hash == alone.hash || word.contains(where: { !$0.isASCII }), "\(word)")
            }
        }
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
