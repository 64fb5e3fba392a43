import CLibXML2

/// One problem libxml2 reported while reading a schema, parsing a document or validating it.
public struct XMLDiagnostic: Sendable, Equatable, CustomStringConvertible {
    /// Which step found the problem.
    public enum Stage: String, Sendable, Equatable {
        /// The schema itself is not a usable XSD.
        case schema
        /// The document is not well-formed XML.
        case parse
        /// The document is well-formed but breaks the schema.
        case validation
    }

    /// Which step found the problem.
    public var stage: Stage
    /// The 1-based line in the document (or schema), or 0 when libxml2 gave none.
    public var line: Int
    /// libxml2's message, without its trailing newline.
    public var message: String

    /// Creates a diagnostic.
    public init(stage: Stage, line: Int, message: String) {
        self.stage = stage
        self.line = line
        self.message = message
    }

    /// `line N: message` (or just the message when the line is unknown).
    public var description: String { line > 0 ? "line \(line): \(message)" : message }
}

/// The schema given to ``XMLSchemaValidator`` could not be compiled.
public struct XMLSchemaError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What libxml2 reported about the schema.
    public var diagnostics: [XMLDiagnostic]

    /// A summary of every diagnostic, one per line.
    public var description: String {
        "invalid XML schema:\n" + diagnostics.map(\.description).joined(separator: "\n")
    }
}

/// Validates XML documents against an XSD 1.0 schema with libxml2.
///
/// The validator holds only the schema's bytes, so it is `Sendable` and may be shared freely: every
/// ``validate(_:)`` call compiles the schema, parses the document and validates it with libxml2 objects
/// of its own, freed before it returns. Documents are parsed with `XML_PARSE_NONET` and without entity
/// substitution or DTD loading, and the schema cannot load anything either (the process-wide entity
/// loader refuses all), so neither may include or import other files.
public struct XMLSchemaValidator: Sendable {
    /// The XSD's bytes.
    public let schema: [UInt8]

    /// Creates a validator for `schema`, checking that it compiles.
    /// - Throws: ``XMLSchemaError`` with libxml2's messages when it does not.
    public init(schema: [UInt8]) throws {
        self.schema = schema
        let diagnostics = Self.withCompiledSchema(schema) { _ in [] }
        if !diagnostics.isEmpty { throw XMLSchemaError(diagnostics: diagnostics) }
    }

    /// Every problem in `document`: parse errors if it is not well-formed, else schema violations.
    /// An empty result means the document is valid.
    public func validate(_ document: [UInt8]) -> [XMLDiagnostic] {
        Self.withCompiledSchema(schema) { compiled in
            Self.validate(document, against: compiled)
        }
    }

    /// Whether `document` is well-formed and valid.
    public func isValid(_ document: [UInt8]) -> Bool { validate(document).isEmpty }

    // MARK: - libxml2 steps, each within one synchronous call

    /// Compiles the schema and runs `body` with it; returns the schema's own errors instead when it
    /// does not compile.
    private static func withCompiledSchema(
        _ schema: [UInt8], _ body: (xmlSchemaPtr) -> [XMLDiagnostic]
    ) -> [XMLDiagnostic] {
        _ = LibXML.schemaTypesInitialized
        let collector = DiagnosticCollector(stage: .schema)
        return withExtendedLifetime(collector) {
            let parsed: xmlSchemaPtr? = schema.withUnsafeBytes { raw in
                guard let base = raw.baseAddress, let count = Int32(exactly: raw.count),
                    let parser = xmlSchemaNewMemParserCtxt(base.assumingMemoryBound(to: CChar.self), count)
                else { return nil }
                defer { xmlSchemaFreeParserCtxt(parser) }
                xmlSchemaSetParserStructuredErrors(parser, collectDiagnostic, collector.context)
                return xmlSchemaParse(parser)
            }
            guard let compiled = parsed else {
                if collector.diagnostics.isEmpty {
                    collector.diagnostics.append(
                        XMLDiagnostic(stage: .schema, line: 0, message: "schema not compiled"))
                }
                return collector.diagnostics
            }
            defer { xmlSchemaFree(compiled) }
            return body(compiled)
        }
    }

    /// Parses `document` safely and validates it against a compiled schema.
    private static func validate(_ document: [UInt8], against schema: xmlSchemaPtr)
        -> [XMLDiagnostic]
    {
        let collector = DiagnosticCollector(stage: .parse)
        return withExtendedLifetime(collector) {
            guard let parser = xmlNewParserCtxt() else {
                return [XMLDiagnostic(stage: .parse, line: 0, message: "out of memory")]
            }
            defer { xmlFreeParserCtxt(parser) }
            let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue)
            // Parse errors reach the thread's structured handler; set and restore it within this call.
            xmlSetStructuredErrorFunc(collector.context, collectDiagnostic)
            let doc: xmlDocPtr? = document.withUnsafeBytes { raw in
                guard let count = Int32(exactly: raw.count) else { return nil }
                let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self)
                return xmlCtxtReadMemory(parser, base, count, "document.xml", nil, options)
            }
            xmlSetStructuredErrorFunc(nil, nil)
            guard let doc, parser.pointee.wellFormed != 0 else {
                if let doc { xmlFreeDoc(doc) }
                if collector.diagnostics.isEmpty {
                    collector.diagnostics.append(
                        XMLDiagnostic(stage: .parse, line: 0, message: "not well-formed"))
                }
                return collector.diagnostics
            }
            defer { xmlFreeDoc(doc) }
            guard let validation = xmlSchemaNewValidCtxt(schema) else {
                return [XMLDiagnostic(stage: .validation, line: 0, message: "out of memory")]
            }
            defer { xmlSchemaFreeValidCtxt(validation) }
            collector.stage = .validation
            xmlSchemaSetValidStructuredErrors(validation, collectDiagnostic, collector.context)
            let result = xmlSchemaValidateDoc(validation, doc)
            if result != 0 && collector.diagnostics.isEmpty {
                collector.diagnostics.append(
                    XMLDiagnostic(stage: .validation, line: 0, message: "validation failed (code \(result))"))
            }
            return collector.diagnostics
        }
    }
}

/// Gathers libxml2's structured errors during one call; reached through an unretained pointer.
private final class DiagnosticCollector {
    var stage: XMLDiagnostic.Stage
    var diagnostics: [XMLDiagnostic] = []

    init(stage: XMLDiagnostic.Stage) { self.stage = stage }

    /// The pointer handed to libxml2; valid while the collector is alive.
    var context: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }
}

/// libxml2's structured-error callback: copies the message and line of an error (warnings are
/// dropped) out of the reused `xmlError`.
private let collectDiagnostic: xmlStructuredErrorFunc = { context, error in
    guard let context, let error, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else {
        return
    }
    let collector = Unmanaged<DiagnosticCollector>.fromOpaque(context).takeUnretainedValue()
    let message = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
    var trimmed = Substring(message)
    while let last = trimmed.last, last.isNewline || last == " " { trimmed.removeLast() }
    collector.diagnostics.append(
        XMLDiagnostic(stage: collector.stage, line: Int(error.pointee.line), message: String(trimmed)))
}
