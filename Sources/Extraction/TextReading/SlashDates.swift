/// Dates written with slashes ("4/04/2019", "06/05/2016") in the order the page uses. A page that writes
/// any such date with a first number over 12, or an unpadded day before a zero-padded month ("8/04/2025"),
/// writes them day first; a page with a second number over 12 writes them month first.
enum SlashDates {
    /// Whether the page's slash dates put the day first.
    static func dayFirst(in lines: [String]) -> Bool {
        var dayFirstVotes = 0
        var monthFirstVotes = 0
        for line in lines where TextValue.contains(UInt8(ascii: "/"), in: line) {
            for date in dates(in: Array(line.utf8)) {
                if date.first > 12 {
                    dayFirstVotes += 1
                } else if date.second > 12 {
                    monthFirstVotes += 1
                } else if date.firstDigits == 1, date.secondDigits == 2, date.second < 10 {
                    dayFirstVotes += 1
                }
            }
        }
        return dayFirstVotes > 0 && monthFirstVotes == 0
    }

    /// The value with its first slash date written as `YYYY-MM-DD` when the page puts the day first;
    /// otherwise the value as it is.
    static func iso(_ value: String, dayFirst: Bool) -> String {
        guard dayFirst, let date = dates(in: Array(value.utf8)).first, date.first <= 31, date.second <= 12
        else { return value }
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(date.year)-\(pad(date.second))-\(pad(date.first))"
    }

    private struct SlashDate {
        var first: Int
        var firstDigits: Int
        var second: Int
        var secondDigits: Int
        var year: Int
    }

    /// Every `n/n/yyyy` in the bytes.
    private static func dates(in bytes: [UInt8]) -> [SlashDate] {
        var found: [SlashDate] = []
        var index = 0
        func number(at start: Int, maxDigits: Int) -> (value: Int, digits: Int)? {
            var end = start
            var value = 0
            while end < bytes.count, end - start < maxDigits, ASCIIByte.isDigit(bytes[end]) {
                value = value * 10 + Int(bytes[end] - 0x30)
                end += 1
            }
            return end > start ? (value, end - start) : nil
        }
        while index < bytes.count {
            let startsNumber = ASCIIByte.isDigit(bytes[index]) && (index == 0 || !ASCIIByte.isDigit(bytes[index - 1]))
            if startsNumber, let first = number(at: index, maxDigits: 2),
                index + first.digits < bytes.count, bytes[index + first.digits] == UInt8(ascii: "/"),
                let second = number(at: index + first.digits + 1, maxDigits: 2)
            {
                let yearStart = index + first.digits + 1 + second.digits
                if yearStart < bytes.count, bytes[yearStart] == UInt8(ascii: "/"),
                    let year = number(at: yearStart + 1, maxDigits: 4), year.digits == 4,
                    first.value >= 1, second.value >= 1
                {
                    found.append(
                        SlashDate(
                            first: first.value, firstDigits: first.digits, second: second.value,
                            secondDigits: second.digits, year: year.value))
                    index = yearStart + 5
                    continue
                }
            }
            index += 1
        }
        return found
    }
}
