/// Why an XML document could not be read: libxml2's message and where in the document it stopped.
public struct XMLParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// libxml2's message, without its trailing newline.
    public var message: String
    /// The 1-based line of the problem (0 when unknown).
    public var line: Int
    /// The 1-based column of the problem (0 when unknown).
    public var column: Int
    /// libxml2's numeric error code (`xmlParserErrors`), 0 when the error is not libxml2's.
    public var code: Int

    /// Creates an error.
    public init(message: String, line: Int, column: Int, code: Int = 0) {
        self.message = message
        self.line = line
        self.column = column
        self.code = code
    }

    public var description: String {
        if line > 0 { return "line \(line), column \(column): \(message)" }
        return message
    }
}
