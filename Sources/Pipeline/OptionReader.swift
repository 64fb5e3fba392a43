import Foundation

/// Reads one stage's or sink's options from its mapping in the pipeline file, with exact positions in every
/// error.
///
/// A plugin reads each option it declared (``OptionSpec``) with ``read(_:)``; ``finish()`` then rejects any
/// key it did not read, naming the closest declared key. Paths are resolved against ``baseDirectory``.
public struct OptionReader {
    /// The pipeline file, for error positions.
    public let file: String
    /// The folder relative paths are resolved against.
    public let baseDirectory: String
    /// What the mapping configures, e.g. `sink 'jsonl'`, for messages.
    public let subject: String
    private let mapping: ConfigNode.Mapping
    private let mark: ConfigNode.Mark?
    private let known: [String]
    private var read: Set<String> = ["type"]

    /// Creates a reader over a mapping node whose declared options are `declared`.
    public init(
        mapping: ConfigNode.Mapping, file: String, baseDirectory: String, subject: String,
        declared: [any OptionDeclaration]
    ) {
        self.init(
            mapping: mapping, file: file, baseDirectory: baseDirectory, subject: subject,
            known: declared.map(\.name))
    }

    /// Creates a reader over a mapping node whose known keys are `known`.
    public init(mapping: ConfigNode.Mapping, file: String, baseDirectory: String, subject: String, known: [String]) {
        self.mapping = mapping
        self.file = file
        self.baseDirectory = baseDirectory
        self.subject = subject
        self.mark = mapping.mark
        self.known = known
    }

    /// An error positioned at a key's value (or at the mapping when the key is absent).
    public func error(at key: String?, _ message: String) -> PipelineConfigError {
        let node = key.flatMap { mapping[$0] }
        let position = node?.mark ?? mark
        return PipelineConfigError(
            file: file, line: position?.line ?? 0, column: position?.column ?? 0, message: message)
    }

    /// Marks keys as handled elsewhere, so ``finish()`` accepts them.
    public mutating func markRead(_ keys: String...) { read.formUnion(keys) }

    /// Marks a list of keys as handled.
    public mutating func markRead(_ keys: [String]) { read.formUnion(keys) }

    /// Whether the key is present.
    public func contains(_ key: String) -> Bool { mapping[key] != nil }

    /// A declared option's value: the typed value when given, its default when not, and an error naming an
    /// example when a required option is missing.
    public mutating func read<Value>(_ spec: OptionSpec<Value>) throws(PipelineConfigError) -> Value {
        assert(known.contains(spec.name), "\(subject) reads option '\(spec.name)' without declaring it")
        if let value = try spec.parse(&self, spec.name) { return value }
        switch spec.absence {
        case .value(let value):
            return value
        case .required(let example):
            throw error(at: nil, "\(subject) needs option '\(spec.name)', e.g. `\(spec.name): \(example)`")
        }
    }

    /// A path as written in the pipeline file, resolved against the base directory.
    package func resolve(_ path: String) -> String { PathResolution.resolve(path, against: baseDirectory) }

    private mutating func scalar(_ key: String, expected: String) throws(PipelineConfigError) -> String? {
        read.insert(key)
        guard let node = mapping[key] else { return nil }
        guard case .scalar(let scalar) = node else {
            throw error(at: key, "\(subject): option '\(key)' must be \(expected), not a \(node.kindName)")
        }
        if scalar.isPlain, ["~", "null", "Null", "NULL", ""].contains(scalar.string) { return nil }
        return scalar.string
    }

    /// A string option.
    package mutating func string(_ key: String) throws(PipelineConfigError) -> String? {
        try scalar(key, expected: "a string")
    }

    /// A path option, resolved against the base directory.
    package mutating func path(_ key: String) throws(PipelineConfigError) -> String? {
        guard let value = try string(key) else { return nil }
        return PathResolution.resolve(value, against: baseDirectory)
    }

    /// An integer option within bounds.
    package mutating func integer(_ key: String, in range: ClosedRange<Int>) throws(PipelineConfigError) -> Int? {
        guard let text = try scalar(key, expected: "a whole number") else { return nil }
        guard let value = Int(text.replacingOccurrences(of: "_", with: "")) else {
            throw error(at: key, "\(subject): option '\(key)' must be a whole number, not '\(text)'")
        }
        guard range.contains(value) else {
            throw error(
                at: key,
                "\(subject): option '\(key)' must be from \(range.lowerBound) to \(range.upperBound), not \(value)")
        }
        return value
    }

    /// A number option (seconds, ratios) within bounds.
    package mutating func number(_ key: String, in range: ClosedRange<Double>) throws(PipelineConfigError) -> Double? {
        guard let text = try scalar(key, expected: "a number") else { return nil }
        guard let value = Double(text) else {
            throw error(at: key, "\(subject): option '\(key)' must be a number, not '\(text)'")
        }
        guard range.contains(value) else {
            throw error(
                at: key,
                "\(subject): option '\(key)' must be from \(range.lowerBound) to \(range.upperBound), not \(value)")
        }
        return value
    }

    /// A boolean option (`true`/`false`, `yes`/`no`).
    package mutating func boolean(_ key: String) throws(PipelineConfigError) -> Bool? {
        guard let text = try scalar(key, expected: "true or false") else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error(at: key, "\(subject): option '\(key)' must be true or false, not '\(text)'")
        }
    }

    /// One of a fixed set of words.
    package mutating func choice(_ key: String, among choices: [String]) throws(PipelineConfigError) -> String? {
        guard let text = try scalar(key, expected: "one of \(choices.joined(separator: ", "))") else { return nil }
        guard choices.contains(text) else {
            throw error(
                at: key, "\(subject): option '\(key)' must be one of \(choices.joined(separator: ", ")), not '\(text)'")
        }
        return text
    }

    /// A list of strings; a single string is accepted as a list of one.
    package mutating func stringList(_ key: String) throws(PipelineConfigError) -> [String]? {
        read.insert(key)
        guard let node = mapping[key] else { return nil }
        switch node {
        case .scalar(let scalar):
            return [scalar.string]
        case .list(let list):
            var values: [String] = []
            for item in list.items {
                guard case .scalar(let scalar) = item else {
                    let position = item.mark
                    throw PipelineConfigError(
                        file: file, line: position?.line ?? 0, column: position?.column ?? 0,
                        message: "\(subject): every item of '\(key)' must be a string, not a \(item.kindName)")
                }
                values.append(scalar.string)
            }
            return values
        default:
            throw error(at: key, "\(subject): option '\(key)' must be a list of strings, not a \(node.kindName)")
        }
    }

    /// Rejects any key that was not read, suggesting the closest known one.
    public func finish() throws(PipelineConfigError) {
        for key in mapping.keys {
            guard let name = key.string, !read.contains(name) else { continue }
            let position = key.mark
            var message = "\(subject) has no option '\(name)'"
            if let suggestion = Suggestion.closest(to: name, among: known) {
                message += "; did you mean '\(suggestion)'?"
            } else if known.isEmpty {
                message += "; it takes no options"
            } else {
                message += " (it takes: \(known.joined(separator: ", ")))"
            }
            throw PipelineConfigError(
                file: file, line: position?.line ?? 0, column: position?.column ?? 0, message: message)
        }
    }
}
