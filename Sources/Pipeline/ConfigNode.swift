/// A pipeline file's configuration tree as plugins read it: scalars, lists and mappings with their positions,
/// whatever file format held them (the runtime reads YAML into it).
public indirect enum ConfigNode: Sendable {
    /// A 1-based line and column in the pipeline file.
    public struct Mark: Sendable, Hashable {
        /// 1-based line.
        public var line: Int
        /// 1-based column.
        public var column: Int

        /// Creates a position.
        public init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }
    }

    /// A single value, as text.
    public struct Scalar: Sendable {
        /// The text.
        public var string: String
        /// Whether it was written without quotes (then `null`, `~` and nothing mean "not given").
        public var isPlain: Bool
        /// Where it stands.
        public var mark: Mark?

        /// Creates a scalar.
        public init(string: String, isPlain: Bool = true, mark: Mark? = nil) {
            self.string = string
            self.isPlain = isPlain
            self.mark = mark
        }
    }

    /// Keys with values, in file order.
    public struct Mapping: Sendable {
        /// The pairs, in file order.
        public var pairs: [(key: ConfigNode, value: ConfigNode)]
        /// Where the mapping starts.
        public var mark: Mark?

        /// Creates a mapping.
        public init(pairs: [(key: ConfigNode, value: ConfigNode)], mark: Mark? = nil) {
            self.pairs = pairs
            self.mark = mark
        }

        /// The value of the first pair whose key is the scalar `key`.
        public subscript(key: String) -> ConfigNode? { pairs.first { $0.key.string == key }?.value }

        /// The keys, in file order.
        public var keys: [ConfigNode] { pairs.map(\.key) }
    }

    /// Values in order.
    public struct List: Sendable {
        /// The items.
        public var items: [ConfigNode]
        /// Where the list starts.
        public var mark: Mark?

        /// Creates a list.
        public init(items: [ConfigNode], mark: Mark? = nil) {
            self.items = items
            self.mark = mark
        }
    }

    /// A single value.
    case scalar(Scalar)
    /// Keys with values.
    case mapping(Mapping)
    /// Values in order.
    case list(List)
    /// A reference to another node (a YAML alias), which options do not accept.
    case alias(Mark?)

    /// Where the node stands.
    public var mark: Mark? {
        switch self {
        case .scalar(let scalar): scalar.mark
        case .mapping(let mapping): mapping.mark
        case .list(let list): list.mark
        case .alias(let mark): mark
        }
    }

    /// The text of a scalar, else nil.
    public var string: String? {
        if case .scalar(let scalar) = self { return scalar.string }
        return nil
    }

    /// "string", "mapping", "list" or "alias", for messages.
    public var kindName: String {
        switch self {
        case .scalar: "string"
        case .mapping: "mapping"
        case .list: "list"
        case .alias: "alias"
        }
    }
}
