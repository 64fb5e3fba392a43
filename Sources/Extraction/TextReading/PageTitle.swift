import TrialModel

/// The title of a page that labels none: the first line near the top that reads as a trial's title and not
/// as the site's chrome (navigation, banners, notices, breadcrumbs, glossary sentences, a heading made of
/// the site's name and the NCT id).
enum PageTitle {
    /// How many non-empty lines from the top a title may start at.
    static let window = 15

    /// Words that mark a line as the site's navigation or notices, not a trial's title.
    private static let chromeWords: Set<String> = [
        "HELP", "MENU", "SEARCH", "LOGIN", "LOGOUT", "PASSWORD", "COOKIE", "COOKIES", "JAVASCRIPT", "SUBSCRIBE",
        "NEWSLETTER", "SITEMAP", "FEEDBACK", "DISCLAIMER", "REDESIGN", "BREADCRUMB",
    ]

    /// Word pairs that do the same ("Back to results", "Sign in", "Click here").
    private static let chromePairs: Set<String> = [
        "BACK_TO", "SIGN_IN", "SIGN_UP", "LOG_IN", "SKIP_TO", "CLICK_HERE", "THANK_YOU", "GO_TO",
    ]

    /// The first title-like line among `candidates` (line number in the page and text, in page order) that
    /// starts within the first ``window`` non-empty lines and before `limit` (the first labelled field).
    static func first(
        in candidates: [(index: Int, line: String)], nonEmptyBefore: (Int) -> Int, before limit: Int
    ) -> String? {
        for candidate in candidates where candidate.index < limit {
            guard nonEmptyBefore(candidate.index) < window else { return nil }
            if isTitle(candidate.line) { return withoutIdSuffix(candidate.line) }
        }
        return nil
    }

    /// Whether a line reads as a trial's title.
    static func isTitle(_ line: String) -> Bool {
        let words = TextValue.words(line)
        guard words.count >= 4, line.utf8.count <= 400, !line.contains("://") else { return false }
        if let last = line.last, ".:?!。…".contains(last) { return false }
        if let first = line.unicodeScalars.first, "•-*<←→>·–—".unicodeScalars.contains(first) { return false }
        if line.contains("->") || line.contains(" > ") || line.contains("»") { return false }
        let keys = words.map { EnumNormalizer.key($0.word) }
        if keys.contains(where: chromeWords.contains) { return false }
        for pair in zip(keys, keys.dropFirst()) where chromePairs.contains(pair.0 + "_" + pair.1) { return false }
        // A heading that only names the trial's id ("Clinical Trial - NCT01234567").
        let ids = TextValue.nctIds(in: line)
        if !ids.isEmpty, words.count - ids.count <= 6 { return false }
        // A field line ("Ignite Creation Date: 2025-12-25 @ 4:18 AM").
        if let colon = line.firstIndex(of: ":") {
            let head = TextValue.words(String(line[..<colon])).count
            let tail = TextValue.words(String(line[line.index(after: colon)...])).count
            if head <= 4, tail <= 4 { return false }
        }
        return true
    }

    /// A title without a trailing "(NCT01234567)" or "(NCT NCT01234567)" naming its own id.
    static func withoutIdSuffix(_ title: String) -> String {
        guard title.hasSuffix(")"), let open = title.lastIndex(of: "(") else { return title }
        let inside = title[title.index(after: open)..<title.index(before: title.endIndex)]
        let rest = EnumNormalizer.key(inside).split(separator: "_").filter { $0 != "NCT" }
        guard !rest.isEmpty, rest.allSatisfy({ RecordID.isNCTId(String($0)) }) else { return title }
        return TextValue.trimmed(title[..<open])
    }
}
