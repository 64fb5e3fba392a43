import Foundation

/// Which names in an inbox are documents: not hidden, not partial downloads, matching an include pattern.
public enum InboxListing {
    /// Suffixes of files still being written by other programs.
    static let partialSuffixes = [".part", ".tmp", ".crdownload", ".swp", "~", ".partial", ".download"]

    /// Whether a file name counts as a document for the given include patterns.
    public static func isCandidate(_ name: String, include: [String]) -> Bool {
        guard !name.isEmpty, !name.hasPrefix("."), !name.contains("/") else { return false }
        let lower = name.lowercased()
        if partialSuffixes.contains(where: { lower.hasSuffix($0) }) { return false }
        return include.contains { Glob.matches(pattern: $0, name: name) }
    }

    /// The candidate names in a folder, sorted.
    public static func candidates(in folder: String, include: [String]) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).filter { isCandidate($0, include: include) }
            .sorted()
    }
}

/// Shell-style file-name patterns: `*`, `?` and `[abc]`, case-insensitive for letters.
public enum Glob {
    /// Whether `name` matches `pattern`.
    public static func matches(pattern: String, name: String) -> Bool {
        match(Array(pattern.lowercased().unicodeScalars), 0, Array(name.lowercased().unicodeScalars), 0)
    }

    private static func match(_ p: [Unicode.Scalar], _ pi: Int, _ n: [Unicode.Scalar], _ ni: Int) -> Bool {
        var pi = pi
        var ni = ni
        var starP = -1
        var starN = 0
        while ni < n.count {
            if pi < p.count, p[pi] == "[", let (matched, next) = bracket(p, pi, n[ni]) {
                if matched {
                    pi = next
                    ni += 1
                    continue
                }
            } else if pi < p.count, p[pi] == "?" || p[pi] == n[ni] {
                pi += 1
                ni += 1
                continue
            } else if pi < p.count, p[pi] == "*" {
                starP = pi
                starN = ni
                pi += 1
                continue
            }
            if starP >= 0 {
                pi = starP + 1
                starN += 1
                ni = starN
                continue
            }
            return false
        }
        while pi < p.count, p[pi] == "*" { pi += 1 }
        return pi == p.count
    }

    private static func bracket(_ p: [Unicode.Scalar], _ start: Int, _ c: Unicode.Scalar) -> (Bool, Int)? {
        var i = start + 1
        var negate = false
        if i < p.count, p[i] == "!" || p[i] == "^" {
            negate = true
            i += 1
        }
        var matched = false
        var first = true
        while i < p.count, p[i] != "]" || first {
            first = false
            if i + 2 < p.count, p[i + 1] == "-", p[i + 2] != "]" {
                if p[i] <= c && c <= p[i + 2] { matched = true }
                i += 3
            } else {
                if p[i] == c { matched = true }
                i += 1
            }
        }
        guard i < p.count else { return nil }
        return (matched != negate, i + 1)
    }
}
