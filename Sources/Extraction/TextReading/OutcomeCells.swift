import TrialModel

/// An outcome table copied one cell per line under its heading ("Primary Outcome", then "Measure", "Time
/// Frame", then each row's cells), its columns named by the vocabulary's column names.
enum OutcomeCells {
    /// Which outcomes a table lists.
    enum Kind { case primary, secondary }

    /// The kind of outcomes a heading line names, or nil when the line is not such a heading.
    static func heading(_ line: String) -> Kind? {
        guard line.utf8.count <= 60 else { return nil }
        switch EnumNormalizer.key(line) {
        case "PRIMARY_OUTCOME", "PRIMARY_OUTCOMES", "PRIMARY_OUTCOME_MEASURE", "PRIMARY_OUTCOME_MEASURES":
            return .primary
        case "SECONDARY_OUTCOME", "SECONDARY_OUTCOMES", "SECONDARY_OUTCOME_MEASURE", "SECONDARY_OUTCOME_MEASURES":
            return .secondary
        default:
            return nil
        }
    }

    /// The outcomes of the table that starts at `index` (just after its heading): a header of two or more
    /// column names, then rows of as many cells, up to a blank line, a label or a line that ends the table.
    /// `index` moves past what was read; nothing is read when no header follows.
    static func read(_ lines: [String], from index: inout Int) -> [Outcome] {
        var position = index
        while position < lines.count, lines[position].isEmpty { position += 1 }
        var columns: [String] = []
        while position < lines.count, let column = LabelVocabulary.shipped.column(lines[position]),
            lines[position].utf8.count <= 40
        {
            columns.append(column)
            position += 1
        }
        guard columns.count >= 2, columns.contains("measure") else { return [] }
        var outcomes: [Outcome] = []
        while position + columns.count <= lines.count {
            let cells = Array(lines[position..<(position + columns.count)])
            if cells.contains(where: \.isEmpty) || cells.contains(where: { OutcomeCells.heading($0) != nil }) { break }
            var measure: String?
            var outcome = Outcome(measure: "")
            for (column, cell) in zip(columns, cells) {
                switch column {
                case "measure": measure = TextValue.clean(cell)
                case "timeFrame": outcome.timeFrame = TextValue.clean(cell)
                case "description": outcome.description = TextValue.clean(cell)
                default: break
                }
            }
            guard let measure else { break }
            outcome.measure = measure
            outcomes.append(outcome)
            position += columns.count
        }
        index = position
        return outcomes
    }
}
