import CLibXML2

/// Turns an HTML page into the text a reader copying it from a browser would get: block structure kept
/// (one heading, paragraph, list item or table cell per line), scripts, styles, hidden elements and
/// navigation bars left out, plus the page title and its links.
public enum HTMLTextExtractor {
    /// How table cells are laid out.
    public enum TableLayout: Sendable {
        /// Every cell on its own line, so a label cell and its value cell become two lines.
        case cellPerLine
        /// Every row on one line, cells separated by `" | "`.
        case rowPerLine
    }

    /// The parser options: tolerant, silent, no network, compact text nodes.
    static let options = Int32(
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)

    /// Extracts the title, text and links of an HTML page.
    ///
    /// - Parameters:
    ///   - bytes: the page as stored.
    ///   - charset: the encoding when the caller knows it (see ``HTMLCharset``); nil lets libxml2 read the
    ///     page's `<meta>` declaration.
    ///   - tableLayout: how table cells are laid out in the text.
    public static func extract(
        _ bytes: [UInt8], charset: String? = nil, tableLayout: TableLayout = .cellPerLine
    ) -> HTMLText {
        _ = LibXML.initialized
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else {
            return HTMLText(title: nil, text: "", links: [])
        }
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                htmlReadMemory(pointer, Int32(buffer.count), "inbox://page.html", charset, options)
            }
        }
        guard let document else { return HTMLText(title: nil, text: "", links: []) }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else {
            return HTMLText(title: nil, text: "", links: [])
        }
        var walker = HTMLWalker(tableLayout: tableLayout)
        walker.walk(root)
        var page = HTMLText(title: title(under: root), text: walker.builder.text, links: walker.links)
        page.metaTitle = metaTitle(under: root)
        page.heading = walker.firstHeading
        return page
    }

    /// The `content` of the first `<meta property="og:title">` (or `name=`), else of `twitter:title`.
    private static func metaTitle(under root: xmlNodePtr) -> String? {
        var twitter: String?
        var node: xmlNodePtr? = root
        while let current = node {
            if current.pointee.type == XML_ELEMENT_NODE, HTMLElementKind.name(of: current) == "meta" {
                let key = (HTMLElementKind.property(current, "property") ?? HTMLElementKind.property(current, "name"))?
                    .lowercased()
                if key == "og:title" || (key == "twitter:title" && twitter == nil),
                    let content = HTMLElementKind.property(current, "content")
                {
                    var builder = HTMLTextBuilder()
                    content.withCString { pointer in
                        pointer.withMemoryRebound(to: xmlChar.self, capacity: content.utf8.count + 1) {
                            builder.appendText($0)
                        }
                    }
                    let text = builder.text
                    if !text.isEmpty {
                        if key == "og:title" { return text }
                        twitter = text
                    }
                }
            }
            node = HTMLWalker.next(after: current, descend: true, root: root)
        }
        return twitter
    }

    /// The text of the first `<title>` in the document head (or anywhere, when there is no head).
    private static func title(under root: xmlNodePtr) -> String? {
        var node: xmlNodePtr? = root
        while let current = node {
            if current.pointee.type == XML_ELEMENT_NODE, HTMLElementKind.name(of: current) == "title" {
                guard let content = xmlNodeGetContent(current) else { return nil }
                defer { cxml_free(content) }
                var builder = HTMLTextBuilder()
                builder.appendText(content)
                let title = builder.text
                return title.isEmpty ? nil : title
            }
            node = HTMLWalker.next(after: current, descend: true, root: root)
        }
        return nil
    }
}

/// What an HTML element means for the text.
enum HTMLElementKind {
    /// Not rendered as text (scripts, styles, head, navigation, hidden elements).
    case skipped
    /// A block that starts and ends a line.
    case block
    /// A block set off by blank lines (paragraphs, headings).
    case paragraph
    case listItem, orderedList, unorderedList, tableRow, tableCell, lineBreak, link, preformatted
    /// Rendered inline.
    case inline

    static let kinds: [String: HTMLElementKind] = {
        var kinds: [String: HTMLElementKind] = [:]
        for name in [
            "script", "style", "noscript", "template", "head", "nav", "svg", "iframe", "object", "embed",
            "canvas", "select", "datalist", "audio", "video", "map",
        ] { kinds[name] = .skipped }
        for name in [
            "div", "section", "article", "header", "footer", "main", "aside", "address", "figure", "figcaption",
            "form", "fieldset", "legend", "details", "summary", "dl", "dt", "dd", "table", "caption", "thead",
            "tbody", "tfoot", "hr", "center", "dialog", "menu", "body", "html", "blockquote", "hgroup", "search",
        ] { kinds[name] = .block }
        for name in ["p", "h1", "h2", "h3", "h4", "h5", "h6"] { kinds[name] = .paragraph }
        kinds["li"] = .listItem
        kinds["ol"] = .orderedList
        kinds["ul"] = .unorderedList
        kinds["tr"] = .tableRow
        kinds["td"] = .tableCell
        kinds["th"] = .tableCell
        kinds["br"] = .lineBreak
        kinds["a"] = .link
        kinds["pre"] = .preformatted
        kinds["listing"] = .preformatted
        kinds["textarea"] = .preformatted
        return kinds
    }()

    /// The element name, lower-case as libxml2's HTML parser stores it.
    static func name(of node: xmlNodePtr) -> String {
        guard let name = node.pointee.name else { return "" }
        return String(cString: name)
    }

    static func of(_ node: xmlNodePtr) -> HTMLElementKind {
        let kind = kinds[name(of: node)] ?? .inline
        if kind != .skipped, isHidden(node) { return .skipped }
        return kind
    }

    /// `hidden`, `aria-hidden="true"`, `style="display:none"` or `role="navigation"`: not part of what a
    /// reader sees as content (glossaries, tooltips, icons).
    private static func isHidden(_ node: xmlNodePtr) -> Bool {
        guard node.pointee.properties != nil else { return false }
        if hasProperty(node, "hidden") { return true }
        if let ariaHidden = property(node, "aria-hidden"), ariaHidden.lowercased() == "true" { return true }
        if let role = property(node, "role"), role.lowercased() == "navigation" { return true }
        if let style = property(node, "style") {
            let compact = style.lowercased().filter { $0 != " " }
            if compact.contains("display:none") || compact.contains("visibility:hidden") { return true }
        }
        return false
    }

    static func property(_ node: xmlNodePtr, _ name: String) -> String? {
        let value = name.withCString {
            xmlGetProp(node, UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self))
        }
        guard let value else { return nil }
        defer { cxml_free(value) }
        return String(cString: value)
    }

    static func hasProperty(_ node: xmlNodePtr, _ name: String) -> Bool {
        name.withCString {
            xmlHasProp(node, UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self))
        } != nil
    }
}

/// Walks the parsed page in document order without recursion (pages can nest deeply) and writes its text.
struct HTMLWalker {
    let tableLayout: HTMLTextExtractor.TableLayout
    var builder = HTMLTextBuilder()
    var links: [HTMLLink] = []
    /// Open `<a>` elements: their `href` and where their text starts.
    private var openLinks: [(node: xmlNodePtr, href: String?, start: Int)] = []
    /// Open lists: the next number of an ordered list, nil for an unordered one.
    private var openLists: [(node: xmlNodePtr, next: Int?)] = []
    private var preformattedDepth = 0
    private var cellsInRow = 0
    /// The text of the first `<h1>`, once it has been left.
    private(set) var firstHeading: String?
    /// Where the text of the first `<h1>` starts, while inside it.
    private var headingStart: Int?

    init(tableLayout: HTMLTextExtractor.TableLayout) {
        self.tableLayout = tableLayout
    }

    /// The node after `node` in document order, without leaving `root`.
    static func next(after node: xmlNodePtr, descend: Bool, root: xmlNodePtr) -> xmlNodePtr? {
        if descend, let child = node.pointee.children { return child }
        var current = node
        while current != root {
            if let sibling = current.pointee.next { return sibling }
            guard let parent = current.pointee.parent else { return nil }
            current = parent
        }
        return nil
    }

    mutating func walk(_ root: xmlNodePtr) {
        // The kinds of the elements being walked through, innermost last; popped when they are left.
        var openKinds: [HTMLElementKind] = []
        var node: xmlNodePtr? = root
        while let current = node {
            var descend = false
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                let kind = HTMLElementKind.of(current)
                if kind != .skipped {
                    enter(current, kind: kind)
                    descend = current.pointee.children != nil
                    if descend {
                        openKinds.append(kind)
                    } else {
                        exit(current, kind: kind)
                    }
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content {
                    if preformattedDepth > 0 {
                        builder.appendPreformatted(content)
                    } else {
                        builder.appendText(content)
                    }
                }
            default:
                break
            }
            if descend, let child = current.pointee.children {
                node = child
                continue
            }
            // Leave every element whose last child this was.
            var leaving = current
            node = nil
            while leaving != root {
                if let sibling = leaving.pointee.next {
                    node = sibling
                    break
                }
                guard let parent = leaving.pointee.parent else { break }
                leaving = parent
                if parent.pointee.type == XML_ELEMENT_NODE, let kind = openKinds.popLast() {
                    exit(parent, kind: kind)
                }
            }
        }
    }

    private mutating func enter(_ node: xmlNodePtr, kind: HTMLElementKind) {
        switch kind {
        case .block: builder.requireBreaks(1)
        case .paragraph:
            builder.requireBreaks(2)
            if firstHeading == nil, headingStart == nil, HTMLElementKind.name(of: node) == "h1" {
                headingStart = builder.count
            }
        case .orderedList:
            builder.requireBreaks(1)
            let start = HTMLElementKind.property(node, "start").flatMap { Int($0) } ?? 1
            openLists.append((node, start))
        case .unorderedList:
            builder.requireBreaks(1)
            openLists.append((node, nil))
        case .listItem:
            builder.requireBreaks(1)
            if let index = openLists.indices.last, let number = openLists[index].next {
                builder.setPrefix("\(number). ")
                openLists[index].next = number + 1
            } else {
                builder.setPrefix("• ")
            }
        case .tableRow:
            builder.requireBreaks(1)
            cellsInRow = 0
        case .tableCell:
            switch tableLayout {
            case .cellPerLine: builder.requireBreaks(1)
            case .rowPerLine: if cellsInRow > 0 { builder.setPrefix(" | ") }
            }
            cellsInRow += 1
        case .lineBreak: builder.lineBreak()
        case .link:
            let href = HTMLElementKind.property(node, "href")?.trimmingSpaces
            openLinks.append((node, href, builder.count))
        case .preformatted:
            builder.requireBreaks(1)
            preformattedDepth += 1
        case .inline, .skipped: break
        }
    }

    private mutating func exit(_ node: xmlNodePtr, kind: HTMLElementKind) {
        switch kind {
        case .block, .tableRow: builder.requireBreaks(1)
        case .paragraph:
            if let start = headingStart, HTMLElementKind.name(of: node) == "h1" {
                let text = builder.singleLine(from: start)
                headingStart = nil
                if !text.isEmpty { firstHeading = text }
            }
            builder.requireBreaks(2)
        case .orderedList, .unorderedList:
            if let last = openLists.last, last.node == node { openLists.removeLast() }
            builder.requireBreaks(1)
        case .listItem:
            builder.clearPrefix()
            builder.requireBreaks(1)
        case .tableCell:
            if tableLayout == .cellPerLine { builder.requireBreaks(1) }
        case .link:
            guard let last = openLinks.last, last.node == node else { break }
            openLinks.removeLast()
            if let href = last.href, !href.isEmpty, !href.lowercased().hasPrefix("javascript:") {
                links.append(HTMLLink(href: href, text: builder.singleLine(from: last.start)))
            }
        case .preformatted:
            preformattedDepth = max(0, preformattedDepth - 1)
            builder.requireBreaks(1)
        case .lineBreak, .inline, .skipped: break
        }
    }
}

extension String {
    /// The string without leading and trailing ASCII white space.
    fileprivate var trimmingSpaces: String {
        let bytes = Array(utf8)
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] <= 0x20 { start += 1 }
        while end > start, bytes[end - 1] <= 0x20 { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
