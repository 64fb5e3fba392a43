import Testing
import TrialModel

/// Inputs the fuzz targets (Fuzz/, `Scripts/fuzz`) found problems with, reduced to what caused each one.
@Suite("fuzz regressions", .timeLimit(.minutes(1)))
struct FuzzRegressionTests {
    /// `extract` time-out: a criterion continued over hundreds of lines was re-collapsed as a whole on every
    /// line, so a long item cost time quadratic in its length. Twenty thousand continuation lines took 27 s of
    /// CPU that way (release build) and 0.02 s now that only the new text is collapsed; the time limit fails
    /// the old way.
    @Test func criterionContinuedOverManyLinesIsReadInLinearTime() throws {
        let continuation = "and a further condition written on its own line"
        let lines = 20_000
        let text =
            "Overview\nA long criteria list\nStatus:\nRecruiting\nCriteria\nInclusion Criteria:\n"
            + "1. Adults with a confirmed diagnosis\n"
            + String(repeating: continuation + "\n", count: lines)
            + "Exclusion Criteria:\n1. Pregnancy\n"
        let record = try Fixture.record(text)
        let expected =
            "Adults with a confirmed diagnosis" + String(repeating: " " + continuation, count: lines)
        #expect(record.eligibility.inclusion == [expected])
        #expect(record.eligibility.exclusion == ["Pregnancy"])
    }
}
