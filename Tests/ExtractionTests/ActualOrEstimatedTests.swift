import PipelineTesting
import Testing
import TrialModel

@testable import Extraction

/// Whether a count or date is estimated or actual is read from the words of its label and value, on bytes.
@Suite struct ActualOrEstimatedTests {
    /// The rule on keys: the first word of the label's then the value's key that says so.
    private func reference(label: String, value: String) -> ActualOrEstimated? {
        for word in EnumNormalizer.key(label + " " + value).split(separator: "_") {
            switch word {
            case "EST", "ESTIMATED", "ANTICIPATED", "EXPECTED", "PLANNED", "TARGET": return .estimated
            case "ACTUAL": return .actual
            default: continue
            }
        }
        return nil
    }

    @Test(arguments: [
        ("Start Date", "March 2021 (Actual)", ActualOrEstimated.actual),
        ("Est. Completion Date", "2027-01", .estimated), ("Enrollment", "120 participants", nil),
        ("Target recruitment", "300", .estimated), ("Actual Enrollment", "Estimated 40", .actual),
        ("Status", "estimation_pending", nil), ("Établissement", "2020 ÉST", nil),
    ])
    func readsTheFirstWordThatSaysSo(label: String, value: String, expected: ActualOrEstimated?) {
        #expect(RecordFields.actualOrEstimated(label: label, value: value) == expected)
    }

    @Test func randomLabelsAndValuesFollowTheRule() {
        let pieces = [
            "Est", "est.", "ESTIMATED", "Anticipated", "expected", "Planned", "target", "Actual", "actually",
            "date", "2024", " ", "(", ")", "_", "-", "é", "Enrollment", "targets", "estA", "\u{00A0}",
        ]
        var generator = SeededGenerator(seed: 5)
        func text() -> String {
            (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                .joined()
        }
        for _ in 0..<2_000 {
            let (label, value) = (text(), text())
            #expect(
                RecordFields.actualOrEstimated(label: label, value: value) == reference(label: label, value: value),
                "\(label) | \(value)")
        }
    }
}
