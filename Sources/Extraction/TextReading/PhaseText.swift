import TrialModel

/// Recognises text that is only a phase ("Phase 1/Phase 2", "Early Phase 1", "N/A", "Not Applicable") and
/// a phase written at the end of a title cell.
enum PhaseText {
    private static let joiners: Set<String> = [
        "PHASE", "PHASES", "EARLY", "AND", "OR", "&", "/", ",", "-", "TO",
    ]

    /// Whether the whole text names phases and nothing else.
    static func isPhaseOnly(_ text: some StringProtocol) -> Bool {
        guard text.utf8.count <= 48, let lead = text.utf8.first, "PpEeNn".utf8.contains(lead) else { return false }
        let words = tokens(text)
        guard let first = words.first else { return false }
        if words == ["N/A"] || words == ["NA"] || words == ["NOT", "APPLICABLE"] { return true }
        guard first == "PHASE" || first == "PHASES" || first == "EARLY" || first.hasPrefix("PHASE")
        else { return false }
        var sawNumeral = false
        for word in words {
            if joiners.contains(word) { continue }
            if numeral(word) != nil {
                sawNumeral = true
                continue
            }
            if word.hasPrefix("PHASE"), numeral(String(word.dropFirst(5))) != nil {
                sawNumeral = true
                continue
            }
            return false
        }
        return sawNumeral
    }

    /// The text before a trailing phase and the phases it names ("KN046 … Carcinoma Phase 1/Phase 2").
    static func splitTrailingPhase(_ text: String) -> (rest: String, phases: [Phase]) {
        for start in TextValue.lastWordStarts(text, count: 8) {
            let tail = text[start...]
            guard isPhaseOnly(tail) else { continue }
            let rest = TextValue.trimmed(text[..<start])
            return (rest, PhaseNormalizer.phases(tail))
        }
        return (text, [])
    }

    /// 0–4 in Arabic or Roman numerals with an optional sub-phase letter ("1b", "IIA").
    private static func numeral(_ word: String) -> Int? { PhaseNormalizer.numeral(word) }

    /// Upper-cased words with `/`, `,` and `&` as words of their own; "N/A" stays one word.
    /// The tokens of ASCII text read as bytes, as the Character loop below reads it; nil for other text.
    private static func asciiTokens(_ text: some StringProtocol) -> [String]? {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        if EnumNormalizer.key(text) == "N_A" { return ["N/A"] }
        var words: [String] = []
        var current: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"): current.append(byte - 32)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): current.append(byte)
            default:
                if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
                current.removeAll(keepingCapacity: true)
                if byte == UInt8(ascii: "/") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "&")
                    || byte == UInt8(ascii: "-")
                {
                    words.append(String(UnicodeScalar(byte)))
                }
            }
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }

    private static func tokens(_ text: some StringProtocol) -> [String] {
        if let tokens = asciiTokens(text) { return tokens }
        let upper = text.uppercased()
        if EnumNormalizer.key(upper) == "N_A" { return ["N/A"] }
        var words: [String] = []
        var current = ""
        for char in upper {
            if char.isLetter || char.isNumber {
                current.append(char)
            } else {
                if !current.isEmpty { words.append(current) }
                current = ""
                if char == "/" || char == "," || char == "&" || char == "-" {
                    words.append(String(char))
                }
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
