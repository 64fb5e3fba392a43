public import TrialpipeErrors

extension XMLParseError: DescribedError {
    public var errorCode: TrialpipeError.Code { .malformedXML }
    public var errorMessage: String { "the XML is not well-formed: \(description)" }
}

extension XMLSchemaError: DescribedError {
    public var errorCode: TrialpipeError.Code { .invalidXMLSchema }
    public var errorMessage: String { description + "\nfix the schema so that libxml2 compiles it" }
}

extension XMLTextWriterError: DescribedError {
    public var errorCode: TrialpipeError.Code { .xmlWrite }

    public var errorMessage: String {
        switch self {
        case .invalidName(let name):
            "'\(name)' is not an XML name; element and attribute names start with a letter or '_'"
        case .noOpenElement:
            "an element was closed with none open; close each element once, after its content"
        case .writeFailed(let operation):
            "libxml2 could not write the \(operation); write attributes before an element's content"
        case .outOfMemory:
            "libxml2 could not allocate its writer; free memory and try again"
        }
    }
}
