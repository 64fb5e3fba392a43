/// Reads a word the dictionary does not know as a close misspelling of a long drug name
/// (`atelelizumab` → atezolizumab), cheaply and conservatively.
///
/// Only words of at least nine letters that end in a drug stem (``DrugStemSuffixes``) are considered, and
/// only against the INNs that end in the same stem and start with the same letter. The edit distance may
/// be at most 2, or 3 for words of eleven letters or more; one more edit is allowed towards a drug the same
/// document names correctly elsewhere (`ramolutumab` beside `Ramucirumab`). The closest name wins; a tie
/// between two drugs reads as nothing unless exactly one of them is in the document.
struct MisspellingResolver: Sendable {
    /// The shortest word that may be read as a misspelling.
    static let minimumLength = 9

    private struct Candidate: Sendable {
        var drug: Int
        var name: [UInt8]
    }

    private let candidatesByStem: [[UInt8]: [Candidate]]
    /// For each possible last byte, the stems ending in it that have candidates.
    private let stemsByLastByte: [[[UInt8]]]

    init(dictionary: DrugDictionary) {
        var byStem: [[UInt8]: [Candidate]] = [:]
        for (index, drug) in dictionary.drugs.enumerated() {
            let name = Array(drug.name.lowercased().utf8)
            guard name.count >= Self.minimumLength - 2, name.allSatisfy(MatchText.isASCIILetter) else {
                continue
            }
            for stem in DrugStemSuffixes.all where name.hasSuffix(stem) {
                byStem[stem, default: []].append(Candidate(drug: index, name: name))
            }
        }
        var byLastByte = [[[UInt8]]](repeating: [], count: 256)
        for stem in DrugStemSuffixes.all where byStem[stem] != nil {
            byLastByte[Int(stem[stem.count - 1])].append(stem)
        }
        self.candidatesByStem = byStem
        self.stemsByLastByte = byLastByte
    }

    /// Whether the word at `range` (ASCII letters only) ends in a stem that some drug name ends in.
    @inline(__always)
    func mayBeMisspelling(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let last = MatchText.lower(text[range.upperBound - 1])
        for stem in stemsByLastByte[Int(last)] where stem.count < range.count {
            var matches = true
            var offset = 1
            while offset <= stem.count {
                if MatchText.lower(text[range.upperBound - offset]) != stem[stem.count - offset] {
                    matches = false
                    break
                }
                offset += 1
            }
            if matches { return true }
        }
        return false
    }

    /// The index of the drug `word` most likely misspells, or nil. `isInDocument` tells which drugs the
    /// document names correctly.
    func resolve(_ word: [UInt8], isInDocument: (Int) -> Bool) -> Int? {
        let word = word.map(MatchText.lower)
        guard word.count >= Self.minimumLength,
            !OrdinaryWords.contains(String(decoding: word, as: UTF8.self)),
            let stem = DrugStemSuffixes.all.first(where: { word.hasSuffix($0) && candidatesByStem[$0] != nil }),
            let candidates = candidatesByStem[stem]
        else { return nil }
        let bound = word.count >= 11 ? 3 : 2
        var best: (distance: Int, drugs: [Int])?
        for candidate in candidates where candidate.name.first == word.first {
            let allowed = bound + (isInDocument(candidate.drug) ? 1 : 0)
            guard let distance = BoundedEditDistance.distance(word, candidate.name, bound: allowed) else {
                continue
            }
            if best == nil || distance < best!.distance {
                best = (distance, [candidate.drug])
            } else if distance == best!.distance, !best!.drugs.contains(candidate.drug) {
                best!.drugs.append(candidate.drug)
            }
        }
        guard let best else { return nil }
        if best.drugs.count == 1 { return best.drugs[0] }
        let inDocument = best.drugs.filter(isInDocument)
        return inDocument.count == 1 ? inDocument[0] : nil
    }
}
