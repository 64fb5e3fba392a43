import Testing

@testable import Extraction

@Suite struct CTGovCriteriaTests {
    @Test func splitsMarkdownBulletsAndUnescapesAfterwards() {
        let text = #"""
            Inclusion Criteria:

            * Age \>= 18
            * \*Measurable\* disease
              * nested point

            Exclusion Criteria:

            * Prior treatment with \<drug\>
            """#
        let split = CTGovCriteria.split(text, unescape: CTGovText.unescapeMarkdown)
        #expect(split.inclusion == ["Age >= 18", "*Measurable* disease", "nested point"])
        #expect(split.exclusion == ["Prior treatment with <drug>"])
        #expect(split.warning == nil)
    }

    @Test func splitsNumberedItemsAndKeepsHeadingTextOnTheSameLine() {
        let text = """
            Inclusion Criteria: 1. Willing to sign consent;
            2.Age 18-75 years;
            3) Hemoglobin ≥ 9 g/dl and creatinine
            2.0 g/dl or less
            (4) Adequate liver function
            Exclusion criteria: 1. Hypersensitivity to the drug;
            a) active infection
            iv. pregnancy
            """
        let split = CTGovCriteria.split(text)
        #expect(
            split.inclusion == [
                "Willing to sign consent;", "Age 18-75 years;",
                "Hemoglobin ≥ 9 g/dl and creatinine 2.0 g/dl or less",
                "Adequate liver function",
            ])
        #expect(split.exclusion == ["Hypersensitivity to the drug;", "active infection", "pregnancy"])
    }

    @Test func readsHeadingVariants() {
        let text = """
            KEY INCLUSION CRITERIA
            - a
            **Exclusion Criteria:**
            - b
            Inclusion criteria for part 2:
            - c
            """
        let split = CTGovCriteria.split(text)
        #expect(split.inclusion == ["a", "c"])
        #expect(split.exclusion == ["b"])
    }

    @Test func doesNotTakeSentencesMentioningInclusionForHeadings() {
        let text = """
            Inclusion Criteria:
            - Patients with inclusion bodies seen on biopsy
            - Meets exclusion rules of the parent protocol in full detail as written
            Exclusion Criteria:
            - none of the above
            """
        let split = CTGovCriteria.split(text)
        #expect(
            split.inclusion == [
                "Patients with inclusion bodies seen on biopsy",
                "Meets exclusion rules of the parent protocol in full detail as written",
            ])
        #expect(split.exclusion == ["none of the above"])
    }

    @Test func paragraphsWithoutBulletsAreOneCriterionEach() {
        let text = """
            Inclusion Criteria:

            Adults with asthma diagnosed
            at least a year ago.

            Able to use an inhaler.
            """
        #expect(
            CTGovCriteria.split(text).inclusion == [
                "Adults with asthma diagnosed at least a year ago.", "Able to use an inhaler.",
            ])
    }

    @Test func textWithoutHeadingsGoesToInclusionWithAWarning() {
        let split = CTGovCriteria.split("- Adults\n- Non-smokers")
        #expect(split.inclusion == ["Adults", "Non-smokers"])
        #expect(split.exclusion.isEmpty)
        #expect(split.warning != nil)
    }

    @Test func preambleBeforeTheFirstHeadingIsNotACriterion() {
        let split = CTGovCriteria.split(
            "Patients must meet all of these:\n\nInclusion Criteria:\n- Adults\n")
        #expect(split.inclusion == ["Adults"])
        #expect(split.warning == nil)
    }

    @Test(arguments: [
        ("* item", "item"), ("- item", "item"), ("• item", "item"), ("•item", "item"),
        ("1. item", "item"),
        ("12) item", "item"), ("3、item", "item"), ("(2) item", "item"), ("（3）item", "item"),
        ("b. item", "item"),
        ("ii) item", "item"), ("1.Item", "Item"), ("iv.item", nil), ("A) item", nil),
        ("ab中. item", nil), ("é) item", nil), ("iv) item", "item"), ("x. item", "item"),
    ])
    func removesMarkers(line: String, rest: String?) {
        #expect(CTGovCriteria.withoutMarker(Substring(line)).map(String.init) == rest)
    }

    @Test(arguments: [
        "-2 log reduction", "*p < 0.05", "2.0 g/dl", "e.g. anything", "18 years", "Age", "10.5%", "Adults. item",
        "abcde) item", "abc", "ab item", "ab: item", "1,2. item",
    ])
    func leavesTextThatOnlyLooksLikeAMarker(line: String) {
        #expect(CTGovCriteria.withoutMarker(Substring(line)) == nil)
    }
}
