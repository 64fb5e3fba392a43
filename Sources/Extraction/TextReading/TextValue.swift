import TrialModel

#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// Small operations on short strings (a line, a value): trimming, null words, doubled values, numbers.
enum TextValue {
    /// `text` without leading and trailing spaces.
    static func trimmed(_ text: some StringProtocol) -> String {
        // Read in place: a text with nothing to trim (most) is returned without another copy.
        var string = String(text)
        let trimmed: String? = string.withUTF8 { bytes in
            var lo = 0
            var hi = bytes.count
            while lo < hi, ASCIIByte.isSpace(bytes[lo]) { lo += 1 }
            while hi > lo, ASCIIByte.isSpace(bytes[hi - 1]) { hi -= 1 }
            if lo == 0, hi == bytes.count { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[lo..<hi]), as: UTF8.self)
        }
        return trimmed ?? string
    }

    /// Runs of white space collapsed to one space, trimmed.
    static func collapsed(_ text: some StringProtocol) -> String {
        let string = String(text)
        var copy = string
        return copy.withUTF8 { bytes in
            if isCollapsed(bytes) { return string }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingSpace = false
            for b in bytes {
                if ASCIIByte.isSpace(b) {
                    pendingSpace = !out.isEmpty
                } else {
                    if pendingSpace { out.append(0x20) }
                    pendingSpace = false
                    out.append(b)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Whether the bytes are already collapsed: no white space at either end, and single ASCII spaces only.
    private static func isCollapsed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return true }
        if ASCIIByte.isSpace(first) || ASCIIByte.isSpace(last) { return false }
        // Eight pairs of neighbours at a time: two spaces side by side are a zero byte of
        // `(x ^ spaces) | (y ^ spaces)` where y is x one byte on; a control byte sends the rest to the byte loop.
        let count = bytes.count
        var start = 0
        if let base = bytes.baseAddress {
            let spaces: UInt64 = 0x2020_2020_2020_2020
            while start &+ 9 <= count {
                let x = ByteWord(base, at: start)
                if x.hasByte(below: 0x20) { break }
                let y = ByteWord(base, at: start &+ 1)
                if ByteWord(value: (x.value ^ spaces) | (y.value ^ spaces)).hasByte(below: 1) { return false }
                start &+= 8
            }
        }
        var previousSpace = start > 0 && bytes[start - 1] == 0x20
        for b in UnsafeBufferPointer(rebasing: bytes[start...]) {
            if b == 0x20 {
                if previousSpace { return false }
                previousSpace = true
            } else if b < 0x20 && ASCIIByte.isSpace(b) {
                return false
            } else {
                previousSpace = false
            }
        }
        return true
    }

    /// A value with the separators a copied label leaves in front of it (`:`, `|`, `-`, `—`) removed.
    static func strippingLeadingSeparators(_ text: some StringProtocol) -> String {
        var value = Substring(trimmed(text))
        while let first = value.first,
            first == ":" || first == "|" || first == "-" || first == "—" || first == "–"
        {
            value = value.dropFirst()
            value = Substring(trimmed(value))
        }
        while let last = value.last, last == "|" {
            value = value.dropLast(1)
            value = Substring(trimmed(value))
        }
        return String(value)
    }

    private static let nullWords: Set<String> = [
        "N_A", "NA", "NONE", "NOT_AVAILABLE", "NOT_PROVIDED", "NOT_SPECIFIED", "NOT_STATED",
        "NOT_REPORTED",
        "NIL", "NULL", "NO_DATA", "NOT_APPLICABLE", "UNAVAILABLE", "TBD", "",
    ]

    /// Whether the value says that there is no value ("Not available", "N/A", "n/a", "None", "-").
    static func isNullWord(_ text: some StringProtocol) -> Bool {
        // Null words are short; a longer value is text unless it holds no letter or digit at all.
        if text.utf8.count > 24 {
            return !text.utf8.contains { ASCIIByte.isLetter($0) || ASCIIByte.isDigit($0) || $0 >= 0x80 }
        }
        let key = EnumNormalizer.key(text)
        if key.isEmpty { return true }
        return nullWords.contains(key)
    }

    /// A text value ready for the record: separators and doubling removed, nil for null words.
    static func clean(_ text: some StringProtocol) -> String? {
        let value = undoubled(collapsed(strippingLeadingSeparators(text)))
        return isNullWord(value) ? nil : value
    }

    /// A value the page printed twice ("All All", "AllAll", "Not yet recruiting Not yet recruiting") once.
    static func undoubled(_ text: String) -> String {
        let bytes = Array(text.utf8)
        let n = bytes.count
        guard n >= 2 else { return text }
        if n % 2 == 0, bytes[0..<(n / 2)] == bytes[(n / 2)...] {
            return String(decoding: bytes[0..<(n / 2)], as: UTF8.self)
        }
        if n % 2 == 1, bytes[n / 2] == 0x20, bytes[0..<(n / 2)] == bytes[(n / 2 + 1)...] {
            return String(decoding: bytes[0..<(n / 2)], as: UTF8.self)
        }
        return text
    }

    /// Consecutive identical lines once (pages that print a value twice, once per layout breakpoint).
    static func undoubledLines(_ lines: [String]) -> [String] {
        var out: [String] = []
        out.reserveCapacity(lines.count)
        for line in lines where out.last != line { out.append(line) }
        return out
    }

    /// The first whole number in the text ("1,200 participants" → 1200), or nil.
    static func firstInteger(_ text: some StringProtocol) -> Int? {
        var value = 0
        var digits = 0
        var lastWasDigit = false
        for b in text.utf8 {
            if ASCIIByte.isDigit(b) {
                value = value &* 10 &+ Int(b - 0x30)
                digits += 1
                lastWasDigit = true
                if digits > 12 { return nil }
            } else if b == 0x2C, lastWasDigit {
                lastWasDigit = false
            } else if digits > 0 {
                if b == 0x2E { return nil }  // a decimal number is not a count
                break
            } else {
                lastWasDigit = false
            }
        }
        return digits > 0 ? value : nil
    }

    /// Every `NCT` + 8 digit id in the text, in order, without duplicates.
    static func nctIds(in text: some StringProtocol) -> [String] {
        var ids: [String] = []
        let bytes = Array(text.utf8)
        guard bytes.count >= 11 else { return [] }
        var i = 0
        while i + 11 <= bytes.count {
            if bytes[i] == 0x4E, bytes[i + 1] == 0x43, bytes[i + 2] == 0x54,
                i == 0 || !ASCIIByte.isLetter(bytes[i - 1]) && !ASCIIByte.isDigit(bytes[i - 1]),
                bytes[(i + 3)..<(i + 11)].allSatisfy(ASCIIByte.isDigit),
                i + 11 == bytes.count || !ASCIIByte.isDigit(bytes[i + 11])
            {
                let id = String(decoding: bytes[i..<(i + 11)], as: UTF8.self)
                if !ids.contains(id) { ids.append(id) }
                i += 11
            } else {
                i += 1
            }
        }
        return ids
    }

    /// The words of a line with their byte offsets (split on spaces).
    static func words(_ line: String, limit: Int = .max) -> [(word: Substring, end: String.Index)] {
        var result: [(word: Substring, end: String.Index)] = []
        var bytes = line
        bytes.withUTF8 { bytes in
            // Offsets found on the bytes; a native string's UTF-8 index moves by an offset at once.
            let utf8 = line.utf8
            let base = utf8.startIndex
            let count = bytes.count
            var index = 0
            while index < count, result.count < limit {
                while index < count, bytes[index] == 0x20 { index &+= 1 }
                guard index < count else { break }
                let start = index
                while index < count, bytes[index] != 0x20 { index &+= 1 }
                let end = utf8.index(base, offsetBy: index)
                result.append((line[utf8.index(base, offsetBy: start)..<end], end))
            }
        }
        return result
    }

    /// Where each of the last `count` words of a line starts (words as ``words(_:limit:)`` splits them), first
    /// to last; read backwards from the end, so a long line's other words are not visited.
    static func lastWordStarts(_ line: String, count: Int) -> [String.Index] {
        var starts: [String.Index] = []
        var copy = line
        copy.withUTF8 { bytes in
            let utf8 = line.utf8
            var index = bytes.count
            while index > 0, starts.count < count {
                while index > 0, bytes[index - 1] == 0x20 { index -= 1 }
                guard index > 0 else { break }
                while index > 0, bytes[index - 1] != 0x20 { index -= 1 }
                starts.append(utf8.index(utf8.startIndex, offsetBy: index))
            }
        }
        return starts.reversed()
    }

    /// Whether `text` ends with `suffix`, ASCII letters compared without case.
    static func hasSuffixIgnoringCase(_ text: String, _ suffix: String) -> Bool {
        let t = text.utf8
        let s = suffix.utf8
        // The last bytes first: most texts end otherwise, and are rejected without walking a suffix.
        guard t.count >= s.count, let end = t.last, let suffixEnd = s.last,
            ASCIIByte.lowered(end) == ASCIIByte.lowered(suffixEnd)
        else { return false }
        return t.suffix(s.count).elementsEqual(s) { ASCIIByte.lowered($0) == ASCIIByte.lowered($1) }
    }

    /// The offset of the first occurrence of `needle` (lower-case ASCII) in `bytes`, ASCII letters compared
    /// without case, at or after `from`.
    static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int = 0) -> Int? {
        bytes.withUnsafeBufferPointer { find(needle, inBuffer: $0, from: from) }
    }

    /// Whether `line` holds `needle` (lower-case ASCII) at `from` or later, ignoring ASCII letter case; reads
    /// the string in place.
    static func contains(_ needle: [UInt8], in line: String, from: Int = 0) -> Bool {
        var line = line
        return line.withUTF8 { find(needle, inBuffer: $0, from: from) } != nil
    }

    private static func find(_ needle: [UInt8], inBuffer haystack: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count, let base = haystack.baseAddress else {
            return nil
        }
        return needle.withUnsafeBufferPointer { needle in
            let folds = ASCIIByte.isLower(first)
            let upperFirst = folds ? first - 32 : first
            let last = haystack.count - needle.count
            var i = max(from, 0)
            while i <= last {
                // A letter is looked for eight bytes at a time with case folded (`| 0x20` makes a byte equal to
                // a lower-case letter exactly when it is that letter in either case).
                if folds, i &+ 8 <= haystack.count {
                    let word = ByteWord(value: ByteWord(base, at: i).value | 0x2020_2020_2020_2020)
                    guard let offset = word.firstIndex(of: first) else {
                        i &+= 8
                        continue
                    }
                    i &+= offset
                    guard i <= last else { return nil }
                }
                let b = haystack[i]
                if b == first || b == upperFirst {
                    var j = 1
                    while j < needle.count, ASCIIByte.lowered(haystack[i + j]) == needle[j] { j += 1 }
                    if j == needle.count { return i }
                }
                i += 1
            }
            return nil
        }
    }

    /// The range of the first occurrence of `needle` in `text`, bytes compared exactly; reads both in place
    /// (the generic `firstRange(of:)` and `contains(_:)` of a string compare `Character` by `Character`).
    static func range(of needle: String, in text: String) -> Range<String.Index>? {
        var text = text
        var needle = needle
        let offset = text.withUTF8 { haystack in
            needle.withUTF8 { pattern -> Int? in
                guard let first = pattern.first, let base = haystack.baseAddress, haystack.count >= pattern.count
                else { return nil }
                var index = 0
                let last = haystack.count - pattern.count
                while index <= last {
                    if haystack[index] == first, memcmp(base + index, pattern.baseAddress!, pattern.count) == 0 {
                        return index
                    }
                    index += 1
                }
                return nil
            }
        }
        guard let offset else { return nil }
        let start = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
        return start..<text.utf8.index(start, offsetBy: needle.utf8.count)
    }

    /// Whether `text` holds `needle`, bytes compared exactly (see ``range(of:in:)``).
    static func holds(_ needle: String, in text: String) -> Bool { range(of: needle, in: text) != nil }

    /// Whether a line is a `Status | Clinical Trial | Phase`-style row: it has a pipe.
    static func hasPipe(_ line: String) -> Bool { contains(0x7C, in: line) }

    /// Whether `line` holds `byte`: read in place with `memchr` (the generic `contains` of a UTF-8 view walks
    /// it through an iterator).
    static func contains(_ byte: UInt8, in line: String) -> Bool {
        var line = line
        return line.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        }
    }

    /// The cells of a row separated by `|` or tabs, trimmed, empty edge cells dropped.
    static func cells(_ line: String) -> [String] {
        var cells: [String] = []
        var current: [UInt8] = []
        for b in line.utf8 {
            if b == 0x7C || b == 0x09 {
                cells.append(trimmed(String(decoding: current, as: UTF8.self)))
                current.removeAll(keepingCapacity: true)
            } else {
                current.append(b)
            }
        }
        cells.append(trimmed(String(decoding: current, as: UTF8.self)))
        while cells.first?.isEmpty == true { cells.removeFirst() }
        while cells.last?.isEmpty == true { cells.removeLast() }
        return cells
    }

    /// Whether the line ends a sentence: its last character is `.`, `!` or `?`, or `;`/`:`.
    static func endsClause(_ text: String) -> Bool {
        guard let last = text.utf8.last else { return false }
        return last == 0x2E || last == 0x21 || last == 0x3F || last == 0x3B || last == 0x3A
    }
}
