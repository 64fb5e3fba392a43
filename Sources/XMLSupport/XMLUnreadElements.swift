import CLibXML2

/// Leaves the subtrees of elements with chosen names out of the tree libxml2 builds, while the parser still
/// reads and checks every byte of them (well-formedness, entity limits and errors are unchanged).
///
/// It wraps the SAX2 tree-building callbacks of one parser context: inside an unread element (below the root)
/// no node is made. The object is found through the context's `_private` pointer and must outlive the parse.
final class XMLUnreadElements {
    private let names: [[UInt8]]
    /// Elements open in the tree being built.
    private var openElements = 0
    /// How deep the parser is inside an unread element; 0 outside.
    private var unreadDepth = 0

    init(names: [String]) { self.names = names.map { Array($0.utf8) } }

    /// Wraps the tree-building callbacks of `context` (set up with libxml2's SAX2 defaults).
    func install(on context: xmlParserCtxtPtr) {
        guard let sax = context.pointee.sax else { return }
        context.pointee._private = Unmanaged.passUnretained(self).toOpaque()
        sax.pointee.startElementNs = {
            context, name, prefix, uri, namespaceCount, namespaces, count, defaulted, attributes in
            if !XMLUnreadElements.with(context, orElse: true, { $0.opens(name) }) { return }
            xmlSAX2StartElementNs(context, name, prefix, uri, namespaceCount, namespaces, count, defaulted, attributes)
        }
        sax.pointee.endElementNs = { context, name, prefix, uri in
            if !XMLUnreadElements.with(context, orElse: true, { $0.closes() }) { return }
            xmlSAX2EndElementNs(context, name, prefix, uri)
        }
        sax.pointee.characters = { context, text, length in
            if XMLUnreadElements.with(context, orElse: false, { $0.isUnread }) { return }
            xmlSAX2Characters(context, text, length)
        }
        sax.pointee.ignorableWhitespace = { context, text, length in
            if XMLUnreadElements.with(context, orElse: false, { $0.isUnread }) { return }
            xmlSAX2Characters(context, text, length)
        }
        sax.pointee.reference = { context, name in
            if XMLUnreadElements.with(context, orElse: false, { $0.isUnread }) { return }
            xmlSAX2Reference(context, name)
        }
        sax.pointee.comment = { context, text in
            if XMLUnreadElements.with(context, orElse: false, { $0.isUnread }) { return }
            xmlSAX2Comment(context, text)
        }
        sax.pointee.processingInstruction = { context, target, data in
            if XMLUnreadElements.with(context, orElse: false, { $0.isUnread }) { return }
            xmlSAX2ProcessingInstruction(context, target, data)
        }
    }

    /// `body` applied to the filter of the context a callback gets (the parser context is its user data), or
    /// `fallback` when none is set. The filter is not retained for the call: the parse holds it.
    private static func with<Result>(
        _ context: UnsafeMutableRawPointer?, orElse fallback: Result, _ body: (XMLUnreadElements) -> Result
    ) -> Result {
        guard let pointer = context?.assumingMemoryBound(to: xmlParserCtxt.self).pointee._private else {
            return fallback
        }
        return Unmanaged<XMLUnreadElements>.fromOpaque(pointer)._withUnsafeGuaranteedRef(body)
    }

    private var isUnread: Bool { unreadDepth > 0 }

    /// Notes an element's start; false when it is left out of the tree.
    private func opens(_ name: UnsafePointer<xmlChar>?) -> Bool {
        if unreadDepth > 0 {
            unreadDepth += 1
            return false
        }
        if openElements > 0, let name, names.contains(where: { Self.equals(name, $0) }) {
            unreadDepth = 1
            return false
        }
        openElements += 1
        return true
    }

    /// Notes an element's end; false when it was left out of the tree.
    private func closes() -> Bool {
        if unreadDepth > 0 {
            unreadDepth -= 1
            return false
        }
        openElements -= 1
        return true
    }

    private static func equals(_ cName: UnsafePointer<xmlChar>, _ name: [UInt8]) -> Bool {
        for index in name.indices where cName[index] != name[index] { return false }
        return cName[name.count] == 0
    }
}
