import Foundation
public import Pipeline
import Yams

/// Reads pipeline files: environment interpolation, YAML with positions, every plugin's own options,
/// and the checks that span files (two pipelines may not share an inbox or a state folder).
public struct PipelineLoader: Sendable {
    /// The plugin types pipeline files may name.
    public var registry: PluginRegistry
    /// The environment for `${NAME}` interpolation and for plugins.
    public var environment: [String: String]
    /// The folder relative paths are resolved against (the working directory).
    public var baseDirectory: String
    /// The default number of documents processed at once.
    public var defaultConcurrency: Int

    /// Creates a loader.
    public init(
        registry: PluginRegistry, environment: [String: String]? = nil, baseDirectory: String? = nil,
        defaultConcurrency: Int? = nil
    ) {
        self.registry = registry
        self.environment = environment ?? ProcessInfo.processInfo.environment
        self.baseDirectory = baseDirectory ?? FileManager.default.currentDirectoryPath
        self.defaultConcurrency = max(1, defaultConcurrency ?? PipelineSpec.defaultConcurrency)
    }

    private static let nameOption = OptionSpec.string("name", required: "trials", "names the pipeline")
    private static let stateOption = OptionSpec.path(
        "state", default: "Outbox/.trialpipe", "where the pipeline keeps its ledger and corpus index")
    private static let concurrencyOption = OptionSpec.integer(
        "concurrency", in: 1...256, shown: "the number of cores", "documents processed at once")
    private static let topLevelKeys =
        [nameOption.name, "source", "stages", "sinks", stateOption.name, concurrencyOption.name, "tests"]

    /// Reads several pipeline files and checks them together; collects every problem before throwing.
    public func load(files: [String]) throws(PipelineConfigErrors) -> [PipelineSpec] {
        var specs: [PipelineSpec] = []
        var errors: [PipelineConfigError] = []
        var inboxOwners: [String: String] = [:]
        var stateOwners: [String: String] = [:]
        var names: [String: String] = [:]
        var written: [(resource: SinkResource, owner: String)] = []
        for file in files {
            do {
                let loaded = try loadOne(file: file)
                let spec = loaded.spec
                if let other = names[spec.name] {
                    errors.append(
                        loaded.position(
                            of: .name,
                            "pipeline name '\(spec.name)' is already used by \(other); give each pipeline its own name")
                    )
                }
                if let other = inboxOwners[spec.source.inbox] {
                    errors.append(
                        loaded.position(
                            of: .inbox,
                            "inbox \(spec.source.inbox) is already the inbox of \(other); two pipelines may not share "
                                + "one inbox (give this pipeline its own folder)"))
                }
                if let other = stateOwners[spec.stateDirectory] {
                    errors.append(
                        loaded.position(
                            of: .state,
                            "state folder \(spec.stateDirectory) is already used by \(other); give this pipeline its "
                                + "own `state:` folder"))
                }
                for (index, sink) in spec.sinks.enumerated() {
                    for resource in sink.resources {
                        if let clash = written.first(where: { $0.resource.conflicts(with: resource) }) {
                            errors.append(
                                loaded.position(
                                    ofSink: index,
                                    "sink '\(sink.name)' writes \(resource), which \(clash.owner) already writes "
                                        + "(\(clash.resource)); two sinks may not share a file or folder, as one's "
                                        + "crash recovery would cut the other's records: give this sink its own path"))
                        }
                        written.append((resource, "sink '\(sink.name)' of \(file)"))
                    }
                }
                names[spec.name] = names[spec.name] ?? file
                inboxOwners[spec.source.inbox] = inboxOwners[spec.source.inbox] ?? file
                stateOwners[spec.stateDirectory] = stateOwners[spec.stateDirectory] ?? file
                specs.append(spec)
            } catch {
                errors.append(contentsOf: error.errors)
            }
        }
        if !errors.isEmpty { throw PipelineConfigErrors(errors) }
        return specs
    }

    /// Reads one pipeline file.
    public func load(file: String) throws(PipelineConfigErrors) -> PipelineSpec {
        try loadOne(file: file).spec
    }

    private struct Loaded {
        enum Anchor { case name, inbox, state }
        var spec: PipelineSpec
        var file: String
        var marks: [Anchor: ConfigNode.Mark]
        /// Where each sink names its output (its `path:` or `file:`, else the sink itself), in sink order.
        var sinkMarks: [ConfigNode.Mark?]
        func position(of anchor: Anchor, _ message: String) -> PipelineConfigError {
            let mark = marks[anchor]
            return PipelineConfigError(file: file, line: mark?.line ?? 0, column: mark?.column ?? 0, message: message)
        }
        func position(ofSink index: Int, _ message: String) -> PipelineConfigError {
            let mark = index < sinkMarks.count ? sinkMarks[index] : nil
            return PipelineConfigError(file: file, line: mark?.line ?? 0, column: mark?.column ?? 0, message: message)
        }
    }

    /// The largest pipeline file read (a pipeline file is a few hundred bytes; this guards against a wrong path).
    static let maxFileBytes = 4 * 1_048_576

    private func loadOne(file: String) throws(PipelineConfigErrors) -> Loaded {
        func fail(_ line: Int, _ column: Int, _ message: String) -> PipelineConfigErrors {
            PipelineConfigErrors([PipelineConfigError(file: file, line: line, column: column, message: message)])
        }
        let bytes: [UInt8]
        do { bytes = try ConfigFileReader.read(file, limit: Self.maxFileBytes) } catch {
            switch error {
            case .unreadable(let reason):
                throw fail(0, 0, "cannot read the pipeline file (\(reason)): does it exist, and may trialpipe read it?")
            case .tooLarge(let limit):
                throw fail(0, 0, "the pipeline file is over \(limit / 1_048_576) MiB: is it the right file?")
            }
        }
        guard let raw = String(validating: bytes, as: UTF8.self) else {
            throw fail(0, 0, "the pipeline file is not UTF-8 text")
        }
        let text: String
        do { text = try EnvironmentInterpolation.apply(raw, environment: environment, file: file) } catch {
            throw PipelineConfigErrors([error])
        }
        let root: ConfigNode
        do {
            guard let composed = try Yams.compose(yaml: text) else {
                throw fail(1, 1, "the pipeline file is empty; it needs name, source, stages and sinks")
            }
            root = ConfigNode(yaml: composed)
        } catch let error as PipelineConfigErrors {
            throw error
        } catch let error as YamlError {
            throw PipelineConfigErrors([Self.describe(error, file: file)])
        } catch {
            throw fail(0, 0, "cannot read YAML: \(error)")
        }
        do {
            return try build(root: root, file: file)
        } catch {
            throw PipelineConfigErrors([error])
        }
    }

    static func describe(_ error: YamlError, file: String) -> PipelineConfigError {
        let hint =
            " (YAML syntax: check the indentation, that every `key: value` has a space after the colon, and "
            + "that brackets and quotes are closed)"
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            var message = problem
            if let context { message += " " + context.text + " at line \(context.mark.line)" }
            return PipelineConfigError(file: file, line: mark.line, column: mark.column, message: message + hint)
        default:
            return PipelineConfigError(file: file, line: 0, column: 0, message: "\(error)" + hint)
        }
    }

    private func build(root: ConfigNode, file: String) throws(PipelineConfigError) -> Loaded {
        guard case .mapping(let top) = root else {
            throw PipelineConfigError(
                file: file, line: root.mark?.line ?? 1, column: root.mark?.column ?? 1,
                message: "a pipeline file is a mapping with name, source, stages and sinks")
        }
        var marks: [Loaded.Anchor: ConfigNode.Mark] = [:]
        var reader = OptionReader(
            mapping: top, file: file, baseDirectory: baseDirectory, subject: "the pipeline", known: Self.topLevelKeys)
        let name = try reader.read(Self.nameOption)
        marks[.name] = top["name"]?.mark
        guard name.utf8.allSatisfy({ ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }) else {
            throw reader.error(at: "name", "pipeline name '\(name)' may use only a-z, 0-9 and '-', e.g. `name: trials`")
        }
        let environment = PluginEnvironment(pipeline: name, baseDirectory: baseDirectory, variables: self.environment)

        guard let sourceNode = top["source"] else {
            throw reader.error(at: nil, "the pipeline needs a `source:` (e.g. `source: {type: inbox, path: Inbox}`)")
        }
        guard case .mapping(let sourceMapping) = sourceNode else {
            throw reader.error(at: "source", "`source:` must be a mapping with `type: inbox` and `path:`")
        }
        var source = try readSource(sourceMapping, file: file)
        marks[.inbox] = sourceMapping["path"]?.mark ?? sourceMapping.mark

        let stages = try readList(
            top, key: "stages", file: file, required: false,
            types: registry.stages.mapValues { ($0.options.map(\.name), $0.make) },
            kind: "stage", environment: environment)
        let sinks = try readList(
            top, key: "sinks", file: file, required: true,
            types: registry.sinks.mapValues { ($0.options.map(\.name), $0.make) },
            kind: "sink", environment: environment)
        reader.markRead("stages", "sinks", "source", "tests")

        let state = try reader.read(Self.stateOption)
        marks[.state] = top["state"]?.mark ?? top.mark
        let concurrency = try reader.read(Self.concurrencyOption) ?? defaultConcurrency
        try reader.finish()
        if source.processedDirectory.isEmpty { source.processedDirectory = source.inbox + "/.processed" }
        let spec = PipelineSpec(
            name: name, file: file, source: source, stages: stages.map(\.item), sinks: sinks.map(\.item),
            stateDirectory: state, concurrency: concurrency)
        return Loaded(spec: spec, file: file, marks: marks, sinkMarks: sinks.map(\.mark))
    }

    private func readSource(_ mapping: ConfigNode.Mapping, file: String) throws(PipelineConfigError) -> SourceSpec {
        var reader = OptionReader(
            mapping: mapping, file: file, baseDirectory: baseDirectory, subject: "source 'inbox'",
            declared: InboxSourceOptions.all)
        return try InboxSourceOptions.read(&reader)
    }

    private func readList<Item>(
        _ top: ConfigNode.Mapping, key: String, file: String, required: Bool,
        types: [String: (
            [String], @Sendable (inout OptionReader, PluginEnvironment) throws(PipelineConfigError) -> Item
        )],
        kind: String, environment: PluginEnvironment
    ) throws(PipelineConfigError) -> [(item: Item, mark: ConfigNode.Mark?)] {
        let example = kind == "sink" ? "`- type: jsonl` with `path: Outbox/trials.jsonl`" : "`- type: extract`"
        guard let node = top[key] else {
            if required {
                throw PipelineConfigError(
                    file: file, line: top.mark?.line ?? 1, column: top.mark?.column ?? 1,
                    message: "the pipeline needs at least one \(kind) under `\(key):`, e.g. \(example)")
            }
            return []
        }
        guard case .list(let list) = node else {
            throw PipelineConfigError(
                file: file, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0,
                message: "`\(key):` must be a list of \(kind)s, each a mapping such as \(example)")
        }
        let sequence = list.items
        if required, sequence.isEmpty {
            throw PipelineConfigError(
                file: file, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0,
                message: "`\(key):` is empty; a pipeline needs at least one \(kind), e.g. \(example)")
        }
        var items: [(item: Item, mark: ConfigNode.Mark?)] = []
        for item in sequence {
            guard case .mapping(let mapping) = item else {
                throw PipelineConfigError(
                    file: file, line: item.mark?.line ?? 0, column: item.mark?.column ?? 0,
                    message: "each \(kind) is a mapping with a `type:`, e.g. \(example)")
            }
            guard let typeNode = mapping["type"], let typeName = typeNode.string, !typeName.isEmpty else {
                throw PipelineConfigError(
                    file: file, line: mapping.mark?.line ?? 0, column: mapping.mark?.column ?? 0,
                    message:
                        "this \(kind) has no `type:`; known \(kind) types: \(types.keys.sorted().joined(separator: ", "))"
                )
            }
            guard let (known, make) = types[typeName] else {
                var message = "unknown \(kind) type '\(typeName)'"
                if let suggestion = Suggestion.closest(to: typeName, among: Array(types.keys)) {
                    message += "; did you mean '\(suggestion)'?"
                }
                message += " (known: \(types.keys.sorted().joined(separator: ", ")); `trialpipe plugins` lists them)"
                throw PipelineConfigError(
                    file: file, line: typeNode.mark?.line ?? 0, column: typeNode.mark?.column ?? 0, message: message)
            }
            var reader = OptionReader(
                mapping: mapping, file: file, baseDirectory: baseDirectory, subject: "\(kind) '\(typeName)'",
                known: known)
            // Unknown keys first: a misspelt required option reads better as "did you mean" than "needs".
            var precheck = reader
            precheck.markRead(known)
            try precheck.finish()
            let built = try make(&reader, environment)
            try reader.finish()
            items.append((built, mapping["path"]?.mark ?? mapping["file"]?.mark ?? mapping.mark))
        }
        return items
    }
}
