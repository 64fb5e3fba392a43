import CLibXML2

/// An element of a document libxml2 holds, read in place: names are compared and text is copied only when asked.
///
/// A view is valid only inside the ``SafeXMLReader/withRootElement(of:unreadElements:documentURL:_:)`` call that made it (the
/// document is freed when that call returns): read what is needed into Swift values there and keep no view.
/// It reads the tree as ``XMLElement`` does: text is the document's character data with the predefined
/// entities and character references replaced, and entity references, comments and processing instructions
/// are left out.
public struct XMLElementView {
    private let node: xmlNodePtr

    init(_ node: xmlNodePtr) { self.node = node }

    /// The local name (without prefix).
    public var name: String { String(cString: node.pointee.name) }

    /// The name as written: `prefix:name` or `name`.
    public var qualifiedName: String {
        guard let prefix = node.pointee.ns?.pointee.prefix, prefix.pointee != 0 else { return name }
        return String(cString: prefix) + ":" + name
    }

    /// Whether the local name is `name`, compared without making a string of it.
    public func hasName(_ name: String) -> Bool { Self.equals(node.pointee.name, name) }

    /// All character data inside the element and its descendants, concatenated in document order.
    public var text: String {
        // Most elements hold one text node: its content is the whole text.
        if let only = node.pointee.children, only.pointee.next == nil, Self.isText(only) {
            return only.pointee.content.map { String(cString: $0) } ?? ""
        }
        var bytes: [UInt8] = []
        Self.appendText(of: node, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The child elements, in document order.
    public var elements: [XMLElementView] {
        var result: [XMLElementView] = []
        forEachChildElement { result.append($0) }
        return result
    }

    /// The value of the first attribute with this local name; entity references in it are left out.
    public func attribute(_ name: String) -> String? {
        var attribute = node.pointee.properties
        while let current = attribute {
            if Self.equals(current.pointee.name, name) {
                var bytes: [UInt8] = []
                var child = current.pointee.children
                while let text = child {
                    if text.pointee.type == XML_TEXT_NODE, let content = text.pointee.content {
                        Self.append(content, to: &bytes)
                    }
                    child = text.pointee.next
                }
                return String(decoding: bytes, as: UTF8.self)
            }
            attribute = current.pointee.next
        }
        return nil
    }

    /// The first child element with this local name.
    public func child(_ name: String) -> XMLElementView? {
        // The name's bytes are taken once for all the children compared with it.
        var name = name
        return name.withUTF8 { bytes in
            var child = node.pointee.children
            while let current = child {
                if current.pointee.type == XML_ELEMENT_NODE, Self.equals(current.pointee.name, bytes) {
                    return XMLElementView(current)
                }
                child = current.pointee.next
            }
            return nil
        }
    }

    /// The child elements with this local name, in document order.
    public func children(named name: String) -> [XMLElementView] {
        var result: [XMLElementView] = []
        var name = name
        name.withUTF8 { bytes in
            forEachChildElement { element in
                if Self.equals(element.node.pointee.name, bytes) { result.append(element) }
            }
        }
        return result
    }

    /// The element reached by following child names from this one (`child(path: "id_info", "nct_id")`).
    public func child(path names: String...) -> XMLElementView? {
        var current: XMLElementView? = self
        for name in names { current = current?.child(name) }
        return current
    }

    private func forEachChildElement(_ body: (XMLElementView) -> Void) {
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { body(XMLElementView(current)) }
            child = current.pointee.next
        }
    }

    private static func isText(_ node: xmlNodePtr) -> Bool {
        node.pointee.type == XML_TEXT_NODE || node.pointee.type == XML_CDATA_SECTION_NODE
    }

    /// Appends the text nodes under `node`, descending into elements only (libxml2 limits nesting to 256
    /// levels without `XML_PARSE_HUGE`, which bounds the recursion).
    private static func appendText(of node: xmlNodePtr, to bytes: inout [UInt8]) {
        var child = node.pointee.children
        while let current = child {
            if isText(current) {
                if let content = current.pointee.content { append(content, to: &bytes) }
            } else if current.pointee.type == XML_ELEMENT_NODE {
                appendText(of: current, to: &bytes)
            }
            child = current.pointee.next
        }
    }

    private static func append(_ content: UnsafePointer<xmlChar>, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
    }

    /// Whether the NUL-terminated name is `name`.
    private static func equals(_ cName: UnsafePointer<xmlChar>?, _ name: String) -> Bool {
        var name = name
        return name.withUTF8 { equals(cName, $0) }
    }

    /// Whether the NUL-terminated name is the UTF-8 `bytes` (which hold no NUL).
    private static func equals(_ cName: UnsafePointer<xmlChar>?, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let cName else { return false }
        for index in 0..<bytes.count where cName[index] != bytes[index] { return false }
        return cName[bytes.count] == 0
    }
}
