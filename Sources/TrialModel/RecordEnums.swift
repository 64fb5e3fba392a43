/// A trial's overall recruitment status, in ClinicalTrials.gov API v2 spelling.
public enum OverallStatus: String, Sendable, Codable, CaseIterable {
    case notYetRecruiting = "NOT_YET_RECRUITING"
    case recruiting = "RECRUITING"
    case enrollingByInvitation = "ENROLLING_BY_INVITATION"
    case activeNotRecruiting = "ACTIVE_NOT_RECRUITING"
    case suspended = "SUSPENDED"
    case terminated = "TERMINATED"
    case completed = "COMPLETED"
    case withdrawn = "WITHDRAWN"
    case unknown = "UNKNOWN"
    case withheld = "WITHHELD"
    case available = "AVAILABLE"
    case noLongerAvailable = "NO_LONGER_AVAILABLE"
    case temporarilyNotAvailable = "TEMPORARILY_NOT_AVAILABLE"
    case approvedForMarketing = "APPROVED_FOR_MARKETING"
}

/// A trial phase, in ClinicalTrials.gov API v2 spelling.
public enum Phase: String, Sendable, Codable, CaseIterable, Comparable {
    case earlyPhase1 = "EARLY_PHASE1"
    case phase1 = "PHASE1"
    case phase2 = "PHASE2"
    case phase3 = "PHASE3"
    case phase4 = "PHASE4"
    case notApplicable = "NA"

    private var order: Int { Phase.allCases.firstIndex(of: self) ?? 0 }
    public static func < (lhs: Phase, rhs: Phase) -> Bool { lhs.order < rhs.order }
}

/// The kind of study.
public enum StudyType: String, Sendable, Codable, CaseIterable {
    case interventional = "INTERVENTIONAL"
    case observational = "OBSERVATIONAL"
    case expandedAccess = "EXPANDED_ACCESS"
}

/// How participants are assigned to groups.
public enum InterventionModel: String, Sendable, Codable, CaseIterable {
    case singleGroup = "SINGLE_GROUP"
    case parallel = "PARALLEL"
    case crossover = "CROSSOVER"
    case factorial = "FACTORIAL"
    case sequential = "SEQUENTIAL"
}

/// Whether assignment to arms is randomized.
public enum Allocation: String, Sendable, Codable, CaseIterable {
    case randomized = "RANDOMIZED"
    case nonRandomized = "NON_RANDOMIZED"
    case notApplicable = "NA"
}

/// The main reason for the trial.
public enum PrimaryPurpose: String, Sendable, Codable, CaseIterable {
    case treatment = "TREATMENT"
    case prevention = "PREVENTION"
    case diagnostic = "DIAGNOSTIC"
    case ect = "ECT"
    case supportiveCare = "SUPPORTIVE_CARE"
    case screening = "SCREENING"
    case healthServicesResearch = "HEALTH_SERVICES_RESEARCH"
    case basicScience = "BASIC_SCIENCE"
    case deviceFeasibility = "DEVICE_FEASIBILITY"
    case other = "OTHER"
}

/// Who is kept unaware of the assignment.
public enum Masking: String, Sendable, Codable, CaseIterable {
    case none = "NONE"
    case single = "SINGLE"
    case double = "DOUBLE"
    case triple = "TRIPLE"
    case quadruple = "QUADRUPLE"
}

/// The kind of an intervention.
public enum InterventionType: String, Sendable, Codable, CaseIterable {
    case drug = "DRUG"
    case biological = "BIOLOGICAL"
    case procedure = "PROCEDURE"
    case device = "DEVICE"
    case radiation = "RADIATION"
    case behavioral = "BEHAVIORAL"
    case genetic = "GENETIC"
    case dietarySupplement = "DIETARY_SUPPLEMENT"
    case combinationProduct = "COMBINATION_PRODUCT"
    case diagnosticTest = "DIAGNOSTIC_TEST"
    case other = "OTHER"
}

/// The role of an arm group.
public enum ArmGroupType: String, Sendable, Codable, CaseIterable {
    case experimental = "EXPERIMENTAL"
    case activeComparator = "ACTIVE_COMPARATOR"
    case placeboComparator = "PLACEBO_COMPARATOR"
    case shamComparator = "SHAM_COMPARATOR"
    case noIntervention = "NO_INTERVENTION"
    case other = "OTHER"
}

/// Whether a date or count is actual or estimated.
public enum ActualOrEstimated: String, Sendable, Codable, CaseIterable {
    case actual = "ACTUAL"
    case estimated = "ESTIMATED"
}

/// Who may take part.
public enum Sex: String, Sendable, Codable, CaseIterable {
    case all = "ALL"
    case female = "FEMALE"
    case male = "MALE"
}

/// Whether a drug is one of the study's interventions or only mentioned.
public enum DrugRole: String, Sendable, Codable, CaseIterable {
    case intervention
    case mentioned
}
