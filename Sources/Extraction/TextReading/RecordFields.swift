import TrialModel

/// Writes labelled values into a record through the shared normalizers. A scalar already set is kept
/// (the first statement on the page wins); list values are added without duplicates.
enum RecordFields {
    /// Writes what the lines of one labelled value say into `record`.
    ///
    /// - Parameters:
    ///   - slot: the field the label names.
    ///   - label: the label as printed, for words like "Est." or "Actual" that qualify the value.
    ///   - values: the value's lines (an inline value first); blank lines separate paragraphs.
    static func assign(
        _ slot: FieldSlot, label: String, values: [String], to record: inout TrialRecord
    ) {
        let lines = TextValue.undoubledLines(values.map(TextValue.trimmed)).filter { !$0.isEmpty }
        if slot.isFreeText {
            assignFreeText(slot, values: values, to: &record)
            return
        }
        if slot.isList {
            for line in lines { assignListItem(slot, line, to: &record) }
            return
        }
        guard let first = lines.first else { return }
        // A title may wrap over lines; any other single value is its first line (what follows is not it).
        let wraps = slot == .briefTitle || slot == .officialTitle
        let joined = wraps ? lines.joined(separator: " ") : first
        assignScalar(
            slot, label: label, value: TextValue.strippingLeadingSeparators(joined), to: &record)
    }

    private static func assignFreeText(
        _ slot: FieldSlot, values: [String], to record: inout TrialRecord
    ) {
        switch slot {
        case .briefSummary:
            if record.briefSummary == nil { record.briefSummary = Paragraphs.join(values) }
        case .detailedDescription:
            if record.detailedDescription == nil {
                record.detailedDescription = Paragraphs.join(values)
            }
        case .criteria:
            CriteriaParser.add(lines: values, to: &record.eligibility)
        case .inclusionCriteria:
            CriteriaParser.add(lines: ["Inclusion Criteria:"] + values, to: &record.eligibility)
        case .exclusionCriteria:
            CriteriaParser.add(lines: ["Exclusion Criteria:"] + values, to: &record.eligibility)
        default:
            break
        }
    }

    private static func assignListItem(
        _ slot: FieldSlot, _ line: String, to record: inout TrialRecord
    ) {
        switch slot {
        case .conditions:
            for part in split(line, on: [0x3B]) { addCondition(part, to: &record) }
        case .keywords:
            for part in split(line, on: [0x3B, 0x2C]) where !record.keywords.contains(part) {
                record.keywords.append(part)
            }
        case .interventions:
            for part in split(line, on: [0x3B]) {
                if let intervention = InterventionText.parse(part) {
                    addIntervention(intervention, to: &record)
                }
            }
        case .collaborators:
            for part in split(line, on: [0x3B])
            where !record.collaborators.contains(where: { $0.name == part }) {
                record.collaborators.append(Collaborator(name: part))
            }
        case .secondaryId:
            for part in split(line, on: [0x3B, 0x2C]) where !record.secondaryIds.contains(part) {
                if RecordID.isNCTId(part) {
                    if record.nctId == nil { record.nctId = part }
                } else {
                    record.secondaryIds.append(part)
                }
            }
        default:
            break
        }
    }

    private static func assignScalar(
        _ slot: FieldSlot, label: String, value: String, to record: inout TrialRecord
    ) {
        switch slot {
        case .registryId:
            if let nct = TextValue.nctIds(in: value).first {
                if record.nctId == nil { record.nctId = nct }
            } else if let id = TextValue.clean(value), !record.secondaryIds.contains(id) {
                record.secondaryIds.append(id)
            }
        case .orgStudyId:
            guard let id = TextValue.clean(value) else { return }
            if RecordID.isNCTId(id) {
                if record.nctId == nil { record.nctId = id }
            } else if record.orgStudyId == nil {
                record.orgStudyId = id
            }
        case .briefTitle:
            if record.briefTitle == nil { record.briefTitle = TextValue.clean(value) }
        case .officialTitle:
            if record.officialTitle == nil { record.officialTitle = TextValue.clean(value) }
        case .acronym:
            if record.acronym == nil { record.acronym = TextValue.clean(value) }
        case .status:
            if record.overallStatus == nil {
                record.overallStatus = EnumNormalizer.overallStatus(value)
            }
        case .phase:
            if record.phases.isEmpty { record.phases = PhaseNormalizer.phases(value) }
        case .studyType:
            if record.studyType == nil { record.studyType = EnumNormalizer.studyType(value) }
        case .studyDesign:
            DesignText.apply(value, to: &record.design)
        case .allocation:
            if record.design.allocation == nil {
                record.design.allocation = EnumNormalizer.allocation(value)
            }
        case .interventionModel:
            if record.design.interventionModel == nil {
                record.design.interventionModel = EnumNormalizer.interventionModel(value)
            }
        case .masking:
            if record.design.masking == nil {
                record.design.masking = EnumNormalizer.masking(value)
            }
        case .primaryPurpose:
            if record.design.primaryPurpose == nil {
                record.design.primaryPurpose = EnumNormalizer.primaryPurpose(value)
            }
        case .leadSponsor:
            if record.leadSponsor == nil, let name = TextValue.clean(value) {
                record.leadSponsor = Sponsor(name: name)
            }
        case .enrollment:
            if record.enrollment == nil, let count = TextValue.firstInteger(value) {
                record.enrollment = Enrollment(
                    count: count, type: actualOrEstimated(label: label, value: value))
            }
        case .startDate:
            if record.dates.start == nil {
                record.dates.start = dateStruct(label: label, value: value)
            }
        case .primaryCompletionDate:
            if record.dates.primaryCompletion == nil {
                record.dates.primaryCompletion = dateStruct(label: label, value: value)
            }
        case .completionDate:
            if record.dates.completion == nil {
                record.dates.completion = dateStruct(label: label, value: value)
            }
        case .statusVerified:
            if record.dates.statusVerified == nil {
                record.dates.statusVerified = DateNormalizer.isoDate(value)
            }
        case .firstSubmitted:
            if record.dates.firstSubmitted == nil {
                record.dates.firstSubmitted = DateNormalizer.isoDate(value)
            }
        case .lastUpdate:
            if record.dates.lastUpdate == nil {
                record.dates.lastUpdate = DateNormalizer.isoDate(value)
            }
        case .sex:
            if record.eligibility.sex == nil { record.eligibility.sex = EnumNormalizer.sex(value) }
        case .ageRange:
            let range = AgeNormalizer.range(value)
            if record.eligibility.minimumAge == nil {
                record.eligibility.minimumAge = range.minimum
            }
            if record.eligibility.maximumAge == nil {
                record.eligibility.maximumAge = range.maximum
            }
        case .minimumAge:
            if record.eligibility.minimumAge == nil {
                record.eligibility.minimumAge = AgeNormalizer.age(value)
            }
        case .maximumAge:
            if record.eligibility.maximumAge == nil {
                record.eligibility.maximumAge = AgeNormalizer.age(value)
            }
        case .healthyVolunteers:
            if record.eligibility.healthyVolunteers == nil {
                record.eligibility.healthyVolunteers = yesNo(value)
            }
        case .contactName, .contactPhone, .contactEmail:
            addContactPart(slot, TextValue.clean(value), to: &record)
        default:
            break
        }
    }

    /// A condition, once (case-insensitive).
    static func addCondition(_ text: String, to record: inout TrialRecord) {
        guard let condition = TextValue.clean(text) else { return }
        let key = condition.lowercased()
        if !record.conditions.contains(where: { $0.lowercased() == key }) {
            record.conditions.append(condition)
        }
    }

    /// An intervention, once per name; a later mention fills a missing type or description.
    static func addIntervention(_ intervention: Intervention, to record: inout TrialRecord) {
        let key = intervention.name.lowercased()
        if let index = record.interventions.firstIndex(where: { $0.name.lowercased() == key }) {
            if record.interventions[index].type == nil {
                record.interventions[index].type = intervention.type
            }
            if record.interventions[index].description == nil {
                record.interventions[index].description = intervention.description
            }
        } else {
            record.interventions.append(intervention)
        }
    }

    private static func addContactPart(
        _ slot: FieldSlot, _ value: String?, to record: inout TrialRecord
    ) {
        guard let value else { return }
        var contact = record.contacts.last ?? Contact()
        let isNew = record.contacts.isEmpty
        let taken: Bool
        switch slot {
        case .contactName: taken = contact.name != nil
        case .contactPhone: taken = contact.phone != nil
        default: taken = contact.email != nil
        }
        if taken { contact = Contact() }
        switch slot {
        case .contactName: contact.name = value
        case .contactPhone: contact.phone = value
        default: contact.email = value
        }
        if isNew || taken {
            record.contacts.append(contact)
        } else {
            record.contacts[record.contacts.count - 1] = contact
        }
    }

    /// Yes/no, also for longer answers ("No healthy volunteers", "Yes, accepts").
    static func yesNo(_ value: String) -> Bool? {
        if let answer = EnumNormalizer.yesNo(value) { return answer }
        let key = EnumNormalizer.key(value)
        if key.hasPrefix("YES_") || key.hasPrefix("ACCEPTS_") { return true }
        if key.hasPrefix("NO_") || key.hasPrefix("DOES_NOT_") { return false }
        return nil
    }

    /// A date with its actual/estimated type from the label ("Est. completion date") or the value
    /// ("June 2025 (Anticipated)").
    static func dateStruct(label: String, value: String) -> DateStruct? {
        guard let date = DateNormalizer.isoDate(value) else { return nil }
        return DateStruct(date: date, type: actualOrEstimated(label: label, value: value))
    }

    /// `ESTIMATED` when the label or value says "Est."/"Estimated"/"Anticipated"/"Expected", `ACTUAL` for
    /// "Actual", else nil.
    static func actualOrEstimated(label: String, value: String) -> ActualOrEstimated? {
        timing(in: label) ?? timing(in: value)
    }

    /// The first word of `text` (a run of ASCII letters and digits) that says estimated or actual.
    private static func timing(in text: String) -> ActualOrEstimated? {
        var text = text
        return text.withUTF8 { bytes in
            let count = bytes.count
            var index = 0
            while index < count {
                guard ASCIIByte.isAlphanumeric(bytes[index]) else {
                    index += 1
                    continue
                }
                let start = index
                while index < count, ASCIIByte.isAlphanumeric(bytes[index]) { index += 1 }
                let word = UnsafeBufferPointer(rebasing: bytes[start..<index])
                for (spelling, timing) in timingWords where spelling.count == word.count {
                    if word.elementsEqual(spelling, by: { ASCIIByte.lowered($0) == $1 }) { return timing }
                }
            }
            return nil
        }
    }

    /// The words that say a count or date is estimated or actual, in lower case.
    private static let timingWords: [([UInt8], ActualOrEstimated)] =
        ["est", "estimated", "anticipated", "expected", "planned", "target"].map { (Array($0.utf8), .estimated) }
        + [(Array("actual".utf8), .actual)]

    /// The trimmed, non-empty parts of `line` between the given separator bytes.
    static func split(_ line: String, on separators: Set<UInt8>) -> [String] {
        var parts: [String] = []
        var current: [UInt8] = []
        for b in line.utf8 {
            if separators.contains(b) {
                let part = TextValue.trimmed(String(decoding: current, as: UTF8.self))
                if !part.isEmpty { parts.append(part) }
                current.removeAll(keepingCapacity: true)
            } else {
                current.append(b)
            }
        }
        let part = TextValue.trimmed(String(decoding: current, as: UTF8.self))
        if !part.isEmpty { parts.append(part) }
        return parts
    }
}
