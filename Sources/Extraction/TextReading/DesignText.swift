import TrialModel

/// Reads a study-design value: one coded word ("SINGLE_GROUP") or a list ("Allocation: Randomized,
/// Intervention Model: Parallel Assignment, Masking: Double (Participant, Investigator), Primary Purpose:
/// Treatment").
enum DesignText {
    /// Sets each design field the value names and the design does not have yet.
    static func apply(_ value: String, to design: inout Design) {
        for rawPart in RecordFields.split(value, on: [0x2C, 0x3B, 0x7C]) {
            var part = rawPart
            var labelSlot: FieldSlot?
            if let colon = part.firstIndex(of: ":") {
                labelSlot = FieldLabels.slot(forLabel: part[..<colon])
                part = TextValue.trimmed(part[part.index(after: colon)...])
            }
            switch labelSlot {
            case .allocation?:
                if design.allocation == nil { design.allocation = EnumNormalizer.allocation(part) }
            case .interventionModel?:
                if design.interventionModel == nil {
                    design.interventionModel = EnumNormalizer.interventionModel(part)
                }
            case .masking?:
                if design.masking == nil { design.masking = EnumNormalizer.masking(part) }
            case .primaryPurpose?:
                if design.primaryPurpose == nil {
                    design.primaryPurpose = EnumNormalizer.primaryPurpose(part)
                }
            default:
                applyUnlabelled(part, to: &design)
            }
        }
    }

    private static func applyUnlabelled(_ part: String, to design: inout Design) {
        if design.interventionModel == nil, let model = EnumNormalizer.interventionModel(part) {
            design.interventionModel = model
        } else if design.allocation == nil, EnumNormalizer.key(part) != "N_A",
            let allocation = EnumNormalizer.allocation(part)
        {
            design.allocation = allocation
        } else if design.masking == nil, let masking = EnumNormalizer.masking(part) {
            design.masking = masking
        } else if design.primaryPurpose == nil, let purpose = EnumNormalizer.primaryPurpose(part) {
            design.primaryPurpose = purpose
        }
    }
}
