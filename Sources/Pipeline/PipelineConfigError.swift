/// A problem in a pipeline file, located at its file, line and column.
///
/// Printed as `FILE:LINE:COLUMN: message`, the form editors and CI logs link to.
public struct PipelineConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The pipeline file.
    public var file: String
    /// 1-based line, or 0 when the problem concerns the whole file.
    public var line: Int
    /// 1-based column, or 0 when the problem concerns the whole file.
    public var column: Int
    /// What is wrong and how to fix it.
    public var message: String

    /// Creates an error at a position.
    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(file):\(line):\(column): \(message)" }
}

/// Several pipeline-file problems found in one pass, so users can fix them all at once.
public struct PipelineConfigErrors: Error, Sendable, CustomStringConvertible {
    /// Every problem found, in file order.
    public var errors: [PipelineConfigError]

    /// Wraps a list of problems.
    public init(_ errors: [PipelineConfigError]) { self.errors = errors }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
