import TrialModel

/// The page layouts that copied text comes in.
enum TextLayout: String, CaseIterable, Sendable {
    case medpath
    case trialDetails = "trial-details"
    case overview
    case conditionListing = "condition-listing"
    case ctgovPage = "ctgov-page"
    case generic

    /// The layout's place in `allCases` (asked only when a signal scores, a few times a page).
    var index: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}

/// Picks a document's layout from its own signals (the headings and labels it contains, never its file
/// name): each layout scores the signals it would print, and the best score of at least
/// ``LayoutDetector/threshold`` wins; below it the document is `generic`.
enum LayoutDetector {
    /// The lowest score that names a layout.
    static let threshold = 4

    /// The layout of the document.
    static func detect(_ lines: TextLines) -> TextLayout {
        let scored = scores(lines)
        var best: (layout: TextLayout, score: Int) = (.generic, 0)
        for (index, layout) in TextLayout.allCases.enumerated() where layout != .generic {
            let score = scored[index]
            if score > best.score { best = (layout, score) }
        }
        return best.score >= threshold ? best.layout : .generic
    }

    /// Each layout's score, in the order of `TextLayout.allCases`.
    static func scores(_ lines: TextLines) -> [Int] {
        var scores = [Int](repeating: 0, count: TextLayout.allCases.count)
        // The signals seen so far: a page gives few, and each counts once.
        var seen: [String] = []
        func add(_ layout: TextLayout, _ points: Int, once signal: String) {
            guard !seen.contains(signal) else { return }
            seen.append(signal)
            scores[layout.index] += points
        }
        var isFirst = true
        for (line, key) in zip(lines.lines, lines.keys) where !line.isEmpty {
            if isFirst {
                isFirst = false
                if key == "MEDPATH" { add(.medpath, 4, once: "medpath-first") }
                if key == "OVERVIEW" { add(.overview, 3, once: "overview-first") }
                if key.hasSuffix("_CLINICAL_TRIAL") || key.hasSuffix("_CLINICAL_TRIALS") {
                    add(.conditionListing, 3, once: "condition-heading")
                }
            }
            guard line.utf8.count <= TextLines.maxKeyedBytes else {
                if line.hasSuffix("Reserved by MedPath") { add(.medpath, 3, once: "medpath-footer") }
                continue
            }
            if let signals = exactSignals[key] {
                for signal in signals where signal.holds(for: line) {
                    add(signal.layout, signal.points, once: signal.name)
                }
            }
            scoreMedPath(line, add)
            scoreTrialDetails(key, add)
            scoreOverview(line, add)
            scoreConditionListing(key, line, add)
            CTGovPageLayout.score(prefixOf: key, add)
        }
        return scores
    }

    private typealias Add = (TextLayout, Int, String) -> Void

    /// A signal a line gives when its whole key is a known heading or label (looked up once per line).
    private struct Signal {
        enum Condition { case always, lineHasAmpersand, lineEndsWithColon }
        let layout: TextLayout
        let points: Int
        let name: String
        var condition = Condition.always

        func holds(for line: String) -> Bool {
            switch condition {
            case .always: true
            case .lineHasAmpersand: TextValue.contains(0x26, in: line)
            case .lineEndsWithColon: line.utf8.last == 0x3A
            }
        }
    }

    /// The signals of whole keys, every layout's together.
    private static let exactSignals: KeyTable<[Signal]> = {
        var table: [String: [Signal]] = [:]
        func add(_ key: String, _ signal: Signal) { table[key, default: []].append(signal) }
        add("MEDPATH", Signal(layout: .medpath, points: 2, name: "medpath-name"))
        add("REGISTRATION_NUMBER", Signal(layout: .medpath, points: 2, name: "registration-number"))
        add("RECRUITMENT_ELIGIBILITY", Signal(layout: .medpath, points: 2, name: "recruitment-eligibility"))
        add(
            "STUDY_DESIGN",
            Signal(layout: .medpath, points: 2, name: "study-and-design", condition: .lineHasAmpersand))
        add("ARM_INTERVENTIONS", Signal(layout: .medpath, points: 2, name: "arm-interventions"))
        add("ARMS_INTERVENTIONS", Signal(layout: .medpath, points: 2, name: "arm-interventions"))
        add("GROUPINTERVENTIONDESCRIPTION", Signal(layout: .medpath, points: 2, name: "glued-arms-header"))
        add("NAMETIMEMETHOD", Signal(layout: .medpath, points: 2, name: "glued-outcome-header"))
        add("TARGET_RECRUITMENT", Signal(layout: .medpath, points: 1, name: "target-recruitment"))
        add("TRIAL_LOCATIONS", Signal(layout: .medpath, points: 1, name: "trial-locations"))
        add("ADMINISTRATIVE_DATA", Signal(layout: .trialDetails, points: 2, name: "administrative-data"))
        add("STUDY_INFORMATION", Signal(layout: .trialDetails, points: 1, name: "study-information"))
        add(
            "RECRUITMENT_INFORMATION_ELIGIBILITY",
            Signal(layout: .trialDetails, points: 2, name: "recruitment-information"))
        add("CLINICAL_TRIAL_SUMMARY", Signal(layout: .trialDetails, points: 2, name: "trial-summary"))
        add("LEAD_SPONSOR_COLLABORATOR", Signal(layout: .trialDetails, points: 1, name: "sponsor-header"))
        for key in ["TRIAL_END_DATE", "TRIAL_START_DATE"] {
            add(key, Signal(layout: .overview, points: 2, name: "trial-dates", condition: .lineEndsWithColon))
        }
        add(
            "TARGET_ENROLLMENT",
            Signal(layout: .overview, points: 2, name: "target-enrollment", condition: .lineEndsWithColon))
        add(
            "PARTICIPANT_GENDER",
            Signal(layout: .overview, points: 2, name: "participant-gender", condition: .lineEndsWithColon))
        add("CRITERIA", Signal(layout: .overview, points: 1, name: "criteria"))
        for (key, points, name) in CTGovPageLayout.headingSignals {
            add(key, Signal(layout: .ctgovPage, points: points, name: name))
        }
        return KeyTable(table)
    }()

    private static func scoreMedPath(_ line: String, _ add: Add) {
        if TextValue.hasSuffixIgnoringCase(line, "reserved by medpath") { add(.medpath, 3, "medpath-footer") }
    }

    private static func scoreTrialDetails(_ key: String, _ add: Add) {
        // Every key below starts with one of these letters.
        guard let lead = key.utf8.first, "CNORTAE".utf8.contains(lead) else { return }
        if key.hasPrefix("CLINICAL_TRIAL_DETAILS") { add(.trialDetails, 4, "details-heading") }
        if key.hasPrefix("NCT_NUMBER_NCT") { add(.trialDetails, 2, "nct-number") }
        if key.hasPrefix("OTHER_STUDY_ID") { add(.trialDetails, 2, "other-study-id") }
        if key.hasPrefix("REFERENCES_PUBLICATIONS") { add(.trialDetails, 1, "references-publications") }
        if key.hasPrefix("TYPE_MEASURE_DESCRIPTION_TIME_FRAME") { add(.trialDetails, 2, "outcome-header") }
        if key.hasPrefix("ACCEPTS_HEALTHY_VOLUNTEERS_") { add(.trialDetails, 1, "healthy-volunteers-inline") }
        if key.hasPrefix("EST_COMPLETION_DATE") || key.hasPrefix("EST_PRIMARY_COMPLETION_DATE") {
            add(.trialDetails, 1, "est-dates")
        }
    }

    private static func scoreOverview(_ line: String, _ add: Add) {
        let colon = line.utf8.last == 0x3A
        if TextValue.hasSuffixIgnoringCase(line, "accepts healthy volunteers?") {
            add(.overview, 2, "healthy-volunteers-question")
        }
        if colon, TextValue.hasSuffixIgnoringCase(line, "treatments:") { add(.overview, 2, "treatments") }
        if colon, TextValue.hasSuffixIgnoringCase(line, "lead sponsor:") { add(.overview, 1, "lead-sponsor-colon") }
    }

    private static func scoreConditionListing(_ key: String, _ line: String, _ add: Add) {
        if key == "OFFICIAL_TITLE", line.hasSuffix(":") {
            add(.conditionListing, 2, "official-title-label")
        }
        if key.hasPrefix("STATUS_CLINICAL_TRIAL_PHASE"), TextValue.hasPipe(line) {
            add(.conditionListing, 3, "related-table-header")
        }
    }
}
