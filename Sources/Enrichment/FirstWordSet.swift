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
    ///
    /// Runs of ASCII letters and digits are read eight bytes at a time (a word-sized test finds where a run
    /// ends) and mixed into the hash a group of up to eight folded bytes at once; a Latin or Greek letter is
    /// mixed in on its own. Near the end of the text the same groups are gathered a byte at a time, so a
    /// word's hash depends on its bytes alone, wherever it lies.
    @inline(__always)
    static func word(_ text: UnsafeBufferPointer<UInt8>, from start: Int) -> Word {
        var hash: UInt64 = 5381
        var end = start
        var lettersOnly = true
        let count = text.count
        guard let base = text.baseAddress else { return Word(end: start, hash: 1, lettersOnly: true) }
        while end < count {
            let run: Int
            if end + 8 <= count {
                let chunk = UnsafeRawPointer(base + end).loadUnaligned(as: UInt64.self)
                let (words, letters) = asciiWordBytes(chunk)
                run = (~words & highBits).trailingZeroBitCount / 8
                if run > 0 {
                    let kept: UInt64 = run == 8 ? ~0 : (1 &<< UInt64(8 * run)) &- 1
                    lettersOnly = lettersOnly && letters & kept == words & kept
                    hash = mix(hash, (chunk | foldBits) & kept)
                }
            } else {
                var group: UInt64 = 0
                var length = 0
                while end + length < count, length < 8, MatchText.isASCIIWordByte(text[end + length]) {
                    let byte = text[end + length]
                    lettersOnly = lettersOnly && MatchText.isASCIILetter(byte)
                    group |= UInt64(byte | 0x20) &<< UInt64(8 * length)
                    length += 1
                }
                run = length
                if run > 0 { hash = mix(hash, group) }
            }
            end += run
            if run == 8 { continue }
            // The run has ended: a Latin or Greek letter continues the word, anything else ends it.
            guard end < count, text[end] >= 0x80, MatchText.isWordCharacter(text, at: end) else { break }
            lettersOnly = false
            hash = mix(hash, UInt64(text[end]) << 8 | UInt64(text[end + 1]))
            end += 2
        }
        hash = (hash ^ (hash &>> 31)) &* 0xbf58_476d_1ce4_e5b9
        return Word(end: end, hash: (hash ^ (hash &>> 29)) | 1, lettersOnly: lettersOnly)
    }

    private static let onesBytes: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080
    /// `| 0x20` in every byte: lowers an ASCII letter and leaves a digit as it is.
    private static let foldBits: UInt64 = 0x2020_2020_2020_2020

    /// Mixes one group (up to eight folded ASCII bytes, or a two-byte letter) into the hash.
    @inline(__always)
    private static func mix(_ hash: UInt64, _ group: UInt64) -> UInt64 {
        let mixed = (hash ^ group) &* 0x9E37_79B9_7F4A_7C15
        return mixed ^ (mixed &>> 32)
    }

    /// The high bit of every byte of `chunk` that is an ASCII letter or digit (`words`), and of every one that is
    /// an ASCII letter (`letters`), as ``MatchText/isASCIIWordByte(_:)`` and ``MatchText/isASCIILetter(_:)`` say.
    @inline(__always)
    static func asciiWordBytes(_ chunk: UInt64) -> (words: UInt64, letters: UInt64) {
        let ascii = ~chunk & highBits
        let low = chunk & ~highBits
        let letters = bytes(of: low | foldBits, from: 0x61, to: 0x7A) & ascii
        let digits = bytes(of: low, from: 0x30, to: 0x39) & ascii
        return (letters | digits, letters)
    }

    /// The high bit of every byte of `x` (each below 0x80) between `lower` and `upper`: adding `0x80 - lower`
    /// sets it from `lower` up, adding `0x7F - upper` sets it above `upper`, and neither sum carries into the
    /// next byte.
    @inline(__always)
    private static func bytes(of x: UInt64, from lower: UInt64, to upper: UInt64) -> UInt64 {
        let atLeast = x &+ onesBytes &* (0x80 - lower)
        let above = x &+ onesBytes &* (0x7F - upper)
        return atLeast & ~above & highBits
    }
}
