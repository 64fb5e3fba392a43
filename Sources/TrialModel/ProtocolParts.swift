/// The study design: allocation, model, purpose and masking.
public struct Design: Sendable, Equatable, Codable {
    public var allocation: Allocation?
    public var interventionModel: InterventionModel?
    public var primaryPurpose: PrimaryPurpose?
    public var masking: Masking?

    public init(
        allocation: Allocation? = nil, interventionModel: InterventionModel? = nil,
        primaryPurpose: PrimaryPurpose? = nil, masking: Masking? = nil
    ) {
        self.allocation = allocation
        self.interventionModel = interventionModel
        self.primaryPurpose = primaryPurpose
        self.masking = masking
    }
}

/// One intervention (drug, procedure, device, …) the study gives.
public struct Intervention: Sendable, Equatable, Codable {
    public var type: InterventionType?
    public var name: String
    public var description: String?
    public var otherNames: [String]

    public init(type: InterventionType? = nil, name: String, description: String? = nil, otherNames: [String] = []) {
        self.type = type
        self.name = name
        self.description = description
        self.otherNames = otherNames
    }
}

/// One arm (group of participants) of the study.
public struct ArmGroup: Sendable, Equatable, Codable {
    public var label: String
    public var type: ArmGroupType?
    public var description: String?
    public var interventionNames: [String]

    public init(label: String, type: ArmGroupType? = nil, description: String? = nil, interventionNames: [String] = [])
    {
        self.label = label
        self.type = type
        self.description = description
        self.interventionNames = interventionNames
    }
}

/// The lead sponsor; `class` is null unless the document states it.
public struct Sponsor: Sendable, Equatable, Codable {
    public var name: String
    public var `class`: String?

    public init(name: String, class sponsorClass: String? = nil) {
        self.name = name
        self.class = sponsorClass
    }
}

/// A collaborating organisation.
public struct Collaborator: Sendable, Equatable, Codable {
    public var name: String

    public init(name: String) { self.name = name }
}

/// How many participants the study enrols.
public struct Enrollment: Sendable, Equatable, Codable {
    public var count: Int
    public var type: ActualOrEstimated?

    public init(count: Int, type: ActualOrEstimated? = nil) {
        self.count = count
        self.type = type
    }
}

/// A date with whether it is actual or estimated; `date` is `YYYY-MM-DD` or `YYYY-MM`.
public struct DateStruct: Sendable, Equatable, Codable {
    public var date: String
    public var type: ActualOrEstimated?

    public init(date: String, type: ActualOrEstimated? = nil) {
        self.date = date
        self.type = type
    }
}

/// The study's milestone dates.
public struct TrialDates: Sendable, Equatable, Codable {
    public var start: DateStruct?
    public var primaryCompletion: DateStruct?
    public var completion: DateStruct?
    public var statusVerified: String?
    public var firstSubmitted: String?
    public var lastUpdate: String?

    public init(
        start: DateStruct? = nil, primaryCompletion: DateStruct? = nil, completion: DateStruct? = nil,
        statusVerified: String? = nil, firstSubmitted: String? = nil, lastUpdate: String? = nil
    ) {
        self.start = start
        self.primaryCompletion = primaryCompletion
        self.completion = completion
        self.statusVerified = statusVerified
        self.firstSubmitted = firstSubmitted
        self.lastUpdate = lastUpdate
    }
}

/// Who may take part: the raw criteria, one entry per criterion, sex, ages and healthy volunteers.
public struct Eligibility: Sendable, Equatable, Codable {
    public var criteria: String?
    public var inclusion: [String]
    public var exclusion: [String]
    public var sex: Sex?
    /// In `"18 Years"` form.
    public var minimumAge: String?
    /// In `"75 Years"` form.
    public var maximumAge: String?
    public var healthyVolunteers: Bool?

    public init(
        criteria: String? = nil, inclusion: [String] = [], exclusion: [String] = [], sex: Sex? = nil,
        minimumAge: String? = nil, maximumAge: String? = nil, healthyVolunteers: Bool? = nil
    ) {
        self.criteria = criteria
        self.inclusion = inclusion
        self.exclusion = exclusion
        self.sex = sex
        self.minimumAge = minimumAge
        self.maximumAge = maximumAge
        self.healthyVolunteers = healthyVolunteers
    }
}

/// One outcome measure.
public struct Outcome: Sendable, Equatable, Codable {
    public var measure: String
    public var timeFrame: String?
    public var description: String?

    public init(measure: String, timeFrame: String? = nil, description: String? = nil) {
        self.measure = measure
        self.timeFrame = timeFrame
        self.description = description
    }
}

/// One study site.
public struct Location: Sendable, Equatable, Codable {
    public var facility: String?
    public var city: String?
    public var state: String?
    public var zip: String?
    public var country: String?

    public init(
        facility: String? = nil, city: String? = nil, state: String? = nil, zip: String? = nil, country: String? = nil
    ) {
        self.facility = facility
        self.city = city
        self.state = state
        self.zip = zip
        self.country = country
    }
}

/// A person to contact about the study.
public struct Contact: Sendable, Equatable, Codable {
    public var name: String?
    public var role: String?
    public var phone: String?
    public var email: String?

    public init(name: String? = nil, role: String? = nil, phone: String? = nil, email: String? = nil) {
        self.name = name
        self.role = role
        self.phone = phone
        self.email = email
    }
}

/// A publication the document cites.
public struct Reference: Sendable, Equatable, Codable {
    public var citation: String
    public var pmid: String?
    public var doi: String?

    public init(citation: String, pmid: String? = nil, doi: String? = nil) {
        self.citation = citation
        self.pmid = pmid
        self.doi = doi
    }
}
