/// The other ways a development code or hyphenated name is commonly written (`MK-3475`, `MK3475`,
/// `MK 3475`; `nab-paclitaxel`, `nab paclitaxel`).
///
/// A junction is a hyphen, or a change between letters and digits with nothing between them. At a junction
/// whose two sides are each at least two characters long, the variants use a hyphen, a space or nothing.
/// Short sides are left alone, so `5-FU`, `S-1`, `T-DM1` and `R-CHOP` keep their only spelling. Spellings
/// with more than two such junctions get no variants.
enum SpellingVariants {
    /// The folded variants of a folded spelling, excluding the spelling itself.
    static func variants(of folded: [UInt8]) -> [[UInt8]] {
        let pieces = split(folded)
        guard pieces.count > 1 else { return [] }
        var eligible: [Int] = []
        for junction in 0..<(pieces.count - 1)
        where pieces[junction].text.count >= 2 && pieces[junction + 1].text.count >= 2 {
            eligible.append(junction)
        }
        guard !eligible.isEmpty, eligible.count <= 2 else { return [] }
        let separators: [[UInt8]] = [[UInt8(ascii: "-")], [UInt8(ascii: " ")], []]
        var results: [[UInt8]] = []
        var choice = [Int](repeating: 0, count: eligible.count)
        repeat {
            var out: [UInt8] = pieces[0].text
            for junction in 0..<(pieces.count - 1) {
                if let slot = eligible.firstIndex(of: junction) {
                    out += separators[choice[slot]]
                } else {
                    out += pieces[junction].separator
                }
                out += pieces[junction + 1].text
            }
            if out != folded, !results.contains(out) { results.append(out) }
        } while advance(&choice, radix: separators.count)
        return results
    }

    private struct Piece {
        var text: [UInt8]
        /// What follows this piece in the original (a hyphen or nothing).
        var separator: [UInt8]
    }

    /// Splits at hyphens and at letter/digit changes; returns a single piece when anything other than
    /// ASCII letters, digits and hyphens occurs.
    private static func split(_ folded: [UInt8]) -> [Piece] {
        guard folded.allSatisfy({ MatchText.isASCIIWordByte($0) || $0 == UInt8(ascii: "-") }) else {
            return [Piece(text: folded, separator: [])]
        }
        var pieces: [Piece] = []
        var current: [UInt8] = []
        for byte in folded {
            if byte == UInt8(ascii: "-") {
                guard !current.isEmpty else { return [Piece(text: folded, separator: [])] }
                pieces.append(Piece(text: current, separator: [byte]))
                current = []
                continue
            }
            if let last = current.last, MatchText.isASCIILetter(last) != MatchText.isASCIILetter(byte) {
                pieces.append(Piece(text: current, separator: []))
                current = []
            }
            current.append(byte)
        }
        guard !current.isEmpty else { return [Piece(text: folded, separator: [])] }
        pieces.append(Piece(text: current, separator: []))
        return pieces
    }

    /// Counts `digits` up in base `radix`; false after the last combination.
    private static func advance(_ digits: inout [Int], radix: Int) -> Bool {
        for position in digits.indices {
            digits[position] += 1
            if digits[position] < radix { return true }
            digits[position] = 0
        }
        return false
    }
}
