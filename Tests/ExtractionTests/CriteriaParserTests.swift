import Testing
import TrialModel

@testable import Extraction

@Suite struct CriteriaParserTests {
    @Test(arguments: [
        ["1. First item", "2. Second item"], ["1) First item", "2) Second item"],
        ["(1) First item", "(2) Second item"], ["a. First item", "b. Second item"],
        ["* First item", "* Second item"], ["· First item", "· Second item"], ["▪ First item", "▪ Second item"],
        ["i. First item", "ii. Second item"], ["First item", "Second item"],
    ])
    func removesEveryMarkerStyle(_ lines: [String]) {
        let parsed = CriteriaParser.parse(lines: ["Inclusion Criteria:"] + lines)
        #expect(parsed.inclusion == ["First item", "Second item"])
        #expect(parsed.exclusion.isEmpty)
    }

    @Test func splitsANumberedListWrittenOnOneLine() {
        let parsed = CriteriaParser.parse(lines: [
            "Inclusion Criteria: 1. Age 18 to 75 years, weight ≥ 1.5 kg; 2. ECOG 0-1; 3. Signed consent. "
                + "Key Exclusion Criteria: 1. Pregnancy; 2. Prior therapy with version 2. of the drug"
        ])
        #expect(parsed.inclusion == ["Age 18 to 75 years, weight ≥ 1.5 kg;", "ECOG 0-1;", "Signed consent."])
        #expect(parsed.exclusion == ["Pregnancy;", "Prior therapy with version 2. of the drug"])
    }

    @Test func joinsWrappedLinesAndKeepsSubItemsWithTheirItem() {
        let parsed = CriteriaParser.parse(lines: [
            "Inclusion Criteria",
            "Patients must meet all of the following:",
            "1. Adequate organ function:",
            "   a. ANC ≥ 1.5 x 10^9/L",
            "   b. Platelets ≥ 100 x 10^9/L",
            "2. Life expectancy of at least",
            "12 weeks",
            "Exclusion Criteria",
            "- Known HIV infection",
            "- Uncontrolled",
            "  hypertension",
        ])
        #expect(
            parsed.inclusion == [
                "Adequate organ function: a. ANC ≥ 1.5 x 10^9/L b. Platelets ≥ 100 x 10^9/L",
                "Life expectancy of at least 12 weeks",
            ])
        #expect(parsed.exclusion == ["Known HIV infection", "Uncontrolled hypertension"])
    }

    @Test func readsUnmarkedLinesAsOneCriterionEach() {
        let parsed = CriteriaParser.parse(lines: [
            "Inclusion Criteria:", "Adults with asthma", "FEV1 between 40% and 80% of predicted and", "reversibility",
            "Exclusion Criteria:", "Smokers",
        ])
        #expect(parsed.inclusion == ["Adults with asthma", "FEV1 between 40% and 80% of predicted and reversibility"])
        #expect(parsed.exclusion == ["Smokers"])
    }

    @Test func recognisesHeadingForms() {
        #expect(CriteriaParser.heading(at: "Inclusion Criteria:1. Age")?.rest == "1. Age")
        #expect(CriteriaParser.heading(at: "Key exclusion criteria")?.mode == .exclusion)
        #expect(CriteriaParser.heading(at: "Exclusion: smokers")?.rest == "smokers")
        #expect(CriteriaParser.heading(at: "Inclusion criteria for Part A: adults")?.rest == "adults")
        #expect(CriteriaParser.heading(at: "Inclusion of women of childbearing potential") == nil)
    }

    @Test func keepsTheRawTextInEligibility() {
        var eligibility = Eligibility()
        CriteriaParser.add(
            lines: ["Inclusion Criteria:", "  1. Adults", "", "Exclusion Criteria:", "  1. Minors"], to: &eligibility)
        #expect(eligibility.criteria == "Inclusion Criteria:\n1. Adults\nExclusion Criteria:\n1. Minors")
        #expect(eligibility.inclusion == ["Adults"])
        #expect(eligibility.exclusion == ["Minors"])
    }
}

@Suite struct InlineBulletTests {
    @Test func splitsADashListWrittenOnOneLine() {
        let parsed = CriteriaParser.parse(lines: [
            "Inclusion Criteria: - Adults with sepsis - Admitted to ICU - Lactate 2 - 4 mmol/L "
                + "Exclusion Criteria: - Pregnancy"
        ])
        #expect(parsed.inclusion == ["Adults with sepsis", "Admitted to ICU", "Lactate 2 - 4 mmol/L"])
        #expect(parsed.exclusion == ["Pregnancy"])
    }
}
