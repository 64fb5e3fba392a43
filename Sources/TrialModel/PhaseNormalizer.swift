/// Reads the phases a text names: "Phase 1/Phase 2" → [PHASE1, PHASE2], "Phase II" → [PHASE2],
/// "Phase Ib" → [PHASE1], "Early Phase 1" → [EARLY_PHASE1], "N/A" → [NA].
public enum PhaseNormalizer {
    /// Every phase named in `text`, in order, without duplicates; empty when none is named.
    ///
    /// Inlinable, and reading a `String`: the generic body, which callers in other modules could not
    /// specialize, reached the text through protocol witnesses.
    @inlinable
    public static func phases(_ text: some StringProtocol) -> [Phase] { phases(string: String(text)) }

    /// ``phases(_:)`` of a `String`.
    @usableFromInline
    static func phases(string text: String) -> [Phase] {
        let words = tokens(text)
        var result: [Phase] = []
        func add(_ phase: Phase) { if !result.contains(phase) { result.append(phase) } }
        var index = 0
        while index < words.count {
            let word = words[index]
            if let exact = Phase(rawValue: word) {
                add(exact)
                index += 1
                continue
            }
            if word == "EARLY", index + 2 < words.count, words[index + 1] == "PHASE",
                numeral(words[index + 2]) == 1
            {
                add(.earlyPhase1)
                index += 3
                continue
            }
            if word == "EARLY_PHASE1" || word == "EARLYPHASE1" {
                add(.earlyPhase1)
                index += 1
                continue
            }
            if word == "PHASE" || word == "PHASES" {
                // "Phase 1/Phase 2", "Phase 1/2", "Phase I/II", "Phase 2 and 3": numerals joined by / - & and.
                var next = index + 1
                var sawNumeral = false
                while next < words.count {
                    if let n = numeral(words[next]) {
                        if let phase = phase(for: n) { add(phase) }
                        sawNumeral = true
                        next += 1
                    } else if sawNumeral, ["/", "-", "&", "AND", "OR", ",", "PHASE", "TO"].contains(words[next]) {
                        next += 1
                    } else {
                        break
                    }
                }
                index = next
                continue
            }
            if word.hasPrefix("PHASE"), let n = numeral(String(word.dropFirst(5))) {
                if let phase = phase(for: n) { add(phase) }
                index += 1
                continue
            }
            if result.isEmpty, ["N/A", "NA", "NOT", "NONE"].contains(word) {
                if word == "NOT" {
                    if index + 1 < words.count, words[index + 1] == "APPLICABLE" { add(.notApplicable) }
                } else if words.count <= 2 {
                    add(.notApplicable)
                }
            }
            index += 1
        }
        return result
    }

    private static func phase(for numeral: Int) -> Phase? {
        switch numeral {
        case 0: return .earlyPhase1
        case 1: return .phase1
        case 2: return .phase2
        case 3: return .phase3
        case 4: return .phase4
        default: return nil
        }
    }

    /// 1–4 in Arabic or Roman numerals, with an optional sub-phase letter ("1b", "Ib", "IIa"); 0 for phase 0.
    public static func numeral(_ word: String) -> Int? {
        var core = Substring(word)
        if core.count > 1, let last = core.last, last == "A" || last == "B" || last == "C" {
            let head = core.dropLast(1)
            if head.allSatisfy({ $0.isNumber }) || head.allSatisfy({ $0 == "I" || $0 == "V" }) { core = head }
        }
        switch core {
        case "0": return 0
        case "1", "I": return 1
        case "2", "II": return 2
        case "3", "III": return 3
        case "4", "IV": return 4
        default: return nil
        }
    }

    /// The tokens of ASCII text read as bytes (the same as the Character loop gives it), or nil for other text
    /// or text with no token.
    private static func asciiTokens(_ text: some StringProtocol) -> [String]? {
        var words: [String] = []
        var current: [UInt8] = []
        func flush() {
            if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
            current.removeAll(keepingCapacity: true)
        }
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"): current.append(byte - 32)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
                current.append(byte)
            case UInt8(ascii: "/"), UInt8(ascii: "-"), UInt8(ascii: "&"), UInt8(ascii: ","):
                flush()
                words.append(String(UnicodeScalar(byte)))
            case UInt8(ascii: "|"):
                flush()
                words.append("/")
            default:
                flush()
            }
        }
        flush()
        return words.isEmpty ? nil : words
    }

    /// Upper-cased words, with `/`, `-`, `&` and `,` kept as words of their own; `N/A` stays one word.
    private static func tokens(_ text: some StringProtocol) -> [String] {
        var words = asciiTokens(text) ?? []
        var current = ""
        func flush() {
            if !current.isEmpty { words.append(current) }
            current = ""
        }
        for char in words.isEmpty ? text.uppercased() : "" {
            if char.isLetter || char.isNumber || char == "_" {
                current.append(char)
            } else if char == "/" || char == "-" || char == "&" || char == "," || char == "|" {
                flush()
                words.append(char == "|" ? "/" : String(char))
            } else {
                flush()
            }
        }
        flush()
        // Re-join "N / A".
        var joined: [String] = []
        var i = 0
        while i < words.count {
            if words[i] == "N", i + 2 < words.count, words[i + 1] == "/", words[i + 2] == "A" {
                joined.append("N/A")
                i += 3
            } else {
                joined.append(words[i])
                i += 1
            }
        }
        return joined
    }
}
