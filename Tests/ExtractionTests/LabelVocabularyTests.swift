import Testing
import TrialModel

@testable import Extraction

/// The shipped label vocabulary and the checks on its file.
@Suite("Label vocabulary")
struct LabelVocabularyTests {
    @Test func theShippedFileNamesFieldsStatusesAndColumns() {
        let vocabulary = LabelVocabulary.shipped
        #expect(vocabulary.slots.count > 300)
        #expect(FieldLabels.slot(forLabel: "Overall Status") == .status)
        #expect(FieldLabels.slot(forLabel: "Recruitment Status:") == .status)
        #expect(FieldLabels.slot(forLabel: "Health condition(s) or problem(s) studied") == .conditions)
        #expect(FieldLabels.slot(forLabel: "Condition category") == .ignored)
        #expect(FieldLabels.slot(forLabel: "Date of first enrolment") == .startDate)
        #expect(FieldLabels.slot(forLabel: "Sponsor's Protocol Code Number") == .orgStudyId)
        #expect(vocabulary.status("Prematurely Ended") == .terminated)
        #expect(vocabulary.status("Open Actively Recruiting") == .recruiting)
        #expect(vocabulary.status("Started") == nil)
        #expect(vocabulary.column("Time Frame") == "timeFrame")
        #expect(vocabulary.column("Arm/Group Title") == "armLabel")
        #expect(FieldLabels.maxWords >= 10)
        #expect(FieldLabels.maxLabelBytes >= 60)
    }

    @Test func spellingsThatDifferInCaseOrPunctuationAreOne() throws {
        let vocabulary = try LabelVocabulary(text: "label\tconditions\tCondition(s):\n")
        #expect(vocabulary.slots["CONDITION_S"] == .conditions)
        #expect(vocabulary.slots.count == 1)
    }

    @Test(arguments: [
        ("label\tnoSuchField\tOverall", 1, "unknown field 'noSuchField'"),
        ("# comment\n\nstatus\tFINISHED\tDone", 3, "unknown status 'FINISHED'"),
        ("label\tstatus", 1, "expected three tab-separated fields"),
        ("column\tmeasure\t--", 1, "the spelling '--' has no letter or digit"),
        ("labels\tstatus\tStatus", 1, "unknown kind 'labels'"),
    ])
    func aLineThatCannotBeReadIsReportedWithItsNumber(text: String, line: Int, message: String) {
        let error = #expect(throws: LabelVocabulary.LineError.self) { try LabelVocabulary(text: text) }
        #expect(error?.line == line)
        #expect(error?.message.hasPrefix(message) == true, "\(error?.message ?? "")")
    }
}
