/// Turns the spellings real pages use for coded values into the record's enums.
///
/// Every value is first reduced to a key: upper-case ASCII letters and digits with single underscores
/// between words ("Active, not recruiting" → `ACTIVE_NOT_RECRUITING`). Keys are then matched against the
/// enum's raw values and a short table of synonyms.
public enum EnumNormalizer {
    /// The key of a free-text value: upper-case words joined by single underscores.
    ///
    /// Inlinable, so that callers in other modules get a copy for `String` or `Substring` that reads the bytes
    /// directly: the generic one reached them through two protocol witnesses per call (2 % of extraction).
    @inlinable
    public static func key(_ text: some StringProtocol) -> String {
        if let key = text.utf8.withContiguousStorageIfAvailable(key(bytes:)) { return key }
        var copy = String(text)
        return copy.withUTF8(key(bytes:))
    }

    /// ``key(_:)`` of UTF-8 bytes.
    public static func key(bytes: UnsafeBufferPointer<UInt8>) -> String {
        // Built in a temporary buffer, then copied at its exact length: a key of up to 15 bytes (most)
        // becomes a small string without an allocation.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(bytes.count, 1)) { out in
            keyByteTable.withUnsafeBufferPointer { table in
                var count = 0
                var pendingSeparator = false
                for byte in bytes {
                    let upper = table[Int(byte)]
                    if upper == 0 {
                        pendingSeparator = true
                        continue
                    }
                    if pendingSeparator, count > 0 {
                        out[count] = UInt8(ascii: "_")
                        count &+= 1
                    }
                    pendingSeparator = false
                    out[count] = upper
                    count &+= 1
                }
                return String(decoding: UnsafeBufferPointer(rebasing: out[0..<count]), as: UTF8.self)
            }
        }
    }

    /// Each byte's upper-case form in a key: ASCII letters upper-cased, digits kept, 0 for every other byte
    /// (a separator).
    private static let keyByteTable: [UInt8] = (0...255).map { value in
        let byte = UInt8(value)
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return byte - 32
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return byte
        default: return 0
        }
    }

    /// The overall status named by `text`, e.g. "Not yet recruiting" or "NOT_YET_RECRUITING".
    @inlinable
    public static func overallStatus(_ text: some StringProtocol) -> OverallStatus? {
        let k = key(text)
        if let exact = OverallStatus(rawValue: k) { return exact }
        switch k {
        case "UNKNOWN_STATUS", "STATUS_UNKNOWN": return .unknown
        case "ACTIVE": return .activeNotRecruiting
        case "OPEN", "OPEN_TO_RECRUITMENT": return .recruiting
        case "CLOSED", "CLOSED_TO_RECRUITMENT": return .activeNotRecruiting
        default: break
        }
        // A status followed by more words ("Recruiting now", "Completed (has results)").
        for status in OverallStatus.allCases.sorted(by: { $0.rawValue.count > $1.rawValue.count })
        where k.hasPrefix(status.rawValue + "_") {
            return status
        }
        return nil
    }

    /// The study type named by `text` ("Interventional", "Observational [Patient Registry]").
    @inlinable
    public static func studyType(_ text: some StringProtocol) -> StudyType? {
        let k = key(text)
        if let exact = StudyType(rawValue: k) { return exact }
        if k.hasPrefix("INTERVENTIONAL") { return .interventional }
        if k.hasPrefix("OBSERVATIONAL") { return .observational }
        if k.hasPrefix("EXPANDED_ACCESS") { return .expandedAccess }
        return nil
    }

    /// The intervention model ("Single Group Assignment", "PARALLEL", "Crossover").
    @inlinable
    public static func interventionModel(_ text: some StringProtocol) -> InterventionModel? {
        var k = key(text)
        if k.hasSuffix("_ASSIGNMENT") { k.removeLast("_ASSIGNMENT".count) }
        if let exact = InterventionModel(rawValue: k) { return exact }
        switch k {
        case "SINGLE", "SINGLE_ARM", "SINGLE_GROUP_STUDY": return .singleGroup
        case "CROSS_OVER": return .crossover
        default: return nil
        }
    }

    /// The allocation ("Randomized", "Non-Randomized", "N/A").
    @inlinable
    public static func allocation(_ text: some StringProtocol) -> Allocation? {
        let k = key(text)
        if let exact = Allocation(rawValue: k) { return exact }
        switch k {
        case "N_A", "NOT_APPLICABLE": return .notApplicable
        case "NONRANDOMIZED", "NON_RANDOMISED", "NONRANDOMISED": return .nonRandomized
        case "RANDOMISED": return .randomized
        default: return nil
        }
    }

    /// The primary purpose ("Treatment", "Supportive Care", "Educational/Counseling/Training").
    @inlinable
    public static func primaryPurpose(_ text: some StringProtocol) -> PrimaryPurpose? {
        let k = key(text)
        if let exact = PrimaryPurpose(rawValue: k) { return exact }
        if k.hasPrefix("EDUCATIONAL") { return .ect }
        return nil
    }

    /// The masking ("None (Open Label)", "Double (Participant, Investigator)", "QUADRUPLE").
    @inlinable
    public static func masking(_ text: some StringProtocol) -> Masking? {
        let k = key(text)
        if let exact = Masking(rawValue: k) { return exact }
        if k.hasPrefix("OPEN_LABEL") { return Masking.none }
        for masking in Masking.allCases where k.hasPrefix(masking.rawValue + "_") { return masking }
        return nil
    }

    /// The intervention type ("Drug", "Biological", "Dietary Supplement").
    @inlinable
    public static func interventionType(_ text: some StringProtocol) -> InterventionType? {
        let k = key(text)
        if let exact = InterventionType(rawValue: k) { return exact }
        switch k {
        case "BIOLOGIC", "BIOLOGICS", "BIOLOGICALS", "VACCINE": return .biological
        case "DRUGS", "MEDICATION": return .drug
        case "SURGERY", "SURGICAL_PROCEDURE": return .procedure
        case "RADIOTHERAPY", "RADIATION_THERAPY": return .radiation
        case "BEHAVIOURAL": return .behavioral
        case "DIAGNOSTIC": return .diagnosticTest
        default: return nil
        }
    }

    /// The arm group type ("Experimental", "Active Comparator", "No Intervention").
    @inlinable
    public static func armGroupType(_ text: some StringProtocol) -> ArmGroupType? {
        let k = key(text)
        if let exact = ArmGroupType(rawValue: k) { return exact }
        switch k {
        case "PLACEBO": return .placeboComparator
        case "SHAM": return .shamComparator
        case "ACTIVE", "ACTIVE_CONTROL": return .activeComparator
        default: return nil
        }
    }

    /// Actual or estimated ("Actual", "Anticipated", "Estimated", and the legacy XML "Estimate").
    @inlinable
    public static func actualOrEstimated(_ text: some StringProtocol) -> ActualOrEstimated? {
        switch key(text) {
        case "ACTUAL": return .actual
        case "ESTIMATED", "ESTIMATE", "ANTICIPATED", "EXPECTED", "EST": return .estimated
        default: return nil
        }
    }

    /// The sex eligible ("All", "Both", "Female", "Women", "MALE").
    @inlinable
    public static func sex(_ text: some StringProtocol) -> Sex? {
        switch key(text) {
        case "ALL", "BOTH", "ALL_SEXES", "MALE_AND_FEMALE", "FEMALE_AND_MALE", "MALE_FEMALE", "FEMALE_MALE":
            return .all
        case "FEMALE", "FEMALES", "WOMEN", "WOMAN", "F": return .female
        case "MALE", "MALES", "MEN", "MAN", "M": return .male
        default: return nil
        }
    }

    /// A yes/no answer ("Yes", "No", "Accepts Healthy Volunteers", "true").
    @inlinable
    public static func yesNo(_ text: some StringProtocol) -> Bool? {
        let k = key(text)
        switch k {
        case "YES", "Y", "TRUE", "ACCEPTS_HEALTHY_VOLUNTEERS": return true
        case "NO", "N", "FALSE", "DOES_NOT_ACCEPT_HEALTHY_VOLUNTEERS": return false
        default: return nil
        }
    }
}
