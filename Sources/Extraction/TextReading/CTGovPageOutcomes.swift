import TrialModel

/// Reads an "Outcome Measure | Measure Description | Time Frame" table of a copied ClinicalTrials.gov
/// study page, a cell per line: each row is its measure, the description's lines, and the time frame.
enum CTGovPageOutcomes {
    private static let headerKeys: Set<String> = [
        "OUTCOME_MEASURE", "OUTCOME_MEASURES", "MEASURE_DESCRIPTION", "TIME_FRAME",
        "OUTCOME_MEASURE_MEASURE_DESCRIPTION_TIME_FRAME",
    ]

    /// The outcomes in `lines` (the lines under an outcome-measures heading).
    static func read(_ lines: [String]) -> [Outcome] {
        var outcomes: [Outcome] = []
        var row: [String] = []
        for raw in lines {
            let line = TextValue.trimmed(raw)
            guard !line.isEmpty, !headerKeys.contains(EnumNormalizer.key(line)) else { continue }
            if !row.isEmpty, isTimeFrame(line) {
                let description = row.dropFirst().joined(separator: " ")
                outcomes.append(
                    Outcome(
                        measure: row[0], timeFrame: line,
                        description: description.isEmpty ? nil : description))
                row = []
            } else if row.isEmpty, CTGovPageLayout.isExplanation(line) {
                continue
            } else {
                row.append(line)
            }
        }
        if let measure = row.first {
            outcomes.append(Outcome(measure: measure))
        }
        return outcomes
    }

    /// A time frame cell: short, not a sentence, and it opens with a time word or a duration.
    private static func isTimeFrame(_ line: String) -> Bool {
        let bytes = Array(line.utf8)
        guard bytes.count <= 120, bytes.last != 0x2E else { return false }
        return TimeFrameSplit.startsWithTimeWord(bytes, at: 0)
            || TimeFrameSplit.startsWithNumberAndUnit(bytes, at: 0)
    }
}
