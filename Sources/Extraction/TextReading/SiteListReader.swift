import TrialModel

/// Reads a list of trial sites printed as facility, flag emoji and "City, State, Country" lines.
enum SiteListReader {
    /// The locations the lines list.
    static func read(_ lines: [String]) -> [Location] {
        var locations: [Location] = []
        var pending: [String] = []
        var expectAddress = false
        for line in lines where !line.isEmpty {
            if Sections.headingKey(line) == "LOCATIONS" { continue }
            if LocationText.isFlag(line) {
                expectAddress = true
                continue
            }
            if TextValue.hasPipe(line) || TextValue.contains(0x09, in: line) {
                let cells = TextValue.cells(line)
                if cells.count >= 2 {
                    let address = cells.dropFirst().joined(separator: ", ")
                    locations.append(LocationText.location(facility: cells[0], address: address))
                    pending.removeAll()
                    continue
                }
            }
            if expectAddress || LocationText.isAddress(line) {
                locations.append(LocationText.location(facility: pending.last, address: line))
                pending.removeAll()
                expectAddress = false
            } else {
                pending.append(line)
            }
        }
        return locations
    }
}
