public import TrialModel

/// A small, seeded pseudo-random generator (SplitMix64) so every generated record can be reproduced.
public struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Builds varied trial records: hostile text (control characters, quotes, backslashes, markup, non-BMP
/// emoji, combining marks), nil and filled optionals, empty and long lists, and every enum case.
public struct RandomRecords {
    /// Text pieces that stress escaping; each generated string mixes several of them.
    public static let pieces: [String] = [
        "plain", "Phase II", "\"quoted\"", "back\\slash", "</script>", "<b>&amp;</b>", "]]>", "a & b",
        "x < y > z", "tab\there", "line\nbreak", "cr\rlf\r\n", "\u{0}nul", "\u{1}\u{2}\u{1F}",
        "\u{7F}del",
        "\u{8}\u{C}", "emoji 😀🧬", "e\u{301}\u{328}", "naïve café", "日本語", "\u{2028}\u{2029}",
        "\u{FEFF}bom", "\u{FFFD}", "'single'", "/slash/", "{\"json\":[1,2]}", "  spaced  ",
        "\u{10FFFF}",
    ]

    public var rng: SeededGenerator
    /// When true, fields the contract constrains (ids, dates, codes, counts) get arbitrary values too.
    public let wild: Bool

    public init(seed: UInt64, wild: Bool) {
        rng = SeededGenerator(seed: seed)
        self.wild = wild
    }

    public mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &rng) < percent }

    /// Non-empty text that always starts with a letter, so it stays non-empty once control characters
    /// are stripped for XML.
    public mutating func text() -> String {
        var result = ["Alpha", "beta", "Gamma", "delta"].randomElement(using: &rng)!
        for _ in 0..<Int.random(in: 0...4, using: &rng) {
            result += Self.pieces.randomElement(using: &rng)!
        }
        return result
    }

    public mutating func optionalText() -> String? { chance(35) ? nil : text() }

    public mutating func texts(max: Int = 4) -> [String] {
        (0..<Int.random(in: 0...max, using: &rng)).map { _ in text() }
    }

    public mutating func optionalCase<E: CaseIterable>(_: E.Type) -> E? {
        chance(25) ? nil : E.allCases.randomElement(using: &rng)
    }

    public mutating func digits(_ count: Int) -> String {
        String((0..<count).map { _ in "0123456789".randomElement(using: &rng)! })
    }

    public mutating func hex(_ count: Int) -> String {
        String((0..<count).map { _ in "0123456789abcdef".randomElement(using: &rng)! })
    }

    public mutating func nctId() -> String { wild && chance(30) ? text() : "NCT" + digits(8) }

    public mutating func date() -> String {
        if wild && chance(30) { return text() }
        let month = "2024-" + String(format2: Int.random(in: 1...12, using: &rng))
        return chance(50) ? month : month + "-" + String(format2: Int.random(in: 1...28, using: &rng))
    }

    public mutating func count() -> Int {
        if wild && chance(20) { return [Int.min, -1, Int.max].randomElement(using: &rng)! }
        return Int.random(in: 0...100_000, using: &rng)
    }

    public mutating func dateStruct() -> DateStruct? {
        chance(30) ? nil : DateStruct(date: date(), type: optionalCase(ActualOrEstimated.self))
    }

    public mutating func list<T>(max: Int = 3, _ make: (inout RandomRecords) -> T) -> [T] {
        (0..<Int.random(in: 0...max, using: &rng)).map { _ in make(&self) }
    }

    public mutating func drugName() -> String {
        wild && chance(30)
            ? text()
            : ["thalidomide", "5-fluorouracil", "interferon alfa-2b"].randomElement(using: &rng)!
    }

    public mutating func atc() -> String {
        wild && chance(30) ? text() : ["L04AX02", "L01XA03", "L01BC06"].randomElement(using: &rng)!
    }

    /// One record; about one in ten is the empty record (every optional nil, every list empty).
    public mutating func record() -> TrialRecord {
        let nct = chance(70) ? nctId() : nil
        let id = nct ?? (wild && chance(30) ? text() : "doc-" + hex(16))
        let provenance = Provenance(
            sourcePath: text(), sha256: wild && chance(30) ? text() : hex(64), bytes: count(),
            layout: text(), pipeline: text(),
            processedAt: "2025-01-0\(Int.random(in: 1...9, using: &rng))T12:00:00Z")
        var r = TrialRecord(id: id, provenance: provenance)
        if chance(10) { return r }
        r.nctId = nct
        r.orgStudyId = optionalText()
        r.secondaryIds = texts()
        r.warnings = texts(max: 2)
        r.briefTitle = optionalText()
        r.officialTitle = optionalText()
        r.acronym = optionalText()
        r.overallStatus = optionalCase(OverallStatus.self)
        r.phases = list { $0.optionalCase(Phase.self) ?? .phase1 }
        r.studyType = optionalCase(StudyType.self)
        r.design = Design(
            allocation: optionalCase(Allocation.self),
            interventionModel: optionalCase(InterventionModel.self),
            primaryPurpose: optionalCase(PrimaryPurpose.self), masking: optionalCase(Masking.self))
        r.conditions = texts()
        r.keywords = texts()
        r.interventions = list {
            Intervention(
                type: $0.optionalCase(InterventionType.self), name: $0.text(),
                description: $0.optionalText(),
                otherNames: $0.texts(max: 2))
        }
        r.armGroups = list {
            ArmGroup(
                label: $0.text(), type: $0.optionalCase(ArmGroupType.self), description: $0.optionalText(),
                interventionNames: $0.texts(max: 2))
        }
        r.leadSponsor = chance(30) ? nil : Sponsor(name: text(), class: optionalText())
        r.collaborators = list { Collaborator(name: $0.text()) }
        r.enrollment =
            chance(30) ? nil : Enrollment(count: count(), type: optionalCase(ActualOrEstimated.self))
        r.dates = TrialDates(
            start: dateStruct(), primaryCompletion: dateStruct(), completion: dateStruct(),
            statusVerified: chance(50) ? nil : date(), firstSubmitted: chance(50) ? nil : date(),
            lastUpdate: chance(50) ? nil : date())
        r.briefSummary = optionalText()
        r.detailedDescription = optionalText()
        r.eligibility = Eligibility(
            criteria: optionalText(), inclusion: texts(max: 6), exclusion: texts(max: 6),
            sex: optionalCase(Sex.self), minimumAge: chance(50) ? nil : "18 Years",
            maximumAge: chance(50) ? nil : "75 Years", healthyVolunteers: chance(30) ? nil : chance(50))
        r.primaryOutcomes = list {
            Outcome(measure: $0.text(), timeFrame: $0.optionalText(), description: $0.optionalText())
        }
        r.secondaryOutcomes = list {
            Outcome(measure: $0.text(), timeFrame: $0.optionalText(), description: $0.optionalText())
        }
        r.locations = list {
            Location(
                facility: $0.optionalText(), city: $0.optionalText(), state: $0.optionalText(),
                zip: $0.optionalText(),
                country: $0.optionalText())
        }
        r.contacts = list {
            Contact(
                name: $0.optionalText(), role: $0.optionalText(), phone: $0.optionalText(),
                email: $0.optionalText())
        }
        r.references = list {
            Reference(
                citation: $0.text(), pmid: $0.chance(50) ? nil : $0.digits(8), doi: $0.optionalText())
        }
        r.drugs = list {
            Drug(
                name: $0.drugName(), mentions: $0.texts(max: 2), foundIn: $0.texts(max: 2),
                atc: $0.list(max: 2) { $0.atc() }, classes: $0.texts(max: 2),
                role: $0.chance(50) ? .intervention : .mentioned)
        }
        r.crossReferences = list {
            CrossReference(nctId: $0.nctId(), foundIn: $0.texts(max: 2), inCorpus: $0.chance(50))
        }
        r.seeAlso = list {
            SeeAlsoLink(
                nctId: $0.chance(30) ? nil : $0.nctId(), title: $0.optionalText(),
                overallStatus: $0.optionalCase(OverallStatus.self), phases: $0.list { _ in Phase.phase2 },
                url: "https://example.org/" + $0.text())
        }
        r.referencedBy = list { $0.nctId() }
        return r
    }

    /// A record with every optional set and every list filled, every enum list holding all its cases.
    public mutating func fullRecord() -> TrialRecord {
        var r = record()
        while r.nctId == nil || r.leadSponsor == nil || r.enrollment == nil { r = record() }
        r.orgStudyId = text()
        r.briefTitle = text()
        r.officialTitle = text()
        r.acronym = text()
        r.overallStatus = .recruiting
        r.phases = Phase.allCases
        r.studyType = .interventional
        r.design = Design(
            allocation: .randomized, interventionModel: .parallel, primaryPurpose: .treatment,
            masking: .double)
        r.briefSummary = text()
        r.detailedDescription = text()
        r.secondaryIds = [text()]
        r.warnings = [text()]
        r.conditions = [text(), text()]
        r.keywords = [text()]
        r.interventions = [
            Intervention(type: .drug, name: text(), description: text(), otherNames: [text()])
        ]
        r.armGroups = [
            ArmGroup(label: text(), type: .experimental, description: text(), interventionNames: [text()])
        ]
        r.collaborators = [Collaborator(name: text())]
        r.dates = TrialDates(
            start: DateStruct(date: "2024-01-02", type: .actual),
            primaryCompletion: DateStruct(date: "2025-06", type: .estimated),
            completion: DateStruct(date: "2026-01"), statusVerified: "2024-03",
            firstSubmitted: "2023-12-01",
            lastUpdate: "2024-04-05")
        r.eligibility = Eligibility(
            criteria: text(), inclusion: [text()], exclusion: [text()], sex: .all, minimumAge: "18 Years",
            maximumAge: "75 Years", healthyVolunteers: false)
        r.primaryOutcomes = [Outcome(measure: text(), timeFrame: text(), description: text())]
        r.secondaryOutcomes = [Outcome(measure: text(), timeFrame: text(), description: text())]
        r.locations = [
            Location(facility: text(), city: text(), state: text(), zip: text(), country: text())
        ]
        r.contacts = [Contact(name: text(), role: text(), phone: text(), email: text())]
        r.references = [Reference(citation: text(), pmid: "12345678", doi: text())]
        r.drugs = [
            Drug(
                name: "thalidomide", mentions: [text()], foundIn: [text()], atc: ["L04AX02"],
                classes: [text()], role: .intervention)
        ]
        r.crossReferences = [CrossReference(nctId: "NCT01234567", foundIn: [text()], inCorpus: true)]
        r.seeAlso = [
            SeeAlsoLink(
                nctId: "NCT07654321", title: text(), overallStatus: .completed, phases: [.phase3],
                url: "https://example.org/x")
        ]
        r.referencedBy = ["NCT01111111", "doc-0123456789abcdef"]
        return r
    }
}

extension RandomRecords {
    /// The full record with every enum field set to case `index` of its type (wrapping), so that a
    /// sweep over `0..<14` writes every case of every enum.
    public mutating func enumSweep(_ index: Int) -> TrialRecord {
        func pick<E: CaseIterable>(_: E.Type) -> E {
            let all = Array(E.allCases)
            return all[index % all.count]
        }
        var r = fullRecord()
        r.overallStatus = pick(OverallStatus.self)
        r.phases = [pick(Phase.self)]
        r.studyType = pick(StudyType.self)
        r.design = Design(
            allocation: pick(Allocation.self), interventionModel: pick(InterventionModel.self),
            primaryPurpose: pick(PrimaryPurpose.self), masking: pick(Masking.self))
        r.interventions[0].type = pick(InterventionType.self)
        r.armGroups[0].type = pick(ArmGroupType.self)
        r.enrollment?.type = pick(ActualOrEstimated.self)
        r.dates.start?.type = pick(ActualOrEstimated.self)
        r.eligibility.sex = pick(Sex.self)
        r.drugs[0].role = pick(DrugRole.self)
        r.seeAlso[0].overallStatus = pick(OverallStatus.self)
        r.seeAlso[0].phases = [pick(Phase.self)]
        return r
    }
}

extension String {
    /// A two-digit, zero-padded decimal.
    public init(format2 value: Int) { self = value < 10 ? "0\(value)" : "\(value)" }
}
