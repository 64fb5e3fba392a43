import TrialModel

/// Reads the "Participant Group/Arm | Intervention/Treatment" table of a copied ClinicalTrials.gov study
/// page, a cell's lines one per line: "Experimental: Arm label", the arm's description, then each
/// "Drug: Name" with its description and "Other Names:" list.
enum CTGovPageArms {
    /// The arm groups and the interventions, with descriptions, that the table lists.
    struct Result {
        var armGroups: [ArmGroup] = []
        var interventions: [Intervention] = []
    }

    private enum Place { case arm, intervention, otherNames }

    /// The arms and interventions in `lines` (the lines after the table's header).
    static func read(_ lines: [String]) -> Result {
        var result = Result()
        var place = Place.arm
        var armText: [String] = []
        var interventionText: [String] = []
        func closeIntervention() {
            guard !result.interventions.isEmpty, !interventionText.isEmpty else { return }
            let last = result.interventions.count - 1
            if result.interventions[last].description == nil {
                result.interventions[last].description = interventionText.joined(separator: " ")
            }
            interventionText = []
        }
        func closeArm() {
            guard !result.armGroups.isEmpty, !armText.isEmpty else { return }
            result.armGroups[result.armGroups.count - 1].description = armText.joined(separator: " ")
            armText = []
        }
        for raw in lines {
            let line = TextValue.trimmed(raw)
            let key = EnumNormalizer.key(line)
            if line.isEmpty || isHeader(key) { continue }
            if let arm = armStart(line, after: place, hasArm: !result.armGroups.isEmpty) {
                closeIntervention()
                closeArm()
                result.armGroups.append(arm)
                place = .arm
            } else if let intervention = interventionStart(line) {
                closeIntervention()
                closeArm()
                if !result.armGroups.isEmpty {
                    let arm = result.armGroups.count - 1
                    if !result.armGroups[arm].interventionNames.contains(intervention.name) {
                        result.armGroups[arm].interventionNames.append(intervention.name)
                    }
                }
                if let known = result.interventions.firstIndex(where: {
                    $0.name.lowercased() == intervention.name.lowercased()
                }) {
                    // Listed again under a later arm: its description is already known.
                    result.interventions.append(result.interventions.remove(at: known))
                } else {
                    result.interventions.append(intervention)
                }
                place = .intervention
            } else if key == "OTHER_NAMES" || key == "OTHER_NAME" {
                place = .otherNames
            } else {
                switch place {
                case .arm: if !result.armGroups.isEmpty { armText.append(line) }
                case .intervention: interventionText.append(line)
                case .otherNames:
                    let name = withoutMarker(line)
                    let last = result.interventions.count - 1
                    if last >= 0, !name.isEmpty,
                        !result.interventions[last].otherNames.contains(name)
                    {
                        result.interventions[last].otherNames.append(name)
                    }
                }
            }
        }
        closeIntervention()
        closeArm()
        return result
    }

    private static func withoutMarker(_ line: String) -> String {
        guard let marker = ListMarker.at(start: line) else { return line }
        let rest = line.utf8.dropFirst(marker.contentOffset)
        return TextValue.trimmed(String(decoding: rest, as: UTF8.self))
    }

    private static func isHeader(_ key: String) -> Bool {
        key == "PARTICIPANT_GROUP_ARM" || key == "INTERVENTION_TREATMENT"
            || key == "PARTICIPANT_GROUP_ARM_INTERVENTION_TREATMENT"
    }

    /// "Experimental: Label" and the other arm types; "Other:" starts an arm only where an intervention
    /// cannot stand (before any arm, or straight after an "Other Names" list has closed).
    private static func armStart(_ line: String, after place: Place, hasArm: Bool) -> ArmGroup? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let head = line[..<colon]
        guard head.utf8.count <= 24, let type = EnumNormalizer.armGroupType(head) else { return nil }
        if type == .other, hasArm { return nil }
        guard let label = TextValue.clean(line[line.index(after: colon)...]) else { return nil }
        return ArmGroup(label: label, type: type)
    }

    /// "Drug: Name" and the other intervention types.
    private static func interventionStart(_ line: String) -> Intervention? {
        let (type, _) = InterventionText.typePrefix(line)
        guard type != nil else { return nil }
        return InterventionText.parse(line)
    }
}
