/// A parsed XML document as plain Swift values: safe to keep, share and send across tasks.
public struct XMLDocument: Sendable, Equatable {
    /// The document element.
    public var root: XMLElement
    /// The `version` of the XML declaration, when there is one.
    public var version: String?
    /// The `encoding` of the XML declaration, when there is one.
    public var encoding: String?

    /// Creates a document around its root element.
    public init(root: XMLElement, version: String? = nil, encoding: String? = nil) {
        self.root = root
        self.version = version
        self.encoding = encoding
    }
}

/// One child of an element: another element or a run of character data.
public enum XMLNode: Sendable, Equatable {
    case element(XMLElement)
    /// Character data, with the predefined entities and character references already replaced.
    case text(String)
}

/// One attribute of an element.
public struct XMLAttribute: Sendable, Equatable {
    /// The local name (without prefix).
    public var name: String
    /// The namespace URI, for a prefixed attribute.
    public var namespaceURI: String?
    /// The attribute value.
    public var value: String

    /// Creates an attribute.
    public init(name: String, namespaceURI: String? = nil, value: String) {
        self.name = name
        self.namespaceURI = namespaceURI
        self.value = value
    }
}

/// One XML element: its name, namespace, attributes and children, in document order.
///
/// A class with constant properties, so that passing an element around (every `child(_:)` look-up and
/// every node of a large study) shares it instead of copying five fields and two arrays.
public final class XMLElement: Sendable, Equatable {
    /// The local name (without prefix).
    public let name: String
    /// The namespace prefix as written, if any.
    public let prefix: String?
    /// The namespace URI the element is in, if any.
    public let namespaceURI: String?
    /// The attributes, in document order.
    public let attributes: [XMLAttribute]
    /// Child elements and text runs, in document order (comments and processing instructions dropped).
    public let children: [XMLNode]
    /// The line the element starts on (1-based; 0 when unknown).
    public let line: Int

    /// Creates an element.
    public init(
        name: String, prefix: String? = nil, namespaceURI: String? = nil,
        attributes: [XMLAttribute] = [],
        children: [XMLNode] = [], line: Int = 0
    ) {
        self.name = name
        self.prefix = prefix
        self.namespaceURI = namespaceURI
        self.attributes = attributes
        self.children = children
        self.line = line
    }

    /// Two elements are equal when their names, namespaces, attributes, children and lines are.
    public static func == (lhs: XMLElement, rhs: XMLElement) -> Bool {
        lhs === rhs
            || (lhs.name == rhs.name && lhs.prefix == rhs.prefix && lhs.namespaceURI == rhs.namespaceURI
                && lhs.line == rhs.line && lhs.attributes == rhs.attributes && lhs.children == rhs.children)
    }

    /// The name as written: `prefix:name` or `name`.
    public var qualifiedName: String {
        guard let prefix, !prefix.isEmpty else { return name }
        return prefix + ":" + name
    }

    /// All character data inside the element and its descendants, concatenated in document order.
    public var text: String {
        var out = ""
        var stack: [XMLNode] = children.reversed()
        while let node = stack.popLast() {
            switch node {
            case .text(let run): out += run
            case .element(let element): stack.append(contentsOf: element.children.reversed())
            }
        }
        return out
    }

    /// The child elements, in document order.
    public var elements: [XMLElement] {
        children.compactMap { node in
            if case .element(let element) = node { return element }
            return nil
        }
    }

    /// The value of the first attribute with this local name.
    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// The first child element with this local name.
    public func child(_ name: String) -> XMLElement? {
        for case .element(let element) in children where element.name == name { return element }
        return nil
    }

    /// The child elements with this local name, in document order.
    public func children(named name: String) -> [XMLElement] {
        var result: [XMLElement] = []
        for case .element(let element) in children where element.name == name { result.append(element) }
        return result
    }

    /// The element reached by following child names from this one (`child(path: "id_info", "nct_id")`).
    public func child(path names: String...) -> XMLElement? {
        var current: XMLElement? = self
        for name in names { current = current?.child(name) }
        return current
    }
}
