import TrialModel

/// Reads an outcome table whose rows print type, measure, description and time frame separated only by
/// spaces ("Primary ORR Defines the proportion … up to approximately 24 months"), a row possibly running
/// over several lines; pipe-separated rows are read cell by cell.
enum SpacedOutcomeRows {
    struct Result {
        var primary: [Outcome] = []
        var secondary: [Outcome] = []
        var guessed = false
    }

    private static let rowTypes: [String: Bool] = [
        "PRIMARY": true, "SECONDARY": false, "OTHER": false, "TERTIARY": false,
        "EXPLORATORY": false,
    ]

    /// The outcomes in the table's lines.
    static func read(_ lines: [String]) -> Result {
        var rows: [(primary: Bool, lines: [String])] = []
        var hasSafetyColumn = false
        for line in lines where !line.isEmpty {
            let key = EnumNormalizer.key(line)
            if key.hasPrefix("TYPE_MEASURE") {
                hasSafetyColumn = key.hasSuffix("SAFETY_ISSUE")
                continue
            }
            let words = TextValue.words(line, limit: 1)
            if let first = words.first, let isPrimary = rowTypes[EnumNormalizer.key(first.word)] {
                rows.append((isPrimary, [TextValue.strippingLeadingSeparators(line[first.end...])]))
            } else if !rows.isEmpty {
                rows[rows.count - 1].lines.append(line)
            }
        }
        var result = Result()
        for row in rows {
            let (outcome, guessed) = parse(row.lines, safetyColumn: hasSafetyColumn)
            guard let outcome else { continue }
            result.guessed = result.guessed || guessed
            if row.primary {
                result.primary.append(outcome)
            } else {
                result.secondary.append(outcome)
            }
        }
        return result
    }

    private static func parse(_ lines: [String], safetyColumn: Bool) -> (Outcome?, Bool) {
        guard let first = lines.first else { return (nil, false) }
        if TextValue.hasPipe(first) {
            let cells = TextValue.cells(lines.joined(separator: " "))
            guard let measure = cells.first.flatMap(TextValue.clean) else { return (nil, false) }
            return (
                Outcome(
                    measure: measure, timeFrame: cells.count > 2 ? TextValue.clean(cells[2]) : nil,
                    description: cells.count > 1 ? TextValue.clean(cells[1]) : nil), false
            )
        }
        var body = lines
        if safetyColumn { body[body.count - 1] = removingSafetyAnswer(body[body.count - 1]) }
        var timeFrame: String?
        if body.count > 1, let last = body.last, isTimeFrameLine(last) {
            timeFrame = last
            body.removeLast()
        }
        // The time frame ends the row: cut it first, then split the measure from the description.
        var text = body.joined(separator: " ")
        if timeFrame == nil {
            let split = splitTrailingTimeFrame(text)
            text = split.text
            timeFrame = split.timeFrame
        }
        let (measure, descriptionText) = splitMeasure(text)
        let descriptionParts = [descriptionText].compactMap { $0 }
        let description = TextValue.clean(descriptionParts.joined(separator: " "))
        guard let measure = TextValue.clean(measure) else { return (nil, true) }
        return (
            Outcome(
                measure: measure, timeFrame: timeFrame.flatMap(TextValue.clean),
                description: description), true
        )
    }

    private static let articles: Set<String> = ["A", "An", "The", "This", "These", "Each", "All", "Any"]

    private static let functionWords: Set<String> = [
        "of", "in", "with", "and", "or", "the", "a", "an", "to", "for", "at", "by", "on", "from",
        "vs", "versus",
        "per", "as", "into", "after", "before", "during", "within",
    ]

    /// The measure at the start of a row and the description after it: the description starts at the first
    /// capitalised word followed by a lower-case word ("ORR Defines the…", "… Events An adverse event…"),
    /// unless that would leave the measure ending in a function word.
    static func splitMeasure(_ text: String) -> (measure: String, description: String?) {
        let words = TextValue.words(text)
        guard words.count > 2 else { return (text, nil) }
        for k in 1..<(words.count - 1) {
            let word = words[k].word
            let next = words[k + 1].word
            guard let w0 = word.utf8.first, let n0 = next.utf8.first else { continue }
            guard ASCIIByte.isUpper(w0), ASCIIByte.isLower(n0) else { continue }
            // "… (TEAEs) A TEAE is …": a capitalised article before an upper-case word starts the sentence.
            var start = word.startIndex
            if k >= 2, articles.contains(String(words[k - 1].word)) {
                start = words[k - 1].word.startIndex
            } else if functionWords.contains(words[k - 1].word.lowercased()) {
                continue
            }
            return (TextValue.trimmed(text[..<start]), TextValue.trimmed(text[start...]))
        }
        return (text, nil)
    }

    /// A description's text and the time frame at its end ("… to death (for any reason); up to
    /// approximately 24 months"): the earliest place where a time word or a number with a unit starts a
    /// short tail that holds no sentence end.
    static func splitTrailingTimeFrame(_ text: String) -> (text: String, timeFrame: String?) {
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            if i == 0 || bytes[i - 1] == 0x20 || bytes[i - 1] == 0x28 {
                let startsFrame =
                    startsWithLowerUpTo(bytes, at: i)
                    || TimeFrameSplit.startsWithTimeWord(bytes, at: i)
                    || (ASCIIByte.isDigit(bytes[i])
                        && TimeFrameSplit.startsWithNumberAndUnit(bytes, at: i))
                if startsFrame, bytes.count - i <= 160, !hasSentenceEnd(bytes[i...]) {
                    var start = i
                    if start > 0, bytes[start - 1] == 0x28 { start -= 1 }
                    let head = String(decoding: bytes[0..<start], as: UTF8.self)
                    let frame = String(decoding: bytes[start...], as: UTF8.self)
                    return (TextValue.trimmed(head), TextValue.trimmed(frame))
                }
            }
            i += 1
        }
        return (text, nil)
    }

    private static func startsWithLowerUpTo(_ bytes: [UInt8], at i: Int) -> Bool {
        let phrase = Array("up to ".utf8)
        return i + phrase.count <= bytes.count
            && bytes[i..<(i + phrase.count)].elementsEqual(phrase)
    }

    private static func hasSentenceEnd(_ bytes: ArraySlice<UInt8>) -> Bool {
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for b in bytes {
            if ASCIIByte.isUpper(b) || ASCIIByte.isDigit(b), previous == 0x20, beforePrevious == 0x2E { return true }
            beforePrevious = previous
            previous = b
        }
        return false
    }

    /// Whether a line of its own is a time frame: short, and starting with a time word or a number.
    private static func isTimeFrameLine(_ line: String) -> Bool {
        let bytes = Array(line.utf8)
        guard bytes.count <= 250, !bytes.isEmpty else { return false }
        return startsWithLowerUpTo(bytes, at: 0) || TimeFrameSplit.startsWithTimeWord(bytes, at: 0)
            || ASCIIByte.isDigit(bytes[0])
    }

    private static func removingSafetyAnswer(_ line: String) -> String {
        for answer in [" Yes", " No"] where line.hasSuffix(answer) {
            return String(line.dropLast(answer.count))
        }
        return line
    }
}
