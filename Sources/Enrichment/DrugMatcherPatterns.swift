/// Turns a dictionary into the matcher's patterns: which folded spellings stand for which drugs.
enum DrugMatcherPatterns {
    /// Why a spelling is left out of matching.
    enum Rejection: Equatable {
        case tooShort
        case ordinaryWord
        case notWordBounded
    }

    /// The patterns, and each folded (lower-case) spelling with the pattern it ends on.
    struct Built {
        var patterns: [DrugMatcher.Pattern] = []
        var spellings: [([UInt8], Int)] = []
    }

    /// Strict regimens first (so an exact-case hit is preferred), then every drug's and regimen's own
    /// spellings, then their variants; a spelling already taken by an earlier entry is skipped.
    static func make(from dictionary: DrugDictionary) -> Built {
        var built = Built()
        var taken: Set<[UInt8]> = []
        let regimenDrugs = dictionary.regimens.map { regimen in
            regimen.drugs.compactMap { dictionary.drugIndex(named: $0) }
        }
        for (index, regimen) in dictionary.regimens.enumerated() where regimen.strict {
            for spelling in regimen.spellings {
                let folded = MatchText.folded(spelling)
                guard rejection(of: folded, strict: true) == nil else { continue }
                built.spellings.append((folded, built.patterns.count))
                built.patterns.append(
                    DrugMatcher.Pattern(
                        drugs: regimenDrugs[index], regimen: index, strict: true,
                        exactSpelling: MatchText.folded(spelling, lowercasing: false)))
            }
        }
        var variantSources: [([UInt8], [Int], Int?)] = []
        func add(_ folded: [UInt8], drugs: [Int], regimen: Int?) {
            guard rejection(of: folded, strict: false) == nil, taken.insert(folded).inserted else { return }
            built.spellings.append((folded, built.patterns.count))
            built.patterns.append(
                DrugMatcher.Pattern(drugs: drugs, regimen: regimen, strict: false, exactSpelling: folded))
        }
        for (index, drug) in dictionary.drugs.enumerated() {
            for spelling in drug.spellings {
                let folded = MatchText.folded(spelling)
                add(folded, drugs: [index], regimen: nil)
                variantSources.append((folded, [index], nil))
            }
        }
        for (index, regimen) in dictionary.regimens.enumerated() where !regimen.strict {
            for spelling in regimen.spellings {
                let folded = MatchText.folded(spelling)
                add(folded, drugs: regimenDrugs[index], regimen: index)
                variantSources.append((folded, regimenDrugs[index], index))
            }
        }
        for (folded, drugs, regimen) in variantSources {
            for variant in SpellingVariants.variants(of: folded) { add(variant, drugs: drugs, regimen: regimen) }
        }
        return built
    }

    /// Why a folded spelling cannot be matched, or nil when it can.
    static func rejection(of folded: [UInt8], strict: Bool) -> Rejection? {
        if folded.count < (strict ? 2 : DrugMatcher.minimumSpellingLength) { return .tooShort }
        let isBounded = folded.withUnsafeBufferPointer { bytes in
            var lastStart = bytes.count - 1
            while lastStart > 0, bytes[lastStart] & 0xC0 == 0x80 { lastStart -= 1 }
            return MatchText.isWordCharacter(bytes, at: 0) && MatchText.isWordCharacter(bytes, at: lastStart)
        }
        if !isBounded { return .notWordBounded }
        if !strict, OrdinaryWords.contains(String(decoding: folded, as: UTF8.self)) { return .ordinaryWord }
        return nil
    }
}
