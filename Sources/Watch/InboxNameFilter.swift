/// Decides from its name alone whether an inbox entry may be a document to process.
///
/// Hidden names (a leading `.`) and names of files still being written or kept by editors
/// (`*.part`, `*.tmp`, `*.crdownload`, `*.swp`, `*~`) are never candidates. The rest must match
/// one `include` pattern (every name does when the list is empty) and no `exclude` pattern.
public struct InboxNameFilter: Sendable, Hashable {
    /// Why a name is not a candidate.
    public enum Rejection: Sendable, Hashable {
        /// Empty, `.`/`..`, or holding a `/` or NUL: not a plain entry name.
        case invalidName
        /// Starts with a dot.
        case hidden
        /// Ends with the suffix of a partial, temporary or backup file.
        case unfinished(suffix: String)
        /// Matches no include pattern.
        case notIncluded
        /// Matches an exclude pattern.
        case excluded(pattern: String)
    }

    /// The include patterns of the default pipeline.
    public static let defaultIncludes = ["*.txt", "*.html", "*.htm", "*.xml", "*.json"]

    /// Suffixes of files that are not finished (downloads, editor swap and backup files),
    /// compared without regard to case.
    public static let unfinishedSuffixes = [".part", ".tmp", ".crdownload", ".swp", "~"]

    /// Names that may be documents match one of these (or anything, when empty).
    public let include: [GlobPattern]
    /// Names that match one of these are never documents.
    public let exclude: [GlobPattern]

    /// Creates a filter.
    /// - Parameters:
    ///   - include: glob patterns of names to take; an empty list takes every name.
    ///   - exclude: glob patterns of names to leave alone.
    ///   - caseSensitive: whether patterns match letters in case; `report.JSON` matches `*.json`
    ///     by default.
    public init(include: [String] = defaultIncludes, exclude: [String] = [], caseSensitive: Bool = false) {
        self.include = include.map { GlobPattern($0, caseSensitive: caseSensitive) }
        self.exclude = exclude.map { GlobPattern($0, caseSensitive: caseSensitive) }
    }

    /// Why `name` is not a candidate, or `nil` when it is one.
    public func rejection(of name: String) -> Rejection? {
        if name.isEmpty || name == "." || name == ".." || name.utf8.contains(where: { $0 == 0x2F || $0 == 0 }) {
            return .invalidName
        }
        if name.utf8.first == UInt8(ascii: ".") { return .hidden }
        let lowered = name.lowercased()
        if let suffix = Self.unfinishedSuffixes.first(where: { lowered.hasSuffix($0) }) {
            return .unfinished(suffix: suffix)
        }
        if !include.isEmpty, !include.contains(where: { $0.matches(name) }) { return .notIncluded }
        if let pattern = exclude.first(where: { $0.matches(name) }) { return .excluded(pattern: pattern.pattern) }
        return nil
    }

    /// Whether `name` may be a document to process.
    public func isCandidate(_ name: String) -> Bool { rejection(of: name) == nil }

    /// The candidates among `names`, in their order.
    public func candidates(among names: some Sequence<String>) -> [String] {
        names.filter(isCandidate)
    }
}
