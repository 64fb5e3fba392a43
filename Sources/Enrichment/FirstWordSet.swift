/// The first words of the matcher's spellings, each with what may follow it, in a small hash table.
///
/// A spelling can only start where the text's word equals the spelling's first word (both folded: ASCII
/// letters in lower case): the spelling ends on a word boundary, so either it is that one word or a
/// separator follows its first word, and the text must have the same separator there (`5-FU` needs `5`
/// then a dash). Each first word keeps a mask of the separators that follow it in some spelling (by
/// ``followerClass(_:at:)``) and whether it is a whole spelling by itself. Most words of a page start no
/// spelling, and one probe of this table (tens of kilobytes) replaces a walk of the trie. Hashes may
/// collide; a collision only costs the walk, which decides.
struct FirstWordSet: Sendable {
    /// A word of the text: where it ends, its hash, and whether it is ASCII letters only.
    struct Word {
        var end: Int
        var hash: UInt64
        var lettersOnly: Bool
    }

    private let slots: [UInt64]
    private let followers: [UInt8]
    private let mask: Int
    /// Two bits per first word in 65,536 (8 KiB, which stays in the first-level cache beside the text): a
    /// word with either bit clear starts no spelling, and about one word in a hundred that starts none gets
    /// past it to the table (whose 128 KiB missed the cache on most probes).
    private let filter: [UInt64]

    /// The mask bit of a first word that is a whole spelling: any word boundary may follow it.
    private static let wholeSpelling: UInt8 = 1

    /// Builds the set from folded spellings.
    init(spellings: some Sequence<[UInt8]>) {
        var followersByHash: [UInt64: UInt8] = [:]
        for spelling in spellings {
            spelling.withUnsafeBufferPointer { bytes in
                guard !bytes.isEmpty else { return }
                let word = Self.word(bytes, from: 0)
                let follower = word.end == bytes.count ? Self.wholeSpelling : Self.followerClass(bytes, at: word.end)
                followersByHash[word.hash, default: 0] |= follower
            }
        }
        var capacity = 16
        while capacity < followersByHash.count * 4 { capacity *= 2 }
        var slots = [UInt64](repeating: 0, count: capacity)
        var followers = [UInt8](repeating: 0, count: capacity)
        for (hash, follower) in followersByHash {
            var slot = Int(truncatingIfNeeded: hash) & (capacity - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = hash
            followers[slot] = follower
        }
        self.slots = slots
        self.followers = followers
        self.mask = capacity - 1
        var filter = [UInt64](repeating: 0, count: 1024)
        for hash in followersByHash.keys {
            let (first, second) = Self.filterBits(hash)
            filter[first >> 6] |= 1 << UInt64(first & 63)
            filter[second >> 6] |= 1 << UInt64(second & 63)
        }
        self.filter = filter
    }

    /// The two filter bits of a hash.
    @inline(__always)
    private static func filterBits(_ hash: UInt64) -> (Int, Int) {
        (Int(truncatingIfNeeded: hash >> 32) & 0xFFFF, Int(truncatingIfNeeded: hash >> 48))
    }

    /// Whether a spelling may start with `word`, which `text` continues at `word.end`.
    @inline(__always)
    func mayStart(_ word: Word, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let hash = word.hash
        let (first, second) = Self.filterBits(hash)
        let passes = filter.withUnsafeBufferPointer { filter in
            filter[first >> 6] & (1 << UInt64(first & 63)) != 0 && filter[second >> 6] & (1 << UInt64(second & 63)) != 0
        }
        guard passes else { return false }
        let found: UInt8 = slots.withUnsafeBufferPointer { slots in
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let stored = slots[slot]
                if stored == hash { return followers[slot] }
                if stored == 0 { return 0 }
                slot = (slot &+ 1) & mask
            }
        }
        if found & Self.wholeSpelling != 0 { return true }
        return found != 0 && word.end < text.count && found & Self.followerClass(text, at: word.end) != 0
    }

    /// The mask bit of the separator at `index` as folding sees it (``MatchText/foldedByte(_:at:lowercasing:)``):
    /// white space (no-break space included), hyphen or dash, `,`, `+`, `/`, `.`, or anything else.
    static func followerClass(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt8 {
        switch MatchText.foldedByte(text, at: index)?.byte {
        case UInt8(ascii: " "): return 1 << 1
        case UInt8(ascii: "-"): return 1 << 2
        case UInt8(ascii: ","): return 1 << 3
        case UInt8(ascii: "+"): return 1 << 4
        case UInt8(ascii: "/"): return 1 << 5
        case UInt8(ascii: "."): return 1 << 6
        default: return 1 << 7
        }
    }

    /// The word starting at `start` (a word character): its end, its folded hash (never 0), and whether
    /// it is ASCII letters only.
    @inline(__always)
    static func word(_ text: UnsafeBufferPointer<UInt8>, from start: Int) -> Word {
        // A cheap running hash (a shift and an add per byte), mixed once at the end.
        var hash: UInt64 = 5381
        var end = start
        var lettersOnly = true
        let count = text.count
        while end < count {
            let byte = text[end]
            if byte < 0x80 {
                guard MatchText.isASCIIWordByte(byte) else { break }
                lettersOnly = lettersOnly && MatchText.isASCIILetter(byte)
                // `| 0x20` lowers a letter and leaves a digit as it is.
                hash = (hash &<< 5 &+ hash) ^ UInt64(byte | 0x20)
                end &+= 1
            } else {
                guard MatchText.isWordCharacter(text, at: end) else { break }
                lettersOnly = false
                hash = (hash &<< 5 &+ hash) ^ (UInt64(byte) << 8 | UInt64(text[end &+ 1]))
                end &+= 2
            }
        }
        hash = (hash ^ (hash &>> 31)) &* 0xbf58_476d_1ce4_e5b9
        return Word(end: end, hash: (hash ^ (hash &>> 29)) | 1, lettersOnly: lettersOnly)
    }
}
