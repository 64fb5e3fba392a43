/// Splits an outcome's glued "measure + time frame" cell ("Overall survival36 months",
/// "progression-free survival (PFS)Randomization to …") where the time frame starts.
enum TimeFrameSplit {
    struct Result: Equatable {
        var measure: String
        var timeFrame: String?
        /// Text glued after the time frame (a description copied into the same line), if any.
        var trailing: String?
        /// Whether the boundary was a guess (no time word or number with a unit where the cut was made).
        var guessed: Bool
    }

    /// Capitalised words that start a time frame.
    static let timeWords: [String] = [
        "Up to", "Up To", "Through", "Until", "Within", "From", "At", "After", "Before", "During",
        "Baseline",
        "Randomization", "Randomisation", "Day", "Week", "Month", "Year", "Hour", "Minute", "Cycle",
        "Visit", "End",
        "Approximately", "Screening", "Pre-", "Post-", "Each", "Every", "Over", "Enrollment",
        "Enrolment",
        "Time of", "Date of", "Study", "Treatment", "Start of", "First", "Assessed", "Measured",
    ]

    /// Unit words that follow a number in a time frame.
    static let units: [String] = [
        "day", "week", "month", "year", "hour", "minute", "min", "hr", "h", "d", "wk", "mo",
        "cycle", "visit",
        "yr", "second", "sec",
    ]

    /// The measure, the time frame and any trailing text of a glued cell.
    static func split(_ text: String) -> Result {
        let bytes = Array(text.utf8)
        var best: (offset: Int, score: Int)?
        for i in 1..<max(bytes.count, 1) {
            let prev = bytes[i - 1]
            let cur = bytes[i]
            guard prev != 0x20 else { continue }
            var score = 0
            if ASCIIByte.isDigit(cur), ASCIIByte.isLower(prev) || prev == 0x29 || prev == 0x5D {
                score = startsWithNumberAndUnit(bytes, at: i) ? 3 : 2
            } else if ASCIIByte.isDigit(cur), ASCIIByte.isUpper(prev) {
                // "ORR24 weeks": after an acronym only a number with a time unit starts a time frame.
                score = startsWithNumberAndUnit(bytes, at: i) ? 3 : 0
            } else if cur == 0x75, startsWithUpTo(bytes, at: i) {
                // "(ORR)up to 24 weeks", "survivalup to 5 years".
                score = prev == 0x29 || prev == 0x5D ? 3 : (ASCIIByte.isLetter(prev) ? 2 : 0)
            } else if ASCIIByte.isUpper(cur) {
                let nextIsLower = i + 1 < bytes.count && ASCIIByte.isLower(bytes[i + 1])
                let glued =
                    ASCIIByte.isLower(prev)
                    || (nextIsLower
                        && (ASCIIByte.isUpper(prev) || ASCIIByte.isDigit(prev) || prev == 0x29
                            || prev == 0x5D))
                guard glued else { continue }
                score = startsWithTimeWord(bytes, at: i) ? 3 : 1
            }
            if score > 0, best == nil || score > best!.score { best = (i, score) }
            if score == 3 { break }
        }
        guard let best else {
            return Result(measure: TextValue.trimmed(text), timeFrame: nil, guessed: false)
        }
        var measure = String(decoding: bytes[0..<best.offset], as: UTF8.self)
        var timeFrame = String(decoding: bytes[best.offset...], as: UTF8.self)
        measure = removingEcho(of: timeFrame, from: measure)
        timeFrame = TextValue.trimmed(timeFrame)
        if timeFrame.hasSuffix("]"), !timeFrame.contains("[") {
            timeFrame = TextValue.trimmed(timeFrame.dropLast(1))
        }
        var trailing: String?
        let tfBytes = Array(timeFrame.utf8)
        if let cut = GluedCells.boundaries(tfBytes).first(where: {
            ASCIIByte.isLower(tfBytes[$0 - 1])
        }),
            cut + 1 < tfBytes.count, ASCIIByte.isLower(tfBytes[cut + 1])
        {
            trailing = TextValue.trimmed(String(decoding: tfBytes[cut...], as: UTF8.self))
            timeFrame = TextValue.trimmed(String(decoding: tfBytes[0..<cut], as: UTF8.self))
        }
        return Result(
            measure: TextValue.trimmed(measure), timeFrame: timeFrame.isEmpty ? nil : timeFrame,
            trailing: trailing,
            guessed: best.score < 3)
    }

    /// The measure without a glued echo of the time frame's first word ("Quality of life (QOL)Up" before
    /// "Up to end of study" → "Quality of life (QOL)").
    private static func removingEcho(of timeFrame: String, from measure: String) -> String {
        let m = Array(measure.utf8)
        var start = m.count
        while start > 0, ASCIIByte.isLetter(m[start - 1]) { start -= 1 }
        guard start > 0, start < m.count, m[start - 1] != 0x20, ASCIIByte.isUpper(m[start]) else {
            return measure
        }
        let echo = m[start...]
        let t = Array(timeFrame.utf8)
        guard t.count > echo.count, t.starts(with: echo), !ASCIIByte.isLetter(t[echo.count]) else {
            return measure
        }
        return String(decoding: m[0..<start], as: UTF8.self)
    }

    /// Whether a capitalised time word starts at `i` ("Up to", "Baseline", "Weeks").
    private static let timeWordBytes = timeWords.map { Array($0.utf8) }

    static func startsWithTimeWord(_ bytes: [UInt8], at i: Int) -> Bool {
        guard i < bytes.count, ASCIIByte.isUpper(bytes[i]) else { return false }
        for w in timeWordBytes {
            guard w[0] == bytes[i], i + w.count <= bytes.count, bytes[i..<(i + w.count)].elementsEqual(w) else {
                continue
            }
            let end = i + w.count
            if w.last == 0x2D || end == bytes.count { return true }
            let next = bytes[end]
            if !ASCIIByte.isLetter(next)
                || (next == 0x73 && (end + 1 == bytes.count || !ASCIIByte.isLetter(bytes[end + 1])))
            {
                return true
            }
        }
        return false
    }

    /// Whether "up to " starts at `i`.
    private static func startsWithUpTo(_ bytes: [UInt8], at i: Int) -> Bool {
        let phrase: [UInt8] = [0x75, 0x70, 0x20, 0x74, 0x6F, 0x20]
        return i + phrase.count <= bytes.count && bytes[i..<(i + phrase.count)].elementsEqual(phrase)
    }

    /// Whether a number followed by a time unit ("36 months", "12wks") starts at `i`.
    static func startsWithNumberAndUnit(_ bytes: [UInt8], at i: Int) -> Bool {
        var j = i
        while j < bytes.count, ASCIIByte.isDigit(bytes[j]) || bytes[j] == 0x2E || bytes[j] == 0x2D {
            j += 1
        }
        while j < bytes.count, bytes[j] == 0x20 { j += 1 }
        var k = j
        while k < bytes.count, ASCIIByte.isLetter(bytes[k]) { k += 1 }
        let word = String(decoding: bytes[j..<k], as: UTF8.self).lowercased()
        guard !word.isEmpty else { return false }
        return units.contains { word == $0 || word == $0 + "s" }
    }
}
