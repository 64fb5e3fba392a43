import TrialModel

/// Reads one intervention as pages print it: "Drug: Lenalidomide", "Biological: Nivolumab", "Cetuximab".
enum InterventionText {
    /// The intervention a line names, or nil for an empty or null value.
    static func parse(_ line: String) -> Intervention? {
        let (type, rest) = typePrefix(line)
        guard let name = TextValue.clean(rest) else { return nil }
        return Intervention(type: type, name: name)
    }

    /// The intervention type written before a colon ("Drug:", "Dietary Supplement:"), and what follows.
    static func typePrefix(_ line: String) -> (InterventionType?, String) {
        guard let colon = line.firstIndex(of: ":") else { return (nil, line) }
        let head = line[..<colon]
        guard head.utf8.count <= 24, let type = EnumNormalizer.interventionType(head) else {
            return (nil, line)
        }
        return (type, TextValue.trimmed(line[line.index(after: colon)...]))
    }
}
