/// The marker that starts a list item: a bullet (•, -, *, ·, ▪, …), a number ("1.", "1)", "(1)", "[1]"),
/// a letter ("a.", "b)", "(c)") or a Roman numeral ("ii.", "(iv)").
struct ListMarker: Equatable {
    enum Style: Equatable {
        case bullet, number, lowerLetter, upperLetter, roman
    }

    var style: Style
    /// The item's position for numbered, lettered and Roman markers; nil for bullets.
    var ordinal: Int?
    /// The UTF-8 offset where the item's text starts (after the marker and its spaces).
    var contentOffset: Int

    private static let bulletScalars: Set<Unicode.Scalar> = [
        "•", "·", "▪", "◦", "‣", "●", "○", "■", "□", "➢", "►", "▸", "✓", "✔", "–", "—", "⁃", "∙",
        "➤", "→",
    ]
    private static let romans = [
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii",
    ]

    /// The marker at the start of `text`, or nil. `after` is the style of the list being read, used to
    /// tell the Roman numeral "i." from the letter "i.".
    static func at(start text: String, listStyle: Style? = nil) -> ListMarker? {
        let bytes = Array(text.utf8)
        guard let first = bytes.first else { return nil }
        if first == 0x2D || first == 0x2A || first == 0x2B {  // - * +
            guard bytes.count >= 2, bytes[1] == 0x20 else { return nil }
            return ListMarker(
                style: .bullet, ordinal: nil, contentOffset: skipSpaces(bytes, from: 1))
        }
        if first >= 0x80, let scalar = text.unicodeScalars.first, bulletScalars.contains(scalar) {
            return ListMarker(
                style: .bullet, ordinal: nil,
                contentOffset: skipSpaces(bytes, from: scalar.utf8.count))
        }
        var i = 0
        var opened = false
        if first == 0x28 || first == 0x5B {  // ( [
            opened = true
            i = 1
        }
        let tokenStart = i
        while i < bytes.count, ASCIIByte.isLetter(bytes[i]) || ASCIIByte.isDigit(bytes[i]),
            i - tokenStart < 4
        {
            i += 1
        }
        guard i > tokenStart, i < bytes.count + (opened ? 0 : 1) else { return nil }
        let token = String(decoding: bytes[tokenStart..<i], as: UTF8.self)
        // The closing punctuation: ")" or "]" after an opening one, else "." or ")".
        guard i < bytes.count else { return nil }
        let close = bytes[i]
        if opened {
            guard close == 0x29 || close == 0x5D else { return nil }
        } else {
            guard close == 0x2E || close == 0x29 else { return nil }
            // "1.5 mg" is a number, not a marker.
            if i + 1 < bytes.count, ASCIIByte.isDigit(bytes[i + 1]) { return nil }
        }
        let afterClose = i + 1
        // A letter or numeral marker must be followed by a space (or the end); a number may be glued
        // ("1.Primary tumour").
        let isDigits = token.utf8.allSatisfy(ASCIIByte.isDigit)
        if !isDigits, afterClose < bytes.count, bytes[afterClose] != 0x20 { return nil }
        let content = skipSpaces(bytes, from: afterClose)
        if isDigits {
            guard token.utf8.count <= 3, let n = Int(token), n > 0 else { return nil }
            return ListMarker(style: .number, ordinal: n, contentOffset: content)
        }
        let lower = token.lowercased()
        if token.utf8.count == 1 {
            let b = token.utf8.first!
            let isRomanStart =
                (lower == "i" && listStyle != .lowerLetter && listStyle != .upperLetter)
                || ((lower == "v" || lower == "x") && listStyle == .roman)
            if isRomanStart, let n = romans.firstIndex(of: lower) {
                return ListMarker(style: .roman, ordinal: n + 1, contentOffset: content)
            }
            let ordinal = Int(ASCIIByte.lowered(b)) - 0x60
            return ListMarker(
                style: ASCIIByte.isUpper(b) ? .upperLetter : .lowerLetter, ordinal: ordinal,
                contentOffset: content)
        }
        if let n = romans.firstIndex(of: lower), token == lower || token == token.uppercased() {
            return ListMarker(style: .roman, ordinal: n + 1, contentOffset: content)
        }
        return nil
    }

    private static func skipSpaces(_ bytes: [UInt8], from start: Int) -> Int {
        var i = start
        while i < bytes.count, bytes[i] == 0x20 { i += 1 }
        return i
    }

    /// The text after the marker.
    func content(of text: String) -> String {
        let bytes = Array(text.utf8)
        return String(decoding: bytes[min(contentOffset, bytes.count)...], as: UTF8.self)
    }
}
