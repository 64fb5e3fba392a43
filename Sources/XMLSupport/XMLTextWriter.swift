import CLibXML2

/// Writes XML through libxml2's `xmlTextWriter` into memory and returns the bytes.
///
/// The reference for ``XMLByteWriter``, which writes the same bytes without libxml2.
///
/// The writer exists only inside the closure given to ``write(options:_:)``: it is non-copyable,
/// passed `inout`, and freed before `write` returns, so no libxml2 pointer outlives the synchronous
/// call. Names are checked to be XML names; text and attribute values are escaped by libxml2 after
/// characters outside the XML 1.0 `Char` range are removed (libxml2 would copy them through and
/// produce a document no parser accepts).
///
/// ```swift
/// let bytes = try XMLTextWriter.write { xml in
///     try xml.element("trials") { xml in
///         try xml.attribute("xmlns", "urn:example")
///         try xml.element("trial", text: "A & B")
///     }
/// }
/// ```
public struct XMLTextWriter: XMLWriting, ~Copyable {
    /// How the output is laid out.
    public struct Options: Sendable, Equatable {
        /// The string used for one level of indentation; `nil` writes everything without added whitespace.
        public var indentation: String?
        /// Whether to begin with `<?xml version="1.0" encoding="UTF-8"?>`; without it the output is a
        /// fragment (for example one element to append to a file).
        public var declaration: Bool

        /// Creates options; the default is compact output with an XML declaration.
        public init(indentation: String? = nil, declaration: Bool = true) {
            self.indentation = indentation
            self.declaration = declaration
        }
    }

    private let writer: OpaquePointer
    private var depth = 0

    private init(writer: OpaquePointer) { self.writer = writer }

    /// Runs `body` with a fresh writer and returns the UTF-8 bytes it wrote.
    ///
    /// Elements still open when `body` returns are closed. Each call owns its own libxml2 writer, so
    /// calls may run concurrently on different threads.
    public static func write(
        options: Options = Options(), _ body: (inout XMLTextWriter) throws -> Void
    ) throws -> [UInt8] {
        _ = LibXML.initialized
        guard let buffer = xmlBufferCreate() else { throw XMLTextWriterError.outOfMemory }
        defer { xmlBufferFree(buffer) }
        guard let handle = xmlNewTextWriterMemory(buffer, 0) else {
            throw XMLTextWriterError.outOfMemory
        }
        var writerFreed = false
        defer { if !writerFreed { xmlFreeTextWriter(handle) } }

        var xml = XMLTextWriter(writer: handle)
        try xml.begin(options)
        try body(&xml)
        try xml.finish(options)
        // Freeing the writer flushes what it still holds into the buffer.
        xmlFreeTextWriter(handle)
        writerFreed = true
        guard let content = xmlBufferContent(buffer) else { return [] }
        return Array(UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(buffer))))
    }

    /// Opens an element; close it with ``endElement()``.
    public mutating func startElement(_ name: String) throws {
        try Self.checkName(name)
        try check(
            "start element <\(name)>", name.withXMLChars { xmlTextWriterStartElement(writer, $0) })
        depth += 1
    }

    /// Closes the innermost open element.
    public mutating func endElement() throws {
        guard depth > 0 else { throw XMLTextWriterError.noOpenElement }
        try check("end element", xmlTextWriterEndElement(writer))
        depth -= 1
    }

    /// Writes `<name>text</name>`.
    public mutating func element(_ name: String, text: String) throws {
        try Self.checkName(name)
        let clean = Self.removingDisallowedCharacters(text)
        let result = name.withXMLChars { name in
            clean.withXMLChars { xmlTextWriterWriteElement(writer, name, $0) }
        }
        try check("element <\(name)>", result)
    }

    /// Writes an attribute on the element just opened (before any content).
    public mutating func attribute(_ name: String, _ value: String) throws {
        try Self.checkName(name)
        let clean = Self.removingDisallowedCharacters(value)
        let result = name.withXMLChars { name in
            clean.withXMLChars { xmlTextWriterWriteAttribute(writer, name, $0) }
        }
        try check("attribute \(name)", result)
    }

    /// Writes escaped character data inside the open element.
    public mutating func text(_ value: String) throws {
        let clean = Self.removingDisallowedCharacters(value)
        try check("text", clean.withXMLChars { xmlTextWriterWriteString(writer, $0) })
    }

    // MARK: - Characters and names

    /// `text` without the characters XML 1.0 does not allow: controls other than tab, line feed and
    /// carriage return, and U+FFFE/U+FFFF. (A Swift string holds no lone surrogates.)
    public static func removingDisallowedCharacters(_ text: String) -> String {
        var text = text
        let firstBad: Int? = text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                if disallowedLength(bytes, at: index) > 0 { return index }
                index += 1
            }
            return nil
        }
        guard let firstBad else { return text }
        return text.withUTF8 { bytes in
            var kept = Array(bytes[..<firstBad])
            kept.reserveCapacity(bytes.count)
            var index = firstBad
            while index < bytes.count {
                let skip = disallowedLength(bytes, at: index)
                if skip > 0 {
                    index += skip
                } else {
                    kept.append(bytes[index])
                    index += 1
                }
            }
            return String(decoding: kept, as: UTF8.self)
        }
    }

    /// The byte length of a disallowed character starting at `index`, or 0 when it is allowed (or is
    /// not the start of a character).
    @inline(__always)
    static func disallowedLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        if byte < 0x20 { return byte == 0x09 || byte == 0x0A || byte == 0x0D ? 0 : 1 }
        // U+FFFE and U+FFFF are EF BF BE and EF BF BF.
        if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE {
            return 3
        }
        return 0
    }

    /// Whether `name` is an XML name libxml2 will write as an element or attribute name.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && !name.utf8.contains(0)
            && name.withXMLChars { xmlValidateName($0, 0) } == 0
    }

    private static func checkName(_ name: String) throws {
        guard isValidName(name) else { throw XMLTextWriterError.invalidName(name) }
    }

    // MARK: - Document frame

    private mutating func begin(_ options: Options) throws {
        if let indentation = options.indentation {
            try check("set indent", xmlTextWriterSetIndent(writer, 1))
            try check("set indent", indentation.withXMLChars { xmlTextWriterSetIndentString(writer, $0) })
        }
        if options.declaration {
            try check("start document", xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil))
        }
    }

    private mutating func finish(_ options: Options) throws {
        if options.declaration {
            try check("end document", xmlTextWriterEndDocument(writer))
            depth = 0
        } else {
            while depth > 0 { try endElement() }
            try check("flush", xmlTextWriterFlush(writer))
        }
    }

    private func check(_ operation: String, _ result: Int32) throws {
        if result < 0 { throw XMLTextWriterError.writeFailed(operation) }
    }
}

@available(*, unavailable, message: "an XMLTextWriter wraps a libxml2 writer used by one thread")
extension XMLTextWriter: Sendable {}

/// Why ``XMLTextWriter`` could not write.
public enum XMLTextWriterError: Error, Equatable, Sendable {
    /// The element or attribute name is not an XML name.
    case invalidName(String)
    /// ``XMLTextWriter/endElement()`` was called with no element open.
    case noOpenElement
    /// libxml2 reported a failure for this operation (for example an attribute after content).
    case writeFailed(String)
    /// libxml2 could not allocate its buffer or writer.
    case outOfMemory
}

extension String {
    /// Calls `body` with the string as a NUL-terminated `xmlChar` pointer.
    fileprivate func withXMLChars<R>(_ body: (UnsafePointer<xmlChar>) throws -> R) rethrows -> R {
        try withCString { try body(UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
    }
}
