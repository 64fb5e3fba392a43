import TrialModel

/// Splits eligibility criteria into one entry per criterion.
///
/// Reads "Inclusion Criteria"/"Exclusion Criteria" headings (at a line's start or inline, before a colon),
/// list markers of every common style, numbered lists written inline on one line ("1. … ; 2. …"), and
/// wrapped lines (a line without a marker continues the item above, joined with a space). Markers of a
/// second style inside a list are sub-items and stay with their item.
enum CriteriaParser {
    enum Mode { case inclusion, exclusion }

    /// Adds the criteria in `lines` to `eligibility`: the raw text to `criteria`, the entries to `inclusion`
    /// and `exclusion`.
    static func add(lines: [String], to eligibility: inout Eligibility) {
        let raw = lines.map(TextValue.trimmed).filter { !$0.isEmpty }
        guard !raw.isEmpty else { return }
        let parsed = parse(lines: raw)
        guard !parsed.inclusion.isEmpty || !parsed.exclusion.isEmpty else { return }
        let text = raw.joined(separator: "\n")
        eligibility.criteria = eligibility.criteria.map { $0 + "\n" + text } ?? text
        eligibility.inclusion += parsed.inclusion
        eligibility.exclusion += parsed.exclusion
    }

    /// The inclusion and exclusion entries in `lines`; text before any heading counts as inclusion.
    static func parse(lines: [String]) -> (inclusion: [String], exclusion: [String]) {
        var reader = ListReader()
        var inclusion: [String] = []
        var exclusion: [String] = []
        var mode = Mode.inclusion
        func flush() {
            let items = reader.finish()
            if mode == .inclusion { inclusion += items } else { exclusion += items }
            reader = ListReader()
        }
        for line in lines.flatMap(splitAtInlineHeadings) {
            var content = line
            if let heading = heading(at: line) {
                flush()
                mode = heading.mode
                content = heading.rest
            }
            guard !content.isEmpty else { continue }
            reader.read(content)
        }
        flush()
        return (inclusion, exclusion)
    }

    /// Splits a line before an "Inclusion Criteria:"/"Exclusion Criteria:" that does not start it.
    static func splitAtInlineHeadings(_ line: String) -> [String] {
        guard line.utf8.count > 20, TextValue.contains(criteriaWord, in: line, from: 1) else { return [line] }
        let bytes = Array(line.utf8)
        var cuts: [Int] = []
        for phrase in headingPhrases {
            var from = 1
            while let i = TextValue.find(phrase, in: bytes, from: from) {
                from = i + phrase.count
                guard i > 0, bytes[i - 1] == 0x20 else { continue }
                var j = i + phrase.count
                while j < bytes.count, bytes[j] == 0x20 { j += 1 }
                guard j < bytes.count, bytes[j] == 0x3A else { continue }
                // Take in a qualifier written before the phrase ("Key Exclusion Criteria:").
                var start = i - 1
                while start > 0, ASCIIByte.isLetter(bytes[start - 1]) { start -= 1 }
                let word = String(decoding: bytes[start..<(i - 1)], as: UTF8.self).lowercased()
                cuts.append(qualifiers.contains(word) ? start : i)
            }
        }
        guard !cuts.isEmpty else { return [line] }
        var pieces: [String] = []
        var start = 0
        for cut in cuts.sorted() where cut > start {
            pieces.append(TextValue.trimmed(String(decoding: bytes[start..<cut], as: UTF8.self)))
            start = cut
        }
        pieces.append(TextValue.trimmed(String(decoding: bytes[start...], as: UTF8.self)))
        return pieces.filter { !$0.isEmpty }
    }

    /// The word both inline headings end with: a line without it has none.
    private static let criteriaWord = Array("criteria".utf8)
    /// What both heading words ("inclusion", "exclusion") hold: a line without it starts no heading.
    private static let headingStem = Array("clusion".utf8)
    private static let headingPhrases = [Array("inclusion criteria".utf8), Array("exclusion criteria".utf8)]

    private static let qualifiers: Set<String> = [
        "key", "main", "major", "general", "other", "specific", "additional", "principal",
        "selected",
    ]

    /// The heading a line starts with ("Inclusion Criteria:", "Key exclusion criteria", "Exclusion:")
    /// and the text after it.
    static func heading(at line: String) -> (mode: Mode, rest: String)? {
        guard let lead = line.utf8.first, "IiEeKkMmGgOoSsAaPp".utf8.contains(lead),
            TextValue.contains(headingStem, in: line)
        else { return nil }
        let words = TextValue.words(line, limit: 4)
        guard !words.isEmpty else { return nil }
        var index = 0
        while index < words.count - 1, qualifiers.contains(words[index].word.lowercased()) {
            index += 1
        }
        let first = words[index].word.lowercased()
        let stem = first.prefix(while: { $0.isLetter })
        let mode: Mode
        switch stem {
        case "inclusion", "inclusions": mode = .inclusion
        case "exclusion", "exclusions": mode = .exclusion
        default: return nil
        }
        var headingWord = words[index]
        if !first.contains(":"), index + 1 < words.count {
            let next = words[index + 1].word.lowercased()
            guard next.hasPrefix("criteri") || next == ":" else { return nil }
            headingWord = words[index + 1]
        }
        var end = headingWord.end
        if let colon = headingWord.word.firstIndex(of: ":") { end = line.index(after: colon) }
        var rest = String(line[end...])
        // A qualifier after the heading, up to a near colon ("Inclusion Criteria for Part A: …").
        if !headingWord.word.contains(":"), let colon = rest.firstIndex(of: ":"),
            rest.distance(from: rest.startIndex, to: colon) <= 40,
            ListMarker.at(start: TextValue.trimmed(rest)) == nil,
            !rest[..<colon].contains(where: { $0.isNumber })
        {
            rest = String(rest[rest.index(after: colon)...])
        }
        return (mode, TextValue.trimmed(rest.drop(while: { $0 == ":" || $0 == " " || $0 == "|" })))
    }
}

/// Reads one list (the lines under one heading) into items.
struct ListReader {
    private var items: [String] = []
    private var style: ListMarker.Style?
    private var lastOrdinal = 0
    private var unmarkedBeforeList = 0

    /// Reads one line of the list.
    mutating func read(_ line: String) {
        let own = ListMarker.at(start: line, listStyle: style)
        let pieces = splitInline(line, own: own)
        // A line left whole is read with the marker already found at its start.
        if pieces.count == 1, pieces[0] == line {
            readPiece(line, marker: own)
            return
        }
        for piece in pieces { readPiece(piece, marker: ListMarker.at(start: piece, listStyle: style)) }
    }

    private mutating func readPiece(_ piece: String, marker: ListMarker?) {
        if let marker {
            if style == nil {
                style = marker.style
                // Lines before the first marker that end with ":" introduce the list; they are not criteria.
                if unmarkedBeforeList > 0,
                    items.suffix(unmarkedBeforeList).allSatisfy({ $0.hasSuffix(":") })
                {
                    items.removeLast(unmarkedBeforeList)
                }
            }
            if marker.style == style {
                let ordinal = marker.ordinal ?? (lastOrdinal + 1)
                if marker.ordinal == nil || ordinal == 1 || ordinal >= lastOrdinal || items.isEmpty {
                    lastOrdinal = ordinal
                    items.append(TextValue.collapsed(marker.content(of: piece)))
                    return
                }
            }
            append(toLast: piece)
            return
        }
        if style != nil, !items.isEmpty {
            append(toLast: piece)
        } else if let last = items.last, !TextValue.endsClause(last), startsLowercase(piece) {
            append(toLast: piece)
        } else {
            items.append(TextValue.collapsed(piece))
            unmarkedBeforeList += 1
        }
    }

    /// Continues the last item with `text`. Items are kept collapsed, so only the new text is collapsed and
    /// appended in place (re-collapsing the whole item every line made a long item quadratic).
    private mutating func append(toLast text: String) {
        let addition = TextValue.collapsed(text)
        if items.isEmpty {
            items.append(addition)
        } else if items[items.count - 1].isEmpty {
            items[items.count - 1] = addition
        } else if !addition.isEmpty {
            items[items.count - 1] += " " + addition
        }
    }

    private func startsLowercase(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return false }
        return ASCIIByte.isLower(first)
    }

    /// The items read, without empty ones.
    mutating func finish() -> [String] { items.filter { !$0.isEmpty } }

    /// Splits a line holding several items: numbers in sequence ("1. … ; 2. …") or bullets ("• a • b");
    /// `own` is the marker the line starts with.
    private func splitInline(_ line: String, own: ListMarker?) -> [String] {
        let bytes = Array(line.utf8)
        var cuts: [Int] = []
        // Bullets written inline.
        var i = 1
        while i + 2 < bytes.count {
            if bytes[i] == 0xE2, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA2, bytes[i - 1] == 0x20 {
                cuts.append(i)
            }
            i += 1
        }
        // A dash or star list written inline ("- Adults - Admitted to ICU"): the same marker again before a
        // capital letter (not a digit: "2 - 4 mmol/L" is a range).
        if let own, own.style == .bullet, let first = bytes.first, first == 0x2D || first == 0x2A {
            var j = own.contentOffset
            while j + 2 < bytes.count {
                if bytes[j] == 0x20, bytes[j + 1] == first, bytes[j + 2] == 0x20, j + 3 < bytes.count,
                    ASCIIByte.isUpper(bytes[j + 3])
                {
                    cuts.append(j + 1)
                }
                j += 1
            }
        }
        // Numbers in sequence, each after the end of a clause.
        if own == nil || own?.style == .number {
            var expected = (own?.ordinal ?? lastOrdinal) + 1
            var position = own?.contentOffset ?? 0
            while let found = findNumber(expected, in: bytes, from: position) {
                cuts.append(found)
                position = found + 2
                expected += 1
            }
        }
        guard !cuts.isEmpty else { return [line] }
        var pieces: [String] = []
        var start = 0
        for cut in cuts.sorted() where cut > start {
            pieces.append(TextValue.trimmed(String(decoding: bytes[start..<cut], as: UTF8.self)))
            start = cut
        }
        pieces.append(TextValue.trimmed(String(decoding: bytes[start...], as: UTF8.self)))
        return pieces.filter { !$0.isEmpty }
    }

    /// The digits of the item numbers most lists reach.
    private static let smallNumbers = (0..<100).map { Array(String($0).utf8) }

    /// The offset of "`n`. " or "`n`) " after `from`, preceded by a space, and either after the end of a
    /// clause (`.`, `;`, `:`, `,`, `)`) or before a capital letter ("… progressed 5. Received …").
    private func findNumber(_ n: Int, in bytes: [UInt8], from: Int) -> Int? {
        let digits = n < Self.smallNumbers.count ? Self.smallNumbers[n] : Array(String(n).utf8)
        var i = max(from, 1)
        while i + digits.count + 1 < bytes.count {
            if bytes[i] == digits[0], bytes[i - 1] == 0x20,
                bytes[i..<(i + digits.count)].elementsEqual(digits)
            {
                let close = bytes[i + digits.count]
                let after = i + digits.count + 1
                if close == 0x2E || close == 0x29, after < bytes.count, bytes[after] == 0x20 {
                    var p = i - 1
                    while p >= 0, bytes[p] == 0x20 { p -= 1 }
                    var q = after
                    while q < bytes.count, bytes[q] == 0x20 { q += 1 }
                    let endsClause: Bool
                    switch p < 0 ? 0x2E : bytes[p] {
                    case 0x2E, 0x3B, 0x3A, 0x2C, 0x29, 0x5D: endsClause = true
                    default: endsClause = false
                    }
                    let startsItem = q < bytes.count && (ASCIIByte.isUpper(bytes[q]) || bytes[q] >= 0x80)
                    if endsClause || startsItem { return i }
                }
            }
            i += 1
        }
        return nil
    }
}
