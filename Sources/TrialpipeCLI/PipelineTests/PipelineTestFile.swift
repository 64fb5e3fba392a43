import Foundation
import Pipeline
import Yams

/// Reads the tests declared for a pipeline: the `tests:` list of a pipeline file, or of a tests file beside
/// it (`NAME.tests.yaml` for `NAME.yaml`). Every problem is a ``PipelineConfigError`` at its line and column.
///
/// ```yaml
/// tests:
///   - name: an overview page
///     input:
///       name: overview.txt          # optional; the file name the document has in the inbox
///       text: |                     # or `path: documents/page.txt`, relative to this file
///         Overview
///         A Study of Cetuximab in Colorectal Cancer
///     record: 0                     # optional; which record of the document (default the first)
///     expect:
///       briefTitle: A Study of Cetuximab in Colorectal Cancer
///       drugs.name: [cetuximab]
///       conditions#: 1
/// ```
enum PipelineTestFile {
    /// The tests file that belongs beside a pipeline file (`Pipelines/x.yaml` → `Pipelines/x.tests.yaml`).
    static func besideFile(for pipelineFile: String) -> String {
        let ext = (pipelineFile as NSString).pathExtension
        return (pipelineFile as NSString).deletingPathExtension + ".tests." + (ext.isEmpty ? "yaml" : ext)
    }

    /// Whether a file name is a tests file (`*.tests.yaml` or `*.tests.yml`).
    static func isTestsFile(_ file: String) -> Bool {
        file.hasSuffix(".tests.yaml") || file.hasSuffix(".tests.yml")
    }

    /// The pipeline file a tests file belongs to (`x.tests.yaml` → `x.yaml`).
    static func pipelineFile(forTestsFile file: String) -> String {
        let ext = (file as NSString).pathExtension
        return String(file.dropLast(ext.count + ".tests.".count)) + "." + ext
    }

    private static let testKeys = ["name", "input", "record", "expect"]
    private static let inputKeys = ["text", "path", "name"]

    /// The tests declared in `file` under `tests:`; an empty list when the file declares none.
    /// - Parameter required: whether the file must have a `tests:` list (a tests file must).
    static func read(file: String, required: Bool) throws(PipelineConfigErrors) -> [PipelineTestCase] {
        func fail(_ line: Int, _ column: Int, _ message: String) -> PipelineConfigErrors {
            PipelineConfigErrors([PipelineConfigError(file: file, line: line, column: column, message: message)])
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw fail(0, 0, "cannot read the tests file (does it exist, and may trialpipe read it?)")
        }
        let root: Node?
        do { root = try Yams.compose(yaml: String(decoding: data, as: UTF8.self)) } catch let error as YamlError {
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
                .composer(_, let problem, let mark, _):
                throw fail(mark.line, mark.column, problem + " (YAML syntax: check the indentation and the quotes)")
            default: throw fail(0, 0, "cannot read YAML: \(error)")
            }
        } catch {
            throw fail(0, 0, "cannot read YAML: \(error)")
        }
        guard case .mapping(let top)? = root else {
            if required { throw fail(1, 1, "a tests file is a mapping with a `tests:` list") }
            return []
        }
        guard let list = top["tests"] else {
            if required {
                throw fail(
                    top.mark?.line ?? 1, top.mark?.column ?? 1,
                    "this tests file has no `tests:` list; add one, e.g. `tests: [{name: t, input: {text: ...}, "
                        + "expect: {nctId: NCT01234567}}]`")
            }
            return []
        }
        guard case .sequence(let entries) = list else {
            throw fail(
                list.mark?.line ?? 0, list.mark?.column ?? 0,
                "`tests:` must be a list of tests, each with `input:` and `expect:`")
        }
        var cases: [PipelineTestCase] = []
        var errors: [PipelineConfigError] = []
        for (index, entry) in entries.enumerated() {
            do {
                cases.append(try readCase(entry, index: index, file: file))
            } catch {
                errors.append(error)
            }
        }
        if !errors.isEmpty { throw PipelineConfigErrors(errors) }
        return cases
    }

    private static func position(_ node: Node?, _ file: String, _ message: String) -> PipelineConfigError {
        PipelineConfigError(file: file, line: node?.mark?.line ?? 0, column: node?.mark?.column ?? 0, message: message)
    }

    private static func checkKeys(_ mapping: Node.Mapping, known: [String], in subject: String, file: String)
        throws(PipelineConfigError)
    {
        for (key, _) in mapping {
            let name = key.string ?? ""
            if !known.contains(name) {
                var message = "unknown key '\(name)' in \(subject)"
                if let suggestion = Suggestion.closest(to: name, among: known) {
                    message += "; did you mean '\(suggestion)'?"
                }
                message += " (known: \(known.joined(separator: ", ")))"
                throw position(key, file, message)
            }
        }
    }

    private static func readCase(_ entry: Node, index: Int, file: String) throws(PipelineConfigError)
        -> PipelineTestCase
    {
        guard case .mapping(let mapping) = entry else {
            throw position(entry, file, "each test is a mapping with `input:` and `expect:`")
        }
        try checkKeys(mapping, known: testKeys, in: "a test", file: file)
        let name = mapping["name"]?.string ?? "test \(index + 1)"
        guard let inputNode = mapping["input"] else {
            throw position(
                entry, file, "test '\(name)' has no `input:`; give `input: {text: ...}` or `input: {path: FILE}`")
        }
        guard case .mapping(let input) = inputNode else {
            throw position(inputNode, file, "`input:` of test '\(name)' must be a mapping with `text:` or `path:`")
        }
        try checkKeys(input, known: inputKeys, in: "the input of test '\(name)'", file: file)
        let bytes: [UInt8]
        var documentName: String
        switch (input["text"], input["path"]) {
        case (let text?, nil):
            guard let string = text.string else { throw position(text, file, "`text:` must be the document's text") }
            bytes = Array(string.utf8)
            documentName = "test-\(index + 1).txt"
        case (nil, let pathNode?):
            guard let path = pathNode.string, !path.isEmpty else {
                throw position(pathNode, file, "`path:` must name a document file")
            }
            let folder = (file as NSString).deletingLastPathComponent
            let full = path.hasPrefix("/") ? path : (folder.isEmpty ? "." : folder) + "/" + path
            guard let data = FileManager.default.contents(atPath: full) else {
                throw position(
                    pathNode, file,
                    "cannot read \(path) (looked for \(full)); a relative `path:` is read from the tests file's folder")
            }
            bytes = Array(data)
            documentName = (path as NSString).lastPathComponent
        case (.some(let text), .some):
            throw position(text, file, "test '\(name)' gives both `text:` and `path:`; keep one")
        case (nil, nil):
            throw position(inputNode, file, "the input of test '\(name)' needs `text:` (the document) or `path:`")
        }
        if let nameNode = input["name"] {
            guard let given = nameNode.string, !given.isEmpty, !given.contains("/") else {
                throw position(nameNode, file, "`name:` is a file name without folders, e.g. `name: page.html`")
            }
            documentName = given
        }
        var recordIndex = 0
        if let recordNode = mapping["record"] {
            guard let value = try jsonValue(recordNode, file: file) as? Int, value >= 0 else {
                throw position(recordNode, file, "`record:` is the index of a record of the document: 0, 1, …")
            }
            recordIndex = value
        }
        guard let expectNode = mapping["expect"] else {
            throw position(entry, file, "test '\(name)' has no `expect:`; list the record fields it must have")
        }
        guard case .mapping(let expect) = expectNode, !expect.isEmpty else {
            throw position(
                expectNode, file, "`expect:` must map record fields to values, e.g. `expect: {nctId: NCT01234567}`")
        }
        var expectations: [PipelineTestCase.Expectation] = []
        for (keyNode, valueNode) in expect {
            guard let key = keyNode.string, !key.isEmpty else {
                throw position(keyNode, file, "an `expect:` key must be a record field path such as `briefTitle`")
            }
            let value = try jsonValue(valueNode, file: file)
            try checkSyntax(key: key, value: value, node: keyNode, file: file)
            expectations.append(
                .init(key: key, value: value, line: keyNode.mark?.line ?? 0, column: keyNode.mark?.column ?? 0))
        }
        return PipelineTestCase(
            name: name, file: file, line: entry.mark?.line ?? 0, column: entry.mark?.column ?? 0,
            documentName: documentName, bytes: bytes, recordIndex: recordIndex, expectations: expectations)
    }

    /// Checks what the key syntax needs of a value: `#` a count, `^` and `~` text, `~` a valid pattern.
    private static func checkSyntax(key: String, value: Any, node: Node, file: String) throws(PipelineConfigError) {
        if key.hasSuffix("#"), !(value is Int) {
            throw position(node, file, "`\(key)` counts items: its value must be a whole number, e.g. `\(key): 2`")
        }
        if key.hasSuffix("^"), !(value is String) {
            throw position(node, file, "`\(key)` checks how a value starts: give the start as text")
        }
        if key.hasSuffix("~") {
            guard let pattern = value as? String, (try? NSRegularExpression(pattern: pattern)) != nil else {
                throw position(node, file, "`\(key)` needs a valid regular expression as its value")
            }
        }
        if key.hasSuffix("]") {
            guard let open = key.lastIndex(of: "["),
                Int(key[key.index(after: open)..<key.index(before: key.endIndex)]) != nil
            else {
                throw position(node, file, "`\(key)`: an item index is a whole number in brackets, e.g. `phases[0]`")
            }
        }
    }

    /// A YAML value as the JSON-like value the checker compares: an unquoted scalar that reads as null, a
    /// boolean or a number is one; anything else (and anything quoted) is text.
    private static func jsonValue(_ node: Node, file: String) throws(PipelineConfigError) -> Any {
        switch node {
        case .scalar(let scalar):
            guard scalar.style == .plain else { return scalar.string }
            if node.null != nil { return NSNull() }
            if let value = node.bool { return value }
            if let value = node.int { return value }
            if let value = node.float { return value }
            return scalar.string
        case .sequence(let sequence):
            var items: [Any] = []
            for item in sequence { items.append(try jsonValue(item, file: file)) }
            return items
        case .mapping(let mapping):
            var object: [String: Any] = [:]
            for (key, value) in mapping {
                guard let name = key.string else { throw position(key, file, "a mapping key must be text") }
                object[name] = try jsonValue(value, file: file)
            }
            return object
        case .alias:
            throw position(node, file, "YAML aliases are not supported in tests; write the value out")
        }
    }
}
