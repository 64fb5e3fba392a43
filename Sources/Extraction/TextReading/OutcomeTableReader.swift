import TrialModel

/// Reads an outcome table printed as "Name | Time | Method": each row a measure with its time frame
/// (pipe-separated, on lines of their own, or glued: "Overall survival36 months") and the paragraph after
/// it as the description.
enum OutcomeTableReader {
    /// The outcomes and whether a glued measure/time-frame boundary was guessed.
    static func read(_ lines: [String]) -> (outcomes: [Outcome], guessed: Bool) {
        var body = Array(lines.drop(while: \.isEmpty))
        guard let first = body.first else { return ([], false) }
        var columns = 3
        var ownLines = false
        let headerLines = body.prefix(while: { isHeaderWord($0) })
        if headerLines.count >= 2 {
            columns = headerLines.count
            ownLines = true
            body.removeFirst(headerLines.count)
        } else if isHeader(first) {
            body.removeFirst()
        }
        if ownLines {
            let cells = body.filter { !$0.isEmpty }
            var outcomes: [Outcome] = []
            var index = 0
            while index < cells.count {
                let row = Array(cells[index..<min(cells.count, index + columns)])
                if let outcome = outcome(cells: row) { outcomes.append(outcome) }
                index += columns
            }
            return (outcomes, false)
        }
        var outcomes: [Outcome] = []
        var guessed = false
        var expectRow = true
        for block in blocks(body) {
            if block.allSatisfy(TextValue.hasPipe) {
                for line in block {
                    if let outcome = outcome(cells: TextValue.cells(line)) { outcomes.append(outcome) }
                }
                expectRow = false
                continue
            }
            let isRow = expectRow || looksLikeRow(block)
            if isRow {
                let split = TimeFrameSplit.split(block.joined(separator: " "))
                guard !split.measure.isEmpty else { continue }
                guessed = guessed || split.guessed
                outcomes.append(
                    Outcome(
                        measure: split.measure, timeFrame: split.timeFrame,
                        description: split.trailing.flatMap(TextValue.clean)))
                expectRow = false
            } else if !outcomes.isEmpty {
                if outcomes[outcomes.count - 1].description == nil {
                    outcomes[outcomes.count - 1].description = Paragraphs.join(block)
                }
                expectRow = true
            }
        }
        return (outcomes, guessed)
    }

    private static func outcome(cells: [String]) -> Outcome? {
        guard let measure = cells.first.flatMap(TextValue.clean) else { return nil }
        let timeFrame = cells.count > 1 ? TextValue.clean(cells[1]) : nil
        let description =
            cells.count > 2 ? TextValue.clean(cells[2...].joined(separator: " ")) : nil
        return Outcome(measure: measure, timeFrame: timeFrame, description: description)
    }

    /// Runs of lines separated by blank lines.
    private static func blocks(_ lines: [String]) -> [[String]] {
        var blocks: [[String]] = []
        var current: [String] = []
        for line in lines {
            if line.isEmpty {
                if !current.isEmpty { blocks.append(current) }
                current = []
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { blocks.append(current) }
        return blocks
    }

    /// Whether a block reads as a row rather than a description: one short line, not a sentence, with a
    /// time frame glued to the measure.
    private static func looksLikeRow(_ block: [String]) -> Bool {
        guard block.count == 1, let line = block.first, line.utf8.count <= 300, !line.hasSuffix(".")
        else {
            return false
        }
        let split = TimeFrameSplit.split(line)
        return split.timeFrame != nil && !split.guessed
    }

    private static func isHeader(_ line: String) -> Bool {
        let key = EnumNormalizer.key(line)
        if key == "NAMETIMEMETHOD" || key == "MEASURETIMEFRAMEDESCRIPTION" { return true }
        let names =
            TextValue.hasPipe(line)
            ? TextValue.cells(line) : TextValue.words(line).map { String($0.word) }
        return names.count >= 2 && names.allSatisfy(isHeaderWord)
    }

    private static func isHeaderWord(_ text: String) -> Bool {
        switch EnumNormalizer.key(text) {
        case "NAME", "MEASURE", "TIME", "TIME_FRAME", "TIMEFRAME", "METHOD", "DESCRIPTION",
            "OUTCOME_MEASURE":
            return true
        default:
            return false
        }
    }
}
