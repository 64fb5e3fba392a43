import Enrichment
import Testing

@Suite("Misspelt drug names")
struct MisspellingTests {
    let matcher = TestDictionary.matcher

    @Test("a close misspelling of a long name is read as the drug and flagged")
    func closeMisspelling() throws {
        let mentions = matcher.mentions(in: "the A+T combination (bevacizumab and atelelizumab)")
        #expect(mentions.map(\.drugs) == [["bevacizumab"], ["atezolizumab"]])
        let misspelt = try #require(mentions.last)
        #expect(misspelt.isMisspelling)
        #expect(misspelt.text == "atelelizumab")
        #expect(matcher.drugNames(in: "Lenvatnib and Sorafenob") == ["lenvatinib"])
    }

    @Test("a farther misspelling counts only beside the correct name in the same text")
    func documentContext() {
        #expect(matcher.drugNames(in: "Compared with placebo, ramolutumab improved mOS.") == [])
        #expect(
            matcher.drugNames(in: "Ramucirumab (8mg/kg) or placebo. Compared with placebo, ramolutumab improved") == [
                "ramucirumab", "ramucirumab",
            ])
    }

    @Test("short words, words without a drug stem, other first letters and far words are not read as drugs")
    func conservative() {
        // "sorafenob": no stem; "xevacizumab": another first letter; "zolimab": too short;
        // the other antibodies are real drugs missing from this dictionary and far from every entry.
        #expect(matcher.drugNames(in: "sorafenob xevacizumab zolimab tislelizumab camrelizumab sintilimab") == [])
        #expect(matcher.drugNames(in: "nucleotide polypeptide thermostat sulfonamide hepatocellular") == [])
    }

    @Test("a misspelling equally close to two drugs is left alone")
    func ambiguous() throws {
        let dictionary = try DrugDictionary(
            drugsTSV: """
                name\tsynonyms\tatc\tclasses
                abcdefzumab\t\t\tX
                abcdehzumab\t\t\tX

                """)
        let matcher = DrugMatcher(dictionary: dictionary)
        #expect(matcher.drugNames(in: "abcdegzumab") == [])
        #expect(matcher.drugNames(in: "abcdefzumab then abcdegzumab") == ["abcdefzumab", "abcdefzumab"])
    }
}
