/// Levenshtein distance between two short byte strings, computed only up to a bound.
enum BoundedEditDistance {
    /// The number of single-byte insertions, deletions and substitutions that turn `source` into
    /// `target`, or nil when it exceeds `bound`. Gives up as soon as a whole row exceeds the bound.
    static func distance(_ source: [UInt8], _ target: [UInt8], bound: Int) -> Int? {
        guard abs(source.count - target.count) <= bound else { return nil }
        var previous = Array(0...target.count)
        var current = previous
        for row in 1...max(source.count, 1) where !source.isEmpty {
            current[0] = row
            var rowMinimum = row
            for column in 1...max(target.count, 1) where !target.isEmpty {
                let substitution = previous[column - 1] + (source[row - 1] == target[column - 1] ? 0 : 1)
                let value = min(substitution, previous[column] + 1, current[column - 1] + 1)
                current[column] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > bound { return nil }
            swap(&previous, &current)
        }
        let result = source.isEmpty ? target.count : previous[target.count]
        return result <= bound ? result : nil
    }
}
