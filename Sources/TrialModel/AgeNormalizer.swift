/// Reads age limits into the record's `"18 Years"` form.
///
/// Accepts "18 Years", "18 years and older", "18 Years to 75 Years", "18-75 years", "up to 75 years",
/// "6 Months", "Child, Adult, Older Adult" (no number: nil) and "N/A".
public enum AgeNormalizer {
    /// A single age ("18 years", "65 Years", "6 months") in `"18 Years"` form.
    public static func age(_ text: some StringProtocol) -> String? {
        let parts = numbersWithUnits(String(text))
        guard let first = parts.first else { return nil }
        return format(first.value, unit: first.unit ?? "Years")
    }

    /// Minimum and maximum ages from a phrase that may state either or both.
    @inlinable
    public static func range(_ text: some StringProtocol) -> (minimum: String?, maximum: String?) {
        range(lowercased: text.lowercased())
    }

    /// ``range(_:)`` of a text already in lower case.
    @usableFromInline
    static func range(lowercased lower: String) -> (minimum: String?, maximum: String?) {
        let parts = numbersWithUnits(lower)
        guard !parts.isEmpty else { return (nil, nil) }
        if parts.count >= 2 {
            let unitOfMax = parts[1].unit ?? "Years"
            return (format(parts[0].value, unit: parts[0].unit ?? unitOfMax), format(parts[1].value, unit: unitOfMax))
        }
        let only = format(parts[0].value, unit: parts[0].unit ?? "Years")
        let maximumWords = [
            "up to", "under", "younger", "below", "less than", "or younger", "maximum", "max", "≤", "<",
        ]
        if maximumWords.contains(where: { lower.contains($0) }) { return (nil, only) }
        return (only, nil)
    }

    private static func format(_ value: Int, unit: String) -> String { "\(value) \(unit)" }

    /// Each number in the text with the unit word that follows it, if any.
    private static func numbersWithUnits(_ text: String) -> [(value: Int, unit: String?)] {
        var result: [(value: Int, unit: String?)] = []
        let chars = Array(text.lowercased())
        var i = 0
        while i < chars.count {
            guard chars[i].isASCII, chars[i].isNumber else {
                i += 1
                continue
            }
            var digits = ""
            while i < chars.count, chars[i].isASCII, chars[i].isNumber {
                digits.append(chars[i])
                i += 1
            }
            var j = i
            while j < chars.count, chars[j] == " " { j += 1 }
            var word = ""
            while j < chars.count, chars[j].isLetter {
                word.append(chars[j])
                j += 1
            }
            let unit: String? =
                if word.hasPrefix("year") || word == "yrs" || word == "yr" || word == "y" {
                    "Years"
                } else if word.hasPrefix("month") { "Months" } else if word.hasPrefix("week") {
                    "Weeks"
                } else if word.hasPrefix("day") { "Days" } else if word.hasPrefix("hour") {
                    "Hours"
                } else if word.hasPrefix("minute") { "Minutes" } else { nil }
            if let value = Int(digits) { result.append((value, unit)) }
        }
        return result
    }
}
