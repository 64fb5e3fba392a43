/// Finds the dictionary's drugs and regimens in text, in one pass, whole words only.
///
/// Built once from a ``DrugDictionary``: every spelling (INN, synonyms, regimen names and aliases, and
/// their ``SpellingVariants``) is folded (see ``MatchText``) into a byte trie. Scanning starts a trie walk
/// only where a word starts and keeps the longest spelling that ends where a word ends, so
/// `trastuzumab deruxtecan` wins over `trastuzumab` and `pembrolizumabs` matches nothing. Spellings that
/// are ordinary words or shorter than three characters are left out; strict regimens (`AC`, `EP`) match
/// only when the caller allows them and only with the dictionary's letter case. Words the trie does not
/// know that look like misspelt drug names are handed to a ``MisspellingResolver``.
public struct DrugMatcher: Sendable {
    /// The dictionary the matcher was built from.
    public let dictionary: DrugDictionary

    /// One spelling the trie can end on.
    struct Pattern: Sendable {
        /// Indices into `dictionary.drugs` that the spelling stands for.
        var drugs: [Int]
        /// Index into `dictionary.regimens`, when the spelling names a regimen.
        var regimen: Int?
        /// Whether the spelling matches only where strict regimens are allowed, in exact letter case.
        var strict: Bool
        /// The folded spelling with its letter case kept (compared when `strict`).
        var exactSpelling: [UInt8]
    }

    /// A spelling found in a text: byte offsets and the pattern.
    struct Hit {
        var pattern: Int
        var start: Int
        var end: Int
    }

    let patterns: [Pattern]
    private let byteClass: [UInt8]
    /// The trie symbol of a raw byte that folds to itself or its lower case (ASCII except white space);
    /// ``slowPath`` for bytes that need ``MatchText/foldedByte(_:at:lowercasing:)``.
    private let rawClass: [UInt8]
    private static let slowPath: UInt8 = 255
    /// The trie, nodes numbered breadth first so that a node's children have consecutive numbers, in
    /// symbol order: node `n`'s children are `firstChild[n] ..< firstChild[n + 1]`, and `symbolOf[c]` is
    /// the symbol that leads to child `c`. A few hundred kilobytes that stay in cache, where a dense table
    /// of every node and symbol took megabytes and a memory access per step.
    private let firstChild: [Int32]
    private let symbolOf: [UInt8]
    /// The root's child for each symbol (0 for none): the root has a child for most symbols.
    private let rootChild: [Int32]
    private let terminalOf: [Int32]
    private let terminalPatterns: [[Int32]]
    /// The words a spelling can start with (see ``FirstWordSet``): a word outside it starts no walk of the
    /// trie, whose table is too large to stay in cache.
    private let firstWords: FirstWordSet
    let misspellings: MisspellingResolver

    /// The shortest spelling (in bytes) that is matched unless it belongs to a strict regimen.
    static let minimumSpellingLength = 3

    /// Builds the matcher; the work is proportional to the dictionary's total spelling length.
    public init(dictionary: DrugDictionary) {
        self.dictionary = dictionary
        let built = DrugMatcherPatterns.make(from: dictionary)
        self.patterns = built.patterns

        var classes = [UInt8](repeating: 0, count: 256)
        var size = 1
        for (spelling, _) in built.spellings {
            for byte in spelling where classes[Int(byte)] == 0 {
                classes[Int(byte)] = UInt8(truncatingIfNeeded: size)
                size += 1
            }
        }
        precondition(size < 255, "the spellings use more distinct bytes than a trie alphabet can hold")
        var children: [[UInt8: Int32]] = [[:]]
        var terminals: [[Int32]] = [[]]
        for (spelling, pattern) in built.spellings {
            var node = 0
            for byte in spelling {
                let symbol = classes[Int(byte)]
                if let child = children[node][symbol] {
                    node = Int(child)
                } else {
                    children.append([:])
                    terminals.append([])
                    children[node][symbol] = Int32(children.count - 1)
                    node = children.count - 1
                }
            }
            terminals[node].append(Int32(pattern))
        }
        // Breadth-first numbering: children sorted by symbol get consecutive numbers.
        var order: [Int] = [0]
        var number = [Int32](repeating: 0, count: children.count)
        var firstChild: [Int32] = []
        var symbolOf: [UInt8] = [0]
        var head = 0
        while head < order.count {
            let node = order[head]
            head += 1
            firstChild.append(Int32(order.count))
            for (symbol, child) in children[node].sorted(by: { $0.key < $1.key }) {
                number[Int(child)] = Int32(order.count)
                order.append(Int(child))
                symbolOf.append(symbol)
            }
        }
        firstChild.append(Int32(order.count))
        var rootChild = [Int32](repeating: 0, count: size)
        for (symbol, child) in children[0] { rootChild[Int(symbol)] = number[Int(child)] }
        var terminalOf = [Int32](repeating: -1, count: children.count)
        var terminalPatterns: [[Int32]] = []
        for (numbered, node) in order.enumerated() where !terminals[node].isEmpty {
            terminalOf[numbered] = Int32(terminalPatterns.count)
            terminalPatterns.append(terminals[node])
        }
        self.byteClass = classes
        self.rawClass = (0..<256).map { byte in
            let byte = UInt8(byte)
            guard byte < 0x80, byte != 0x20, !(0x09...0x0D).contains(byte) else { return Self.slowPath }
            return classes[Int(MatchText.lower(byte))]
        }
        self.firstChild = firstChild
        self.symbolOf = symbolOf
        self.rootChild = rootChild
        self.terminalOf = terminalOf
        self.terminalPatterns = terminalPatterns
        self.firstWords = FirstWordSet(spellings: built.spellings.lazy.map(\.0))
        self.misspellings = MisspellingResolver(dictionary: dictionary)
    }

    /// Every drug and regimen mention in `text`, in order, with misspelt drug names read against the
    /// drugs this same text names correctly. `allowingStrict` admits strict regimens (pass true for
    /// interventions and arm groups).
    public func mentions(in text: String, allowingStrict: Bool = false) -> [DrugMention] {
        var hits: [Hit] = []
        var unknown: [Range<Int>] = []
        return MatchText.withBytes(text) { bytes in
            scan(bytes, allowingStrict: allowingStrict, hit: { hits.append($0) }, unknownWord: { unknown.append($0) })
            let found = Set(hits.flatMap { patterns[$0.pattern].drugs })
            var mentions = hits.map { hit in
                let pattern = patterns[hit.pattern]
                return DrugMention(
                    drugs: pattern.drugs.map { dictionary.drugs[$0].name },
                    regimen: pattern.regimen.map { dictionary.regimens[$0].name },
                    text: MatchText.spelling(bytes, from: hit.start, to: hit.end),
                    range: hit.start..<hit.end, isMisspelling: false)
            }
            for range in unknown {
                guard let drug = misspellings.resolve(Array(bytes[range]), isInDocument: found.contains) else {
                    continue
                }
                mentions.append(
                    DrugMention(
                        drugs: [dictionary.drugs[drug].name], regimen: nil,
                        text: MatchText.spelling(bytes, from: range.lowerBound, to: range.upperBound),
                        range: range, isMisspelling: true))
            }
            return mentions.sorted { $0.range.lowerBound < $1.range.lowerBound }
        }
    }

    /// Walks `text` once: reports each longest spelling that starts and ends on word boundaries, and each
    /// unmatched word that ends in a drug stem and is long enough to be a misspelt drug name (unless
    /// `readingMisspellings` is false: then no word is checked for one).
    func scan(
        _ text: UnsafeBufferPointer<UInt8>, allowingStrict: Bool, readingMisspellings: Bool = true,
        hit: (Hit) -> Void, unknownWord: (Range<Int>) -> Void
    ) {
        // Every word is read to its end below, so a word character reached here always starts a word.
        let count = text.count
        var index = 0
        while index < count {
            let byte = text[index]
            if byte < 0x80 {
                guard MatchText.isASCIIWordByte(byte) else {
                    index &+= 1
                    continue
                }
            } else if !MatchText.isWordCharacter(text, at: index) {
                index &+= MatchText.characterLength(lead: byte)
                continue
            }
            let word = FirstWordSet.word(text, from: index)
            if firstWords.mayStart(word, in: text),
                let (pattern, end) = longestMatch(text, from: index, allowingStrict: allowingStrict)
            {
                hit(Hit(pattern: pattern, start: index, end: end))
                index = end
                continue
            }
            let end = word.end
            if readingMisspellings, word.lettersOnly, end - index >= MisspellingResolver.minimumLength,
                misspellings.mayBeMisspelling(text, index..<end)
            {
                unknownWord(index..<end)
            }
            index = end
        }
    }

    /// The child of `node` by `symbol`, or 0 when there is none.
    @inline(__always)
    private func child(of node: Int, symbol: UInt8) -> Int {
        if node == 0 { return Int(rootChild[Int(symbol)]) }
        return symbolOf.withUnsafeBufferPointer { symbols in
            let end = Int(firstChild[node &+ 1])
            var candidate = Int(firstChild[node])
            while candidate < end {
                let found = symbols[candidate]
                if found == symbol { return candidate }
                if found > symbol { return 0 }
                candidate &+= 1
            }
            return 0
        }
    }

    /// The longest acceptable spelling starting at `start`: its pattern and end offset.
    @inline(__always)
    private func longestMatch(
        _ text: UnsafeBufferPointer<UInt8>, from start: Int, allowingStrict: Bool
    ) -> (Int, Int)? {
        var best: (Int, Int)?
        var node = 0
        var position = start
        while position < text.count {
            var symbol = Int(rawClass[Int(text[position])])
            var next = position &+ 1
            if symbol == Int(Self.slowPath) {
                guard let (folded, after) = MatchText.foldedByte(text, at: position) else { break }
                symbol = Int(byteClass[Int(folded)])
                next = after
            }
            if symbol == 0 { break }
            node = child(of: node, symbol: UInt8(truncatingIfNeeded: symbol))
            if node == 0 { break }
            position = next
            let terminal = terminalOf[node]
            guard terminal >= 0, !MatchText.isWordCharacter(text, at: position) else { continue }
            for candidate in terminalPatterns[Int(terminal)] {
                if patterns[Int(candidate)].strict {
                    guard allowingStrict,
                        MatchText.folded(text, from: start, to: position) == patterns[Int(candidate)].exactSpelling
                    else { continue }
                }
                best = (Int(candidate), position)
                break
            }
        }
        return best
    }
}

/// A drug or regimen found in a text.
public struct DrugMention: Sendable, Equatable {
    /// The INNs the mention stands for: one drug, or each drug of a regimen.
    public var drugs: [String]
    /// The regimen's name when the mention is a regimen (`SOX`).
    public var regimen: String?
    /// The spelling as written, white space collapsed.
    public var text: String
    /// UTF-8 byte offsets of the mention in the scanned text.
    public var range: Range<Int>
    /// Whether the text was read as a close misspelling of the drug's name.
    public var isMisspelling: Bool

    /// Creates a mention.
    public init(drugs: [String], regimen: String?, text: String, range: Range<Int>, isMisspelling: Bool) {
        self.drugs = drugs
        self.regimen = regimen
        self.text = text
        self.range = range
        self.isMisspelling = isMisspelling
    }
}
