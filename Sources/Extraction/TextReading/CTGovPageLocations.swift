import TrialModel

/// Reads the "Study Locations" list of a copied ClinicalTrials.gov study page: each site an address line
/// ("Boston, Massachusetts, United States, 02215") with its facility on the line before or after it,
/// among group headings ("United States, California"), recruitment statuses and contact lines.
enum CTGovPageLocations {
    /// The sites in `lines`.
    static func read(_ lines: [String]) -> [Location] {
        var locations: [Location] = []
        var candidate: String?
        var waitingForFacility = false
        var afterContactLabel = false
        for raw in lines {
            let line = TextValue.trimmed(raw)
            guard !line.isEmpty else { continue }
            let key = EnumNormalizer.key(line)
            if let address = address(line) {
                locations.append(LocationText.location(facility: candidate, address: address))
                waitingForFacility = candidate == nil
                candidate = nil
                afterContactLabel = false
                continue
            }
            if isContact(line, key: key) {
                afterContactLabel = line.hasSuffix(":")
                continue
            }
            if afterContactLabel || isGroupHeading(line) || CTGovPageLayout.isExplanation(line)
                || (line.utf8.count <= 40 && EnumNormalizer.overallStatus(line) != nil)
            {
                afterContactLabel = false
                continue
            }
            if waitingForFacility, let last = locations.indices.last {
                locations[last].facility = TextValue.clean(line)
                waitingForFacility = false
            } else {
                candidate = line
            }
        }
        return locations
    }

    /// The line as an address with the country last, when it is one ("City, State, Country, Zip" puts
    /// the zip before the country).
    private static func address(_ line: String) -> String? {
        var parts = RecordFields.split(line, on: [0x2C])
        guard parts.count >= 2 else { return nil }
        if LocationText.isAddress(line) { return line }
        guard parts.count >= 3, let zip = parts.last, zip.contains(where: \.isNumber),
            CountryNames.isCountry(parts[parts.count - 2])
        else { return nil }
        parts.removeLast()
        parts.insert(zip, at: parts.count - 1)
        return parts.joined(separator: ", ")
    }

    /// A group heading: a country, or a country and a state ("United States, Texas").
    private static func isGroupHeading(_ line: String) -> Bool {
        let parts = RecordFields.split(line, on: [0x2C])
        guard let first = parts.first, parts.count <= 2 else { return false }
        return CountryNames.isCountry(first)
    }

    /// A contact or investigator line ("Contact:", "Principal Investigator: …", a phone, an email).
    private static func isContact(_ line: String, key: String) -> Bool {
        if line.contains("@") { return true }
        for prefix in ["CONTACT", "PRINCIPAL_INVESTIGATOR", "SUB_INVESTIGATOR", "PHONE", "EMAIL"]
        where key.hasPrefix(prefix) {
            return true
        }
        let digits = line.utf8.filter { $0 >= 0x30 && $0 <= 0x39 }.count
        return digits >= 7 && digits * 2 >= line.utf8.count
    }
}
