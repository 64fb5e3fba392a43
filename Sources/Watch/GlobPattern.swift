/// A shell-style name pattern, as `fnmatch` reads it: `*` (any run), `?` (one character),
/// `[abc]`, `[a-z]` and `[!abc]` (one character from, or not from, a set), and `\` to escape.
///
/// Patterns match whole entry names; there are no path separators to respect. An unterminated
/// `[` is an ordinary character, as in `fnmatch`.
public struct GlobPattern: Sendable, Hashable, CustomStringConvertible {
    private enum Token: Sendable, Hashable {
        case literal(Unicode.Scalar)
        case anyOne
        case anyRun
        case set(CharacterSet)
    }

    private struct CharacterSet: Sendable, Hashable {
        var negated: Bool
        var ranges: [ClosedRange<Unicode.Scalar>]

        func contains(_ scalar: Unicode.Scalar) -> Bool {
            ranges.contains { $0.contains(scalar) } != negated
        }
    }

    /// The pattern as written.
    public let pattern: String
    /// Whether letters must match in case; otherwise both sides are lower-cased first.
    public let caseSensitive: Bool
    private let tokens: [Token]

    /// Compiles `pattern`.
    public init(_ pattern: String, caseSensitive: Bool = true) {
        self.pattern = pattern
        self.caseSensitive = caseSensitive
        self.tokens = Self.compile(caseSensitive ? pattern : pattern.lowercased())
    }

    public var description: String { pattern }

    /// Whether the whole of `name` matches the pattern.
    public func matches(_ name: String) -> Bool {
        let scalars = Array((caseSensitive ? name : name.lowercased()).unicodeScalars)
        // Iterative matching with one backtrack point: the latest `*` and where its run ended.
        var (t, s) = (0, 0)
        var backtrack: (token: Int, scalar: Int)?
        while s < scalars.count {
            if t < tokens.count {
                switch tokens[t] {
                case .anyRun:
                    backtrack = (t, s)
                    t += 1
                    continue
                case .anyOne:
                    t += 1
                    s += 1
                    continue
                case .literal(let expected) where expected == scalars[s]:
                    t += 1
                    s += 1
                    continue
                case .set(let set) where set.contains(scalars[s]):
                    t += 1
                    s += 1
                    continue
                default: break
                }
            }
            guard let (starToken, starEnd) = backtrack else { return false }
            backtrack = (starToken, starEnd + 1)
            (t, s) = (starToken + 1, starEnd + 1)
        }
        return tokens[t...].allSatisfy { $0 == .anyRun }
    }

    private static func compile(_ pattern: String) -> [Token] {
        let scalars = Array(pattern.unicodeScalars)
        var tokens: [Token] = []
        var i = 0
        while i < scalars.count {
            let scalar = scalars[i]
            switch scalar {
            case "*":
                if tokens.last != .anyRun { tokens.append(.anyRun) }
                i += 1
            case "?":
                tokens.append(.anyOne)
                i += 1
            case "\\" where i + 1 < scalars.count:
                tokens.append(.literal(scalars[i + 1]))
                i += 2
            case "[":
                if let (set, next) = characterSet(in: scalars, from: i + 1) {
                    tokens.append(.set(set))
                    i = next
                } else {
                    tokens.append(.literal(scalar))
                    i += 1
                }
            default:
                tokens.append(.literal(scalar))
                i += 1
            }
        }
        return tokens
    }

    /// The set that starts after a `[` at `start`, and the index after its `]`; `nil` when the
    /// bracket is never closed. A `]` right after `[` or `[!` is a member, as in `fnmatch`.
    private static func characterSet(
        in scalars: [Unicode.Scalar], from start: Int
    ) -> (CharacterSet, Int)? {
        var i = start
        var negated = false
        if i < scalars.count, scalars[i] == "!" || scalars[i] == "^" {
            negated = true
            i += 1
        }
        var ranges: [ClosedRange<Unicode.Scalar>] = []
        var first = true
        while i < scalars.count {
            var low = scalars[i]
            if low == "]" && !first { return (CharacterSet(negated: negated, ranges: ranges), i + 1) }
            first = false
            if low == "\\", i + 1 < scalars.count {
                i += 1
                low = scalars[i]
            }
            if i + 2 < scalars.count, scalars[i + 1] == "-", scalars[i + 2] != "]" {
                let high = scalars[i + 2]
                if low <= high { ranges.append(low...high) }
                i += 3
            } else {
                ranges.append(low...low)
                i += 1
            }
        }
        return nil
    }
}
