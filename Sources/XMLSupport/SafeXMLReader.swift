import CLibXML2

/// Parses untrusted XML into an ``XMLDocument`` value tree, with every libxml2 pointer kept inside one call.
///
/// The parser never fetches anything (`XML_PARSE_NONET` and the deny-all entity loader), never substitutes
/// entities into the tree (no `XML_PARSE_NOENT`), never loads a DTD and keeps libxml2's size limits (no
/// `XML_PARSE_HUGE`). External and user-defined entity references are dropped from the tree, so an XXE
/// attempt yields nothing and an entity-expansion bomb is refused by libxml2 itself.
public enum SafeXMLReader {
    /// The parser options: no network, no error printing, CDATA merged into text, and short text nodes kept
    /// inside their node (one allocation less each; the tree is never changed after parsing).
    static let options = Int32(
        XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue)

    /// Parses `bytes` as one XML document.
    ///
    /// - Parameter documentURL: the base URL libxml2 records for the document; never fetched.
    /// - Throws: ``XMLParseError`` with libxml2's first error and its line and column when the document
    ///   is not well-formed (truncated, mismatched tags, entity loops, …).
    public static func parse(
        _ bytes: [UInt8], documentURL: String = "inbox://document.xml"
    ) throws(XMLParseError) -> XMLDocument {
        try withDocument(bytes, documentURL: documentURL) { document, root in
            XMLDocument(
                root: element(root),
                version: document.pointee.version.map { String(cString: $0) },
                encoding: document.pointee.encoding.map { String(cString: $0) })
        }
    }

    /// Parses `bytes` as ``parse(_:documentURL:)`` does and calls `body` with the root element read in place,
    /// without copying the document into Swift values; the document is freed when `body` returns, so no
    /// ``XMLElementView`` may be kept beyond it.
    ///
    /// - Parameters:
    ///   - unreadElements: names of elements (below the root) the caller never reads: the parser checks them as
    ///     strictly as the rest, but their subtrees are not built, so they are absent from the tree.
    ///   - keepingBlankText: false leaves out the text between elements that is only white space (a pretty-printed
    ///     document's indentation), as libxml2's `XML_PARSE_NOBLANKS` does: the tree has about half the nodes,
    ///     and the ``XMLElementView/text`` of an element holding elements lacks that white space. An element whose
    ///     only content is white space keeps it.
    /// - Throws: ``XMLParseError`` as ``parse(_:documentURL:)`` does.
    public static func withRootElement<Result>(
        of bytes: [UInt8], unreadElements: [String] = [], keepingBlankText: Bool = true,
        documentURL: String = "inbox://document.xml", _ body: (XMLElementView) -> Result
    ) throws(XMLParseError) -> Result {
        let unread = unreadElements.isEmpty ? nil : XMLUnreadElements(names: unreadElements)
        let parseOptions = keepingBlankText ? options : options | Int32(XML_PARSE_NOBLANKS.rawValue)
        return try withDocument(bytes, documentURL: documentURL, unread: unread, options: parseOptions) { _, root in
            body(XMLElementView(root))
        }
    }

    /// Parses `bytes` and calls `body` with libxml2's document and its root element, freed afterwards.
    private static func withDocument<Result>(
        _ bytes: [UInt8], documentURL: String, unread: XMLUnreadElements? = nil, options: Int32 = options,
        _ body: (xmlDocPtr, xmlNodePtr) -> Result
    ) throws(XMLParseError) -> Result {
        _ = LibXML.initialized
        guard !bytes.isEmpty else {
            throw XMLParseError(message: "the document is empty", line: 1, column: 1)
        }
        guard bytes.count < Int(Int32.max) else {
            throw XMLParseError(message: "the document is larger than 2 GiB", line: 0, column: 0)
        }
        guard let context = xmlNewParserCtxt() else {
            throw XMLParseError(message: "libxml2 could not allocate a parser", line: 0, column: 0)
        }
        defer { xmlFreeParserCtxt(context) }
        unread?.install(on: context)
        defer { withExtendedLifetime(unread) {} }

        let collector = ParseErrorCollector()
        // Structured error handlers are thread-local in libxml2: set, parse and restore without suspending.
        xmlSetStructuredErrorFunc(Unmanaged.passUnretained(collector).toOpaque()) { userData, error in
            guard let userData, let error else { return }
            Unmanaged<ParseErrorCollector>.fromOpaque(userData).takeUnretainedValue().record(
                error.pointee)
        }
        defer { xmlSetStructuredErrorFunc(nil, nil) }

        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                xmlCtxtReadMemory(context, pointer, Int32(buffer.count), documentURL, nil, options)
            }
        }
        guard let document, context.pointee.wellFormed != 0 else {
            if let document { xmlFreeDoc(document) }
            throw collector.firstError ?? lastError(of: context)
        }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else {
            throw XMLParseError(message: "the document has no root element", line: 1, column: 1)
        }
        return body(document, root)
    }

    /// libxml2's record of the last error on the context, for when no handler call was seen.
    private static func lastError(of context: xmlParserCtxtPtr) -> XMLParseError {
        if let error = xmlCtxtGetLastError(context), error.pointee.code != 0 {
            return ParseErrorCollector.convert(error.pointee)
        }
        return XMLParseError(message: "the document is not well-formed XML", line: 0, column: 0)
    }

    /// Copies an element and its subtree into Swift values. libxml2 limits nesting to 256 levels
    /// without `XML_PARSE_HUGE`, which bounds the recursion.
    private static func element(_ node: xmlNodePtr) -> XMLElement {
        var attributes: [XMLAttribute] = []
        var children: [XMLNode] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            attributes.append(
                XMLAttribute(
                    name: String(cString: current.pointee.name),
                    namespaceURI: current.pointee.ns?.pointee.href.map { String(cString: $0) },
                    value: textOf(children: current.pointee.children)))
            attribute = current.pointee.next
        }
        var child = node.pointee.children
        var pendingText = ""
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                if !pendingText.isEmpty {
                    children.append(.text(pendingText))
                    pendingText = ""
                }
                children.append(.element(element(current)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { pendingText += String(cString: content) }
            default:
                // Entity references (never expanded), comments, processing instructions.
                break
            }
            child = current.pointee.next
        }
        if !pendingText.isEmpty { children.append(.text(pendingText)) }
        return XMLElement(
            name: String(cString: node.pointee.name),
            prefix: node.pointee.ns?.pointee.prefix.map { String(cString: $0) },
            namespaceURI: node.pointee.ns?.pointee.href.map { String(cString: $0) },
            attributes: attributes, children: children, line: Int(xmlGetLineNo(node)))
    }

    /// The text of an attribute's value nodes; entity references are left out rather than expanded.
    private static func textOf(children: xmlNodePtr?) -> String {
        var out = ""
        var child = children
        while let current = child {
            if current.pointee.type == XML_TEXT_NODE, let content = current.pointee.content {
                out += String(cString: content)
            }
            child = current.pointee.next
        }
        return out
    }
}

/// Gathers the errors libxml2 reports during one parse.
private final class ParseErrorCollector {
    private(set) var firstError: XMLParseError?

    func record(_ error: xmlError) {
        guard firstError == nil, error.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        firstError = Self.convert(error)
    }

    static func convert(_ error: xmlError) -> XMLParseError {
        var message = error.message.map { String(cString: $0) } ?? "XML error \(error.code)"
        while let last = message.last, last == "\n" || last == " " { message.removeLast() }
        return XMLParseError(
            message: message, line: Int(error.line), column: Int(error.int2), code: Int(error.code))
    }
}
