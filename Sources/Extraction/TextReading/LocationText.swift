import TrialModel

/// Reads a site's address line ("Shanghai, Shanghai, China", "Boston, Massachusetts, 02115, United States",
/// "Lyon, France") into a location.
enum LocationText {
    /// The location an address line names, with the facility if known.
    static func location(facility: String?, address: String) -> Location {
        var location = Location(facility: facility.flatMap(TextValue.clean))
        let parts = RecordFields.split(address, on: [0x2C])
        guard let last = parts.last else { return location }
        if parts.count == 1 {
            if CountryNames.isCountry(last) {
                location.country = last
            } else {
                location.city = last
            }
            return location
        }
        location.city = parts[0]
        location.country = last
        for part in parts.dropFirst().dropLast() {
            if part.contains(where: { $0.isNumber }) {
                if location.zip == nil { location.zip = part }
            } else if location.state == nil {
                location.state = part
            }
        }
        return location
    }

    /// Whether a line reads as an address: comma-separated parts ending in a country.
    static func isAddress(_ line: String) -> Bool {
        let parts = RecordFields.split(line, on: [0x2C])
        guard let last = parts.last else { return false }
        return CountryNames.isCountry(last) && parts.count <= 5
    }

    /// Whether a line is only flag emoji (regional indicator pairs), as sites print beside an address.
    static func isFlag(_ line: String) -> Bool {
        let scalars = line.unicodeScalars.filter { $0 != " " }
        return !scalars.isEmpty && scalars.allSatisfy { (0x1F1E6...0x1F1FF).contains($0.value) }
    }
}
