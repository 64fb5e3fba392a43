import TrialModel

/// Reads a locations table with a "Country Name City State" header: pipe- or tab-separated rows cell by
/// cell, space-separated rows by the country names and organisation endings they hold.
enum LocationTable {
    private enum Column { case country, facility, city, state, zip, other }

    /// The locations in the table's lines and whether cell boundaries were guessed.
    static func read(_ lines: [String]) -> (locations: [Location], guessed: Bool) {
        var columns: [Column] = [.country, .facility, .city, .state]
        var locations: [Location] = []
        var guessed = false
        for (index, line) in lines.enumerated() {
            let cells =
                TextValue.hasPipe(line) || TextValue.contains(0x09, in: line) ? TextValue.cells(line) : nil
            let names = cells ?? TextValue.words(line).map { String($0.word) }
            let header = names.map(column)
            if index == 0, header.filter({ $0 != .other }).count >= 2 {
                columns = header
                continue
            }
            if TextValue.isNullWord(line) { continue }
            if let cells {
                var location = Location()
                for (column, cell) in zip(columns, cells) {
                    let value = TextValue.clean(cell)
                    switch column {
                    case .country: location.country = value
                    case .facility: location.facility = value
                    case .city: location.city = value
                    case .state: location.state = value
                    case .zip: location.zip = value
                    case .other: break
                    }
                }
                locations.append(location)
            } else {
                locations.append(spaced(line, countryFirst: columns.first == .country))
                guessed = true
            }
        }
        return (locations, guessed)
    }

    private static func column(_ name: String) -> Column {
        switch EnumNormalizer.key(name) {
        case "COUNTRY": .country
        case "NAME", "FACILITY", "SITE", "SITE_NAME", "INSTITUTION": .facility
        case "CITY": .city
        case "STATE", "PROVINCE", "REGION", "STATE_PROVINCE": .state
        case "ZIP", "POSTAL_CODE", "ZIP_CODE": .zip
        default: .other
        }
    }

    private static let endings: Set<String> = [
        "HOSPITAL", "UNIVERSITY", "INSTITUTE", "INSTITUT", "KLINIKUM", "CENTER", "CENTRE", "CLINIC", "COLLEGE",
        "FOUNDATION", "SITE",
        "LLC", "INC", "LTD", "HEALTH", "MEDICINE", "ONCOLOGY", "RESEARCH", "CLINICS", "HOSPITALS",
    ]

    /// A space-separated row: the country at its start, the facility up to its last organisation word,
    /// then city and state.
    private static func spaced(_ line: String, countryFirst: Bool) -> Location {
        var location = Location()
        var rest = line
        if countryFirst, let country = CountryNames.prefix(of: line) {
            location.country = country
            rest = TextValue.trimmed(line.dropFirst(country.count))
        }
        let words = TextValue.words(rest)
        guard let last = words.lastIndex(where: { endings.contains(EnumNormalizer.key($0.word)) })
        else {
            location.facility = TextValue.clean(rest)
            return location
        }
        location.facility = TextValue.clean(rest[..<words[last].end])
        let tail = words[(last + 1)...].map { String($0.word) }
        if tail.count == 2 {
            location.city = tail[0]
            location.state = tail[1]
        } else if !tail.isEmpty {
            location.city = tail.joined(separator: " ")
        }
        return location
    }
}
