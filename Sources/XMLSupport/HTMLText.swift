/// The readable content of an HTML page: its title, its text with block structure kept, and its links.
public struct HTMLText: Sendable, Equatable {
    /// The `<title>`, whitespace collapsed; nil when the page has none.
    public var title: String?
    /// The visible text: one block (heading, paragraph, list item, table cell or row, …) per line,
    /// a blank line around paragraphs and headings, whitespace collapsed inside blocks.
    public var text: String
    /// Every link in the visible text, in document order.
    public var links: [HTMLLink]
    /// The title the page declares for sharing (`<meta property="og:title">`, else `twitter:title`).
    public var metaTitle: String?
    /// The text of the first visible `<h1>`, whitespace collapsed.
    public var heading: String?

    /// Creates the result of an extraction.
    public init(title: String?, text: String, links: [HTMLLink]) {
        self.title = title
        self.text = text
        self.links = links
        self.metaTitle = nil
        self.heading = nil
    }
}

/// One `<a href>` of a page.
public struct HTMLLink: Sendable, Equatable {
    /// The `href` as written (not resolved against the page's address).
    public var href: String
    /// The link's visible text, whitespace collapsed.
    public var text: String

    /// Creates a link.
    public init(href: String, text: String) {
        self.href = href
        self.text = text
    }
}
