import TrialModel

/// Reads an "Arms and interventions" table (columns group, intervention, description) into arm groups and
/// interventions, whether its cells are pipe-separated, on lines of their own, or glued together.
enum ArmsTableReader {
    struct Result {
        var arms: [ArmGroup] = []
        var interventions: [Intervention] = []
        /// Whether some glued cell boundaries were guessed.
        var guessed = false
    }

    private enum Role { case group, intervention, description, other }

    /// The arms and interventions in the table's lines (header first, if the page printed one).
    ///
    /// - Parameter knownInterventions: intervention names the page listed elsewhere; where one is glued
    ///   to the group before it, it marks the cells of a glued row.
    static func read(_ lines: [String], knownInterventions: [String] = []) -> Result {
        let lines = lines.filter { !$0.isEmpty }
        guard !lines.isEmpty else { return Result() }
        var roles: [Role] = [.group, .intervention, .description]
        var rows: [[String]] = []
        var glued: [String] = []
        let ownLineHeader = lines.prefix(while: {
            $0.utf8.count <= 30 && role(ofHeaderCell: $0) != nil
        })
        if ownLineHeader.count >= 2 {
            roles = ownLineHeader.map { role(ofHeaderCell: $0)! }
            let body = Array(lines.dropFirst(ownLineHeader.count))
            var index = 0
            while index < body.count {
                rows.append(Array(body[index..<min(body.count, index + roles.count)]))
                index += roles.count
            }
        } else {
            var body = lines[...]
            if let headerRoles = headerRoles(lines[0]) {
                roles = headerRoles
                body = body.dropFirst()
            }
            glued = Array(body)
        }
        var result = Result()
        if !glued.isEmpty {
            let split = splitRows(glued, roles: roles, knownInterventions: knownInterventions)
            rows = split.rows
            result.guessed = split.guessed
        }
        for cells in rows { add(cells, roles: roles, to: &result) }
        return result
    }

    /// Splits glued rows: at a known intervention name glued to the group before it; else rows with exactly
    /// enough case transitions first, then the others with the cell texts those rows showed.
    private static func splitRows(_ rows: [String], roles: [Role], knownInterventions: [String]) -> (
        rows: [[String]], guessed: Bool
    ) {
        let columns = roles.count
        var cells: [[String]?] = rows.map { splitAtKnownIntervention($0, roles: roles, names: knownInterventions) }
        var known = Array(repeating: [String](), count: columns)
        for (index, row) in rows.enumerated() {
            let split = cells[index].map { (cells: $0, guessed: false) } ?? GluedCells.split(row, columns: columns)
            guard !split.guessed, split.cells.count == columns else { continue }
            cells[index] = split.cells
            for column in 0..<(columns - 1) where !known[column].contains(split.cells[column]) {
                known[column].append(split.cells[column])
            }
        }
        var guessed = false
        for (index, row) in rows.enumerated() where cells[index] == nil {
            cells[index] = GluedCells.split(row, columns: columns, known: known).cells
            guessed = true
        }
        return (cells.compactMap { $0 }, guessed)
    }

    /// A group/intervention/description row cut around the first known intervention name glued to the text
    /// before it ("Cohort A: mFOLFOX6 + PembrolizumabPembrolizumabPembrolizumab 200 mg…").
    private static func splitAtKnownIntervention(_ row: String, roles: [Role], names: [String]) -> [String]? {
        guard roles == [.group, .intervention, .description], !names.isEmpty, !TextValue.hasPipe(row) else {
            return nil
        }
        let bytes = Array(row.utf8)
        var best: (start: Int, end: Int)?
        for name in names {
            let n = Array(name.utf8)
            guard !n.isEmpty else { continue }
            var i = 1
            while i + n.count <= bytes.count {
                if bytes[i] == n[0], bytes[i - 1] != 0x20, bytes[i..<(i + n.count)].elementsEqual(n) {
                    let end = i + n.count
                    let next = end < bytes.count ? bytes[end] : 0x20
                    if !ASCIIByte.isLower(next), best == nil || i < best!.start || (i == best!.start && end > best!.end)
                    {
                        best = (i, end)
                    }
                    break
                }
                i += 1
            }
        }
        guard let best else { return nil }
        return [
            String(decoding: bytes[0..<best.start], as: UTF8.self),
            String(decoding: bytes[best.start..<best.end], as: UTF8.self),
            String(decoding: bytes[best.end...], as: UTF8.self),
        ].map(TextValue.trimmed)
    }

    private static func add(_ cells: [String], roles: [Role], to result: inout Result) {
        func cell(_ role: Role) -> String? {
            guard let index = roles.firstIndex(of: role), index < cells.count else { return nil }
            return TextValue.clean(cells[index])
        }
        let description = cell(.description)
        var interventionName: String?
        if let text = cell(.intervention) {
            let (type, name) = InterventionText.typePrefix(text)
            if let name = TextValue.clean(name) {
                interventionName = name
                let key = name.lowercased()
                if let index = result.interventions.firstIndex(where: {
                    $0.name.lowercased() == key
                }) {
                    if result.interventions[index].description == nil {
                        result.interventions[index].description = description
                    }
                    if result.interventions[index].type == nil {
                        result.interventions[index].type = type
                    }
                } else {
                    result.interventions.append(
                        Intervention(type: type, name: name, description: description))
                }
            }
        }
        guard let labelText = cell(.group) else { return }
        var label = labelText
        var type: ArmGroupType?
        if let colon = labelText.firstIndex(of: ":"),
            let t = EnumNormalizer.armGroupType(labelText[..<colon])
        {
            type = t
            label = TextValue.trimmed(labelText[labelText.index(after: colon)...])
        }
        let key = label.lowercased()
        var index = result.arms.firstIndex(where: { $0.label.lowercased() == key })
        if index == nil {
            result.arms.append(ArmGroup(label: label, type: type))
            index = result.arms.count - 1
        }
        if let interventionName, !result.arms[index!].interventionNames.contains(interventionName) {
            result.arms[index!].interventionNames.append(interventionName)
        }
    }

    /// The column roles a header line names, when it names a group and an intervention column.
    private static func headerRoles(_ line: String) -> [Role]? {
        var names: [String]
        if TextValue.hasPipe(line) || TextValue.contains(0x09, in: line) {
            names = TextValue.cells(line)
        } else {
            let bytes = Array(line.utf8)
            var start = 0
            names = []
            for cut in GluedCells.boundaries(bytes) {
                names.append(String(decoding: bytes[start..<cut], as: UTF8.self))
                start = cut
            }
            names.append(String(decoding: bytes[start...], as: UTF8.self))
            if names.count == 1 { names = TextValue.words(line).map { String($0.word) } }
        }
        let roles = names.map { role(ofHeaderCell: $0) ?? .other }
        guard roles.contains(.group), roles.contains(.intervention) else { return nil }
        return roles
    }

    private static func role(ofHeaderCell cell: String) -> Role? {
        let key = EnumNormalizer.key(cell)
        if TextValue.holds("DESCRIPTION", in: key) || key == "DETAILS" { return .description }
        if TextValue.holds("INTERVENTION", in: key) || key == "TREATMENT" || key == "DRUG" {
            return .intervention
        }
        if TextValue.holds("GROUP", in: key) || key.hasPrefix("ARM") || key == "COHORT" { return .group }
        return nil
    }
}
