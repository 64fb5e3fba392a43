import Foundation
import TrialModel

/// The label vocabulary shipped in `Resources/labels.tsv`: every label spelling the registries and aggregators
/// print, with the record field it names; spellings of overall status values; and table column names. The
/// generic reader and every site layout look labels up here (through ``FieldLabels``), so a label learnt once
/// is read on every page.
struct LabelVocabulary: Sendable {
    /// The field each label key names (`EnumNormalizer.key` of the spelling).
    let slots: [String: FieldSlot]
    /// The overall status each status spelling key names.
    let statuses: [String: OverallStatus]
    /// The column each column-name key names.
    let columns: [String: String]
    /// The most words in any label spelling.
    let maxWords: Int
    /// The most UTF-8 bytes in any label spelling.
    let maxLabelBytes: Int

    /// The vocabulary shipped with the extractor, read once.
    static let shipped: LabelVocabulary = {
        guard let url = Bundle.module.url(forResource: "labels", withExtension: "tsv", subdirectory: "Resources"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else {
            fatalError("Resources/labels.tsv is missing from the Extraction module's bundle; rebuild the package")
        }
        do {
            return try LabelVocabulary(text: text)
        } catch {
            fatalError("Resources/labels.tsv: \(error)")
        }
    }()

    /// A line of the vocabulary file that cannot be read.
    struct LineError: Error, CustomStringConvertible {
        var line: Int
        var message: String
        var description: String { "line \(line): \(message)" }
    }

    /// Reads a vocabulary file's text.
    init(text: String) throws(LineError) {
        var slots: [String: FieldSlot] = [:]
        var statuses: [String: OverallStatus] = [:]
        var columns: [String: String] = [:]
        var maxWords = 1
        var maxLabelBytes = 1
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = TextValue.trimmed(rawLine)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(TextValue.trimmed)
            guard fields.count == 3, !fields[2].isEmpty else {
                throw LineError(
                    line: offset + 1,
                    message: "expected three tab-separated fields (kind, field, spelling), found \(fields.count)")
            }
            let key = EnumNormalizer.key(fields[2])
            guard !key.isEmpty else {
                throw LineError(line: offset + 1, message: "the spelling '\(fields[2])' has no letter or digit")
            }
            switch fields[0] {
            case "label":
                guard let slot = FieldSlot(vocabularyName: fields[1]) else {
                    throw LineError(
                        line: offset + 1,
                        message: "unknown field '\(fields[1])'; use one of \(FieldSlot.vocabularyNames.keys.sorted())"
                    )
                }
                slots[key] = slot
                maxWords = max(maxWords, key.split(separator: "_").count)
                maxLabelBytes = max(maxLabelBytes, fields[2].utf8.count)
            case "status":
                guard let status = OverallStatus(rawValue: fields[1]) else {
                    throw LineError(
                        line: offset + 1,
                        message: "unknown status '\(fields[1])'; use one of "
                            + OverallStatus.allCases.map(\.rawValue).joined(separator: ", "))
                }
                statuses[key] = status
            case "column":
                columns[key] = fields[1]
            default:
                throw LineError(
                    line: offset + 1, message: "unknown kind '\(fields[0])'; use label, status or column")
            }
        }
        self.slots = slots
        self.statuses = statuses
        self.columns = columns
        self.maxWords = maxWords
        self.maxLabelBytes = maxLabelBytes
    }

    /// The overall status a whole value spells ("Prematurely Ended", "Open Actively Recruiting"), if the
    /// vocabulary lists it.
    func status(_ value: some StringProtocol) -> OverallStatus? { statuses[EnumNormalizer.key(value)] }

    /// The column a table header cell names ("Time Frame" → `timeFrame`), if the vocabulary lists it.
    func column(_ header: some StringProtocol) -> String? { columns[EnumNormalizer.key(header)] }
}

extension FieldSlot {
    /// The field names the vocabulary file uses.
    static let vocabularyNames: [String: FieldSlot] = [
        "registryId": .registryId, "orgStudyId": .orgStudyId, "secondaryId": .secondaryId,
        "briefTitle": .briefTitle, "officialTitle": .officialTitle, "acronym": .acronym, "status": .status,
        "phase": .phase, "studyType": .studyType, "studyDesign": .studyDesign, "allocation": .allocation,
        "interventionModel": .interventionModel, "masking": .masking, "primaryPurpose": .primaryPurpose,
        "conditions": .conditions, "keywords": .keywords, "interventions": .interventions,
        "leadSponsor": .leadSponsor, "collaborators": .collaborators, "enrollment": .enrollment,
        "startDate": .startDate, "primaryCompletionDate": .primaryCompletionDate,
        "completionDate": .completionDate, "statusVerified": .statusVerified, "firstSubmitted": .firstSubmitted,
        "lastUpdate": .lastUpdate, "sex": .sex, "ageRange": .ageRange, "minimumAge": .minimumAge,
        "maximumAge": .maximumAge, "healthyVolunteers": .healthyVolunteers, "briefSummary": .briefSummary,
        "detailedDescription": .detailedDescription, "criteria": .criteria,
        "inclusionCriteria": .inclusionCriteria, "exclusionCriteria": .exclusionCriteria,
        "contactName": .contactName, "contactPhone": .contactPhone, "contactEmail": .contactEmail,
        "ignored": .ignored,
    ]

    /// The field a vocabulary file names.
    init?(vocabularyName name: String) {
        guard let slot = Self.vocabularyNames[name] else { return nil }
        self = slot
    }
}
