/// What writes XML elements, attributes and text, so that a document's layout is written once for every writer.
///
/// ``XMLByteWriter`` writes bytes directly (the fast path); ``XMLTextWriter`` goes through libxml2 and is kept
/// as the reference the byte writer is tested against.
public protocol XMLWriting: ~Copyable {
    /// Opens an element; close it with ``endElement()``.
    mutating func startElement(_ name: String) throws
    /// Closes the innermost open element.
    mutating func endElement() throws
    /// Writes an attribute on the element just opened (before any content).
    mutating func attribute(_ name: String, _ value: String) throws
    /// Writes escaped character data inside the open element.
    mutating func text(_ value: String) throws
    /// Writes `<name>text</name>`.
    mutating func element(_ name: String, text: String) throws
}

extension XMLWriting where Self: ~Copyable {
    /// Writes an element whose children `body` writes.
    public mutating func element(_ name: String, _ body: (inout Self) throws -> Void) throws {
        try startElement(name)
        try body(&self)
        try endElement()
    }
}
