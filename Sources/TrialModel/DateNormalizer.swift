/// Reads the date spellings real pages use into `YYYY-MM-DD` or `YYYY-MM`.
///
/// Accepts "June 5, 2023", "Jun 5 2023", "5 June 2023", "05-Jun-2023", "March 2007", "March, 2007",
/// "2024-08-31", "2023-03", "2024/08/31" and US-style "08/31/2024". A bare year is not a date the record
/// can hold, so it gives nil.
public enum DateNormalizer {
    /// The ISO form of the date in `text`, or nil when it holds no recognisable date.
    ///
    /// Inlinable, and reading a `String`: the generic body, which callers in other modules could not
    /// specialize, reached every byte through protocol witnesses.
    @inlinable
    public static func isoDate(_ text: some StringProtocol) -> String? { isoDate(string: String(text)) }

    /// ``isoDate(_:)`` of a `String`.
    @usableFromInline
    static func isoDate(string text: String) -> String? {
        var numbers: [(value: Int, digits: Int)] = []
        var month: Int?
        var word = ""
        var digits = ""
        func flushWord() {
            if !word.isEmpty, month == nil, let m = monthNumber(word) { month = m }
            word = ""
        }
        func flushDigits() {
            if !digits.isEmpty, let v = Int(digits) { numbers.append((v, digits.count)) }
            digits = ""
        }
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII text (nearly every date): each byte is a character, classified without Unicode tables.
            for byte in text.utf8 {
                if (byte | 0x20) >= UInt8(ascii: "a"), (byte | 0x20) <= UInt8(ascii: "z") {
                    flushDigits()
                    word.unicodeScalars.append(Unicode.Scalar(byte))
                } else if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                    flushWord()
                    digits.unicodeScalars.append(Unicode.Scalar(byte))
                } else {
                    flushWord()
                    flushDigits()
                }
            }
        } else {
            for char in text {
                if char.isASCII, char.isLetter {
                    flushDigits()
                    word.append(char)
                } else if char.isASCII, char.isNumber {
                    flushWord()
                    digits.append(char)
                } else {
                    flushWord()
                    flushDigits()
                }
            }
        }
        flushWord()
        flushDigits()

        if let month {
            guard let year = numbers.first(where: { $0.digits == 4 })?.value else { return nil }
            let day = numbers.first(where: { $0.digits <= 2 && $0.value >= 1 && $0.value <= 31 })?.value
            return format(year: year, month: month, day: day)
        }
        guard let first = numbers.first else { return nil }
        if first.digits == 4 {
            // ISO order: year, month, day.
            guard numbers.count >= 2, (1...12).contains(numbers[1].value) else { return nil }
            let day = numbers.count >= 3 ? numbers[2].value : nil
            return format(year: first.value, month: numbers[1].value, day: day)
        }
        if numbers.count == 3, numbers[2].digits == 4 {
            // US order: month, day, year; a first number over 12 can only be a day.
            var (m, d) = (numbers[0].value, numbers[1].value)
            if m > 12, d <= 12 { swap(&m, &d) }
            return format(year: numbers[2].value, month: m, day: d)
        }
        if numbers.count == 2, numbers[1].digits == 4, (1...12).contains(first.value) {
            return format(year: numbers[1].value, month: first.value, day: nil)
        }
        return nil
    }

    private static func format(year: Int, month: Int, day: Int?) -> String? {
        guard (1000...9999).contains(year), (1...12).contains(month) else { return nil }
        let y = String(year)
        let m = month < 10 ? "0\(month)" : String(month)
        guard let day else { return "\(y)-\(m)" }
        guard (1...daysIn(month: month, year: year)).contains(day) else { return nil }
        return "\(y)-\(m)-" + (day < 10 ? "0\(day)" : String(day))
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The month number of an English month name or its abbreviation ("Sept", "sep", "September").
    static func monthNumber(_ word: String) -> Int? {
        let w = word.lowercased()
        guard w.count >= 3 else { return nil }
        let names = [
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december",
        ]
        for (index, name) in names.enumerated() where name.hasPrefix(w) || (w == "sept" && index == 8) {
            return index + 1
        }
        return nil
    }
}
