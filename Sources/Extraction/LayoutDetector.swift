import TrialModel

/// The page layouts that copied text comes in.
enum TextLayout: String, CaseIterable, Sendable {
    case medpath
    case trialDetails = "trial-details"
    case overview
    case conditionListing = "condition-listing"
    case ctgovPage = "ctgov-page"
    case generic
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
        for layout in TextLayout.allCases where layout != .generic {
            let score = scored[layout, default: 0]
            if score > best.score { best = (layout, score) }
        }
        return best.score >= threshold ? best.layout : .generic
    }

    /// Each layout's score.
    static func scores(_ lines: TextLines) -> [TextLayout: Int] {
        var scores: [TextLayout: Int] = [:]
        var seen = Set<String>()
        func add(_ layout: TextLayout, _ points: Int, once signal: String) {
            guard seen.insert(signal).inserted else { return }
            scores[layout, default: 0] += points
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
            scoreMedPath(key, line, add)
            scoreTrialDetails(key, add)
            scoreOverview(key, line, add)
            scoreConditionListing(key, line, add)
            CTGovPageLayout.score(key, add)
        }
        return scores
    }

    private typealias Add = (TextLayout, Int, String) -> Void

    private static func scoreMedPath(_ key: String, _ line: String, _ add: Add) {
        switch key {
        case "MEDPATH": add(.medpath, 2, "medpath-name")
        case "REGISTRATION_NUMBER": add(.medpath, 2, "registration-number")
        case "RECRUITMENT_ELIGIBILITY": add(.medpath, 2, "recruitment-eligibility")
        case "STUDY_DESIGN" where TextValue.contains(0x26, in: line): add(.medpath, 2, "study-and-design")
        case "ARM_INTERVENTIONS", "ARMS_INTERVENTIONS": add(.medpath, 2, "arm-interventions")
        case "GROUPINTERVENTIONDESCRIPTION": add(.medpath, 2, "glued-arms-header")
        case "NAMETIMEMETHOD": add(.medpath, 2, "glued-outcome-header")
        case "TARGET_RECRUITMENT": add(.medpath, 1, "target-recruitment")
        case "TRIAL_LOCATIONS": add(.medpath, 1, "trial-locations")
        default:
            if TextValue.hasSuffixIgnoringCase(line, "reserved by medpath") { add(.medpath, 3, "medpath-footer") }
        }
    }

    private static func scoreTrialDetails(_ key: String, _ add: Add) {
        // Every key below starts with one of these letters.
        guard let lead = key.utf8.first, "CASNORTLE".utf8.contains(lead) else { return }
        if key.hasPrefix("CLINICAL_TRIAL_DETAILS") { add(.trialDetails, 4, "details-heading") }
        if key == "ADMINISTRATIVE_DATA" { add(.trialDetails, 2, "administrative-data") }
        if key == "STUDY_INFORMATION" { add(.trialDetails, 1, "study-information") }
        if key.hasPrefix("NCT_NUMBER_NCT") { add(.trialDetails, 2, "nct-number") }
        if key.hasPrefix("OTHER_STUDY_ID") { add(.trialDetails, 2, "other-study-id") }
        if key == "RECRUITMENT_INFORMATION_ELIGIBILITY" { add(.trialDetails, 2, "recruitment-information") }
        if key == "CLINICAL_TRIAL_SUMMARY" { add(.trialDetails, 2, "trial-summary") }
        if key.hasPrefix("REFERENCES_PUBLICATIONS") { add(.trialDetails, 1, "references-publications") }
        if key.hasPrefix("TYPE_MEASURE_DESCRIPTION_TIME_FRAME") { add(.trialDetails, 2, "outcome-header") }
        if key == "LEAD_SPONSOR_COLLABORATOR" { add(.trialDetails, 1, "sponsor-header") }
        if key.hasPrefix("ACCEPTS_HEALTHY_VOLUNTEERS_") { add(.trialDetails, 1, "healthy-volunteers-inline") }
        if key.hasPrefix("EST_COMPLETION_DATE") || key.hasPrefix("EST_PRIMARY_COMPLETION_DATE") {
            add(.trialDetails, 1, "est-dates")
        }
    }

    private static func scoreOverview(_ key: String, _ line: String, _ add: Add) {
        let colon = line.utf8.last == 0x3A
        if colon, key == "TRIAL_END_DATE" || key == "TRIAL_START_DATE" { add(.overview, 2, "trial-dates") }
        if colon, key == "TARGET_ENROLLMENT" { add(.overview, 2, "target-enrollment") }
        if colon, key == "PARTICIPANT_GENDER" { add(.overview, 2, "participant-gender") }
        if TextValue.hasSuffixIgnoringCase(line, "accepts healthy volunteers?") {
            add(.overview, 2, "healthy-volunteers-question")
        }
        if colon, TextValue.hasSuffixIgnoringCase(line, "treatments:") { add(.overview, 2, "treatments") }
        if key == "CRITERIA" { add(.overview, 1, "criteria") }
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
