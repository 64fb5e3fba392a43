import Pipeline
import Yams

extension ConfigNode {
    /// The configuration tree of a composed YAML node, with YAML's positions.
    init(yaml node: Node) {
        let mark = node.mark.map { ConfigNode.Mark(line: $0.line, column: $0.column) }
        switch node {
        case .scalar(let scalar):
            self = .scalar(Scalar(string: scalar.string, isPlain: scalar.style == .plain, mark: mark))
        case .mapping(let mapping):
            self = .mapping(
                Mapping(
                    pairs: mapping.map { (key: ConfigNode(yaml: $0.key), value: ConfigNode(yaml: $0.value)) },
                    mark: mark))
        case .sequence(let sequence):
            self = .list(List(items: sequence.map { ConfigNode(yaml: $0) }, mark: mark))
        case .alias:
            self = .alias(mark)
        }
    }
}
