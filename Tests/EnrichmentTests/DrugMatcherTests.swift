import Enrichment
import Testing

@Suite("Drug matcher")
struct DrugMatcherTests {
    let matcher = TestDictionary.matcher

    @Test("finds names in any letter case, keeps the spelling as written and its byte range")
    func caseInsensitive() throws {
        let text = "Nivolumab plus IPILIMUMAB, then opdivo."
        let mentions = matcher.mentions(in: text)
        #expect(mentions.map(\.drugs) == [["nivolumab"], ["ipilimumab"], ["nivolumab"]])
        #expect(mentions.map(\.text) == ["Nivolumab", "IPILIMUMAB", "opdivo"])
        let first = try #require(mentions.first)
        #expect(Array(Array(text.utf8)[first.range]) == Array("Nivolumab".utf8))
        #expect(mentions.allSatisfy { !$0.isMisspelling && $0.regimen == nil })
    }

    @Test("the longest spelling wins")
    func longestMatch() {
        #expect(
            matcher.drugNames(in: "trastuzumab deruxtecan (T-DXd) versus trastuzumab") == [
                "trastuzumab deruxtecan", "trastuzumab deruxtecan", "trastuzumab",
            ])
        #expect(matcher.drugNames(in: "trastuzumab\n  deruxtecan") == ["trastuzumab deruxtecan"])
        #expect(
            matcher.drugNames(in: "tegafur, gimeracil and oteracil; tegafur alone") == [
                "tegafur, gimeracil and oteracil", "tegafur",
            ])
    }

    @Test("names are whole words: never inside another word")
    func wholeWords() {
        #expect(matcher.drugNames(in: "pembrolizumabs thalidomides prethalidomide nivolumab2 xcetuximab") == [])
        #expect(
            matcher.drugNames(in: "pembrolizumab's effect (nivolumab) [cetuximab]") == [
                "pembrolizumab", "nivolumab", "cetuximab",
            ])
    }

    @Test("a hyphen separates words: capecitabine-based and non-cetuximab mention the drug")
    func hyphenIsABoundary() {
        #expect(matcher.drugNames(in: "capecitabine-like, capecitabine-based") == ["capecitabine", "capecitabine"])
        #expect(matcher.drugNames(in: "second-line non-cetuximab treatment") == ["cetuximab"])
        #expect(matcher.drugNames(in: "anti-PD-1 antibody") == [])
    }

    @Test("hyphenated names and codes: nab-paclitaxel, 5-FU, T-DM1, MK-3475 and its usual variants")
    func hyphenatedNames() {
        let mentions = matcher.mentions(in: "nab-paclitaxel, 5-FU, 5–FU, T-DM1, MK-3475, MK3475, MK 3475")
        #expect(mentions.map(\.text) == ["nab-paclitaxel", "5-FU", "5–FU", "T-DM1", "MK-3475", "MK3475", "MK 3475"])
        #expect(
            mentions.flatMap(\.drugs) == [
                "paclitaxel", "fluorouracil", "fluorouracil", "trastuzumab emtansine", "pembrolizumab",
                "pembrolizumab", "pembrolizumab",
            ])
        #expect(matcher.drugNames(in: "nab paclitaxel") == ["paclitaxel"])
        // Short sides keep their only spelling: "5FU", "S1" and "TDM1" are not read as drugs.
        #expect(matcher.drugNames(in: "5FU, liver segment S1, TDM1") == [])
        #expect(matcher.drugNames(in: "S-1 plus oxaliplatin") == ["tegafur, gimeracil and oteracil", "oxaliplatin"])
    }

    @Test("not drugs: ordinary words, gene and protein names, placebo")
    func negatives() {
        let text = """
            Placebo tablets matching the study drug. Thalidomide binds CRBN and degrades IKZF1; PD-1 \
            and PD-L1 blockade; the A+T combination; chemotherapy and radiotherapy; control arm.
            """
        #expect(matcher.drugNames(in: text) == ["thalidomide"])
    }

    @Test("names next to CJK text, a trademark sign or a full-width bracket are found; next to a letter not")
    func unicodeNeighbours() {
        #expect(matcher.drugNames(in: "使用沙利度胺thalidomide治疗") == ["thalidomide"])
        #expect(
            matcher.drugNames(in: "Keytruda® and Avastin™（bevacizumab）") == [
                "pembrolizumab", "bevacizumab", "bevacizumab",
            ])
        #expect(matcher.drugNames(in: "thalidomideé éthalidomide") == [])
    }

    @Test("a regimen stands for each of its drugs and keeps its own spelling")
    func regimens() throws {
        let mentions = matcher.mentions(in: "HIPEC Combined With PD-1 and SOX Chemotherapy; CapeOX; R-CHOP")
        #expect(mentions.map(\.text) == ["SOX", "CapeOX", "R-CHOP"])
        #expect(mentions.map(\.regimen) == ["SOX", "XELOX", "R-CHOP"])
        #expect(mentions[0].drugs == ["tegafur, gimeracil and oteracil", "oxaliplatin"])
        #expect(mentions[2].drugs.count == 5)
        // Gene names and words that contain a regimen name are not regimens.
        #expect(matcher.drugNames(in: "SOX2 expression; soxhlet extraction") == [])
    }

    @Test("strict regimens match only where allowed and only in the dictionary's letter case")
    func strictRegimens() {
        #expect(matcher.drugNames(in: "AC followed by EP") == [])
        #expect(
            matcher.drugNames(in: "AC followed by EP", allowingStrict: true) == [
                "doxorubicin", "cyclophosphamide", "etoposide", "cisplatin",
            ])
        #expect(matcher.drugNames(in: "ac or Ep regimen", allowingStrict: true) == [])
    }

    @Test("an empty or name-free text gives nothing")
    func nothing() {
        #expect(matcher.mentions(in: "").isEmpty)
        #expect(matcher.mentions(in: "   \n\t").isEmpty)
        #expect(matcher.mentions(in: "The overall incidence of liver metastases is about 9.9%-18.7%.").isEmpty)
    }

    @Test("an empty dictionary matches nothing")
    func emptyDictionary() {
        let matcher = DrugMatcher(dictionary: DrugDictionary())
        #expect(matcher.mentions(in: "thalidomide and atezolizumab").isEmpty)
    }
}
