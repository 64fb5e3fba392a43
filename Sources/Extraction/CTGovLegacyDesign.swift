import TrialModel

/// Reads the study design of legacy ClinicalTrials.gov XML written before 2017, when it was one string:
/// "Allocation: Randomized, Intervention Model: Parallel Assignment, Masking: Double Blind (Subject,
/// Investigator), Primary Purpose: Treatment", or older still "Treatment, Randomized, Open Label, Parallel
/// Assignment, Safety/Efficacy Study".
enum CTGovLegacyDesign {
    /// The comma-separated parts of a design string; commas inside parentheses do not split.
    static func parts(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        for char in text {
            switch char {
            case "(": depth += 1
            case ")": depth = max(0, depth - 1)
            case "," where depth == 0:
                parts.append(current)
                current = ""
                continue
            default: break
            }
            current.append(char)
        }
        parts.append(current)
        return parts.map { CTGovText.collapse($0) }.filter { !$0.isEmpty }
    }

    /// The design named by the parts; a labelled part ("Masking: …") fills its field, an unlabelled one the
    /// first field whose vocabulary it belongs to. The first value seen for a field wins.
    static func design(_ parts: [String]) -> Design {
        var design = Design()
        for part in parts {
            if let colon = part.firstIndex(of: ":") {
                let label = EnumNormalizer.key(part[..<colon])
                let value = part[part.index(after: colon)...]
                switch label {
                case "ALLOCATION": design.allocation = design.allocation ?? EnumNormalizer.allocation(value)
                case "INTERVENTION_MODEL":
                    design.interventionModel =
                        design.interventionModel ?? EnumNormalizer.interventionModel(value)
                case "PRIMARY_PURPOSE":
                    design.primaryPurpose = design.primaryPurpose ?? EnumNormalizer.primaryPurpose(value)
                case "MASKING": design.masking = design.masking ?? EnumNormalizer.masking(value)
                default: break
                }
                continue
            }
            // Order matters: "Single Group Assignment" is a model, not "Single" masking.
            if let allocation = EnumNormalizer.allocation(part) {
                design.allocation = design.allocation ?? allocation
            } else if let model = EnumNormalizer.interventionModel(part) {
                design.interventionModel = design.interventionModel ?? model
            } else if let purpose = EnumNormalizer.primaryPurpose(part) {
                design.primaryPurpose = design.primaryPurpose ?? purpose
            } else if let masking = EnumNormalizer.masking(part) {
                design.masking = design.masking ?? masking
            }
        }
        return design
    }
}
