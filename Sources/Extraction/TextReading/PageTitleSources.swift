import TrialModel

/// A saved page's own title sources (`<h1>`, `og:title`, `<title>`), with the site's name that pages add to
/// them taken off ("Study of X | ClinicalTrials.gov", "ANZCTR - Study of X").
enum PageTitleSources {
    /// The separators sites put between a page's title and their own name.
    private static let separators = [" | ", " – ", " — ", " - ", " :: ", " » ", " · "]

    /// The first source that reads as a trial's title once the site's name is off: the first heading, then
    /// the sharing title, then the `<title>`.
    static func title(heading: String?, metaTitle: String?, documentTitle: String?) -> String? {
        for source in [heading, metaTitle, documentTitle].compactMap({ $0 }) {
            let title = withoutSiteName(TextValue.collapsed(source))
            if PageTitle.isTitle(title) { return PageTitle.withoutIdSuffix(title) }
        }
        return nil
    }

    /// `title` without a leading or trailing part that names the site: a short part (five words or fewer,
    /// with a letter) whose words all start with a capital letter or digit, or that holds a domain name. A
    /// part stays when what would remain does not read as a title ("Stroke Trial - 3").
    static func withoutSiteName(_ title: String) -> String {
        for separator in separators where title.contains(separator) {
            let parts = title.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
            guard parts.count >= 2 else { continue }
            var kept = parts
            if let last = kept.last, isSiteName(last) { kept.removeLast() }
            if kept.count >= 2, let first = kept.first, isSiteName(first) { kept.removeFirst() }
            let rest = TextValue.trimmed(kept.joined(separator: separator))
            return kept.count < parts.count && PageTitle.isTitle(rest) ? rest : title
        }
        return title
    }

    private static func isSiteName(_ part: String) -> Bool {
        let words = TextValue.words(part)
        guard !words.isEmpty, words.count <= 5, part.utf8.contains(where: ASCIIByte.isLetter) else { return false }
        let lowered = part.lowercased()
        if [".gov", ".org", ".com", ".eu", ".net", ".int", ".cn", ".jp", ".in"].contains(where: lowered.contains) {
            return true
        }
        return words.allSatisfy { word in
            guard let first = word.word.utf8.first else { return false }
            return ASCIIByte.isUpper(first) || ASCIIByte.isDigit(first) || first >= 0x80
        }
    }
}
