/// Why a dictionary file could not be read, with the file and line at fault.
public struct DrugDictionaryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, in kind.
    public enum Code: String, Sendable, Equatable {
        /// The file could not be read (missing, unreadable, not UTF-8).
        case unreadableFile
        /// The first non-comment line is neither the drugs header nor the regimens header.
        case unknownHeader
        /// A line does not have the header's four tab-separated columns.
        case wrongColumnCount
        /// A required value is empty or badly written.
        case invalidValue
        /// The same name appears twice in one file.
        case duplicateName
        /// The bundled dictionary is missing from the build.
        case missingResource
    }

    /// What went wrong, in kind.
    public var code: Code
    /// The file (a path, or a label for in-memory text).
    public var file: String
    /// The 1-based line, or nil when the error concerns the whole file.
    public var line: Int?
    /// What is wrong and how to fix it.
    public var message: String

    /// Creates an error.
    public init(code: Code, file: String, line: Int? = nil, message: String) {
        self.code = code
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: message`, the form editors and compilers use.
    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}
