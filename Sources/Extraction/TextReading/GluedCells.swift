/// Splits table rows whose cells the copy glued together ("ThalidomideThalidomide Combined With…The
/// study is…") at case transitions with no space between them.
enum GluedCells {
    /// Offsets where a glued cell may start: an upper-case letter after a lower-case one ("eT"), the last
    /// letter of an upper-case run when a lower-case letter follows ("TACEThal…" at the second "T"), or an
    /// upper-case letter followed by a lower-case one right after `)`, `]` or a digit. A word that starts
    /// with one or two lower-case letters before capitals ("mFOLFOX6", "pCR", "mRNA") is not cut.
    static func boundaries(_ bytes: some Collection<UInt8>) -> [Int] {
        let b = Array(bytes)
        guard b.count >= 2 else { return [] }
        var result: [Int] = []
        for i in 1..<b.count where ASCIIByte.isUpper(b[i]) {
            let prev = b[i - 1]
            let nextIsLower = i + 1 < b.count && ASCIIByte.isLower(b[i + 1])
            if ASCIIByte.isLower(prev) {
                if !nextIsLower, startsWordWithShortLowerPrefix(b, before: i) { continue }
                result.append(i)
            } else if nextIsLower,
                ASCIIByte.isUpper(prev) || ASCIIByte.isDigit(prev) || prev == 0x29 || prev == 0x5D
            {
                result.append(i)
            }
        }
        return result
    }

    /// Whether the letters before `i` are one or two lower-case letters that start a word.
    private static func startsWordWithShortLowerPrefix(_ b: [UInt8], before i: Int) -> Bool {
        var start = i
        while start > 0, ASCIIByte.isLower(b[start - 1]) { start -= 1 }
        guard i - start <= 2 else { return false }
        return start == 0 || b[start - 1] == 0x20 || b[start - 1] == 0x28 || b[start - 1] == 0x2F
    }

    /// Splits a row into `columns` cells, the last keeping the remainder.
    ///
    /// Pipes or tabs are taken as they are. Otherwise the row is cut at case transitions: when there are
    /// exactly enough, the split is sure; when not, cell texts already seen in other rows (`known[column]`)
    /// are tried as prefixes first, then the first transitions, and the split is reported as guessed. A row
    /// ending in a glued "-" has "-" as its last cell (an empty description).
    static func split(_ row: String, columns: Int, known: [[String]] = []) -> (
        cells: [String], guessed: Bool
    ) {
        guard columns > 1 else { return ([row], false) }
        if TextValue.hasPipe(row) || TextValue.contains(0x09, in: row) {
            var cells = TextValue.cells(row)
            if cells.count > columns {
                let tail = cells[(columns - 1)...].joined(separator: " | ")
                cells = Array(cells[..<(columns - 1)]) + [tail]
            }
            return (cells, false)
        }
        var bytes = Array(row.utf8)
        var trailingDash = false
        if bytes.count >= 2, bytes.last == 0x2D, bytes[bytes.count - 2] != 0x20,
            bytes[bytes.count - 2] != 0x2D
        {
            trailingDash = true
            bytes.removeLast()
        }
        let wanted = columns - (trailingDash ? 1 : 0)
        var cells: [String] = []
        var guessed = false
        let cuts = boundaries(bytes)
        if cuts.count == wanted - 1 || (wanted == 1) {
            var start = 0
            for cut in cuts.prefix(wanted - 1) {
                cells.append(String(decoding: bytes[start..<cut], as: UTF8.self))
                start = cut
            }
            cells.append(String(decoding: bytes[start...], as: UTF8.self))
        } else {
            guessed = true
            var start = 0
            for column in 0..<(wanted - 1) {
                let rest = Array(bytes[start...])
                var cut: Int?
                if column < known.count {
                    for candidate in known[column].sorted(by: { $0.utf8.count > $1.utf8.count }) {
                        let c = Array(candidate.utf8)
                        guard c.count < rest.count, rest.starts(with: c) else { continue }
                        let next = rest[c.count]
                        if !ASCIIByte.isLower(next), next != 0x20 {
                            cut = c.count
                            break
                        }
                    }
                }
                if cut == nil { cut = boundaries(rest).first }
                guard let cut else { break }
                cells.append(String(decoding: rest[0..<cut], as: UTF8.self))
                start += cut
            }
            cells.append(String(decoding: bytes[start...], as: UTF8.self))
        }
        if trailingDash { cells.append("-") }
        return (cells.map(TextValue.trimmed), guessed)
    }
}
