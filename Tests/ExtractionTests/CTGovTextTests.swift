import PipelineTesting
import Testing

@testable import Extraction

@Suite struct CTGovTextTests {
    @Test func removesTextBlockIndentationAndKeepsParagraphs() {
        let raw = "\n      Line one\n      continues here.\n\n\n      Second   paragraph.\n    "
        #expect(CTGovText.paragraphs(raw) == "Line one continues here.\n\nSecond paragraph.")
        #expect(CTGovText.block(raw) == "Line one\ncontinues here.\n\nSecond paragraph.")
        #expect(CTGovText.paragraphs("  \n  ") == nil)
    }

    /// The one-pass text blocks read every text as the line-by-line rule they replace: lines cut as
    /// ``CTGovText/lines(_:)`` cuts them, each collapsed, then joined.
    @Test func textBlocksReadEveryTextAsLineByLine() {
        var texts = RandomText(pieces: [
            "word", "É", "x", " ", "  ", "\t", "\n", "\n", "\r\n", "\r", "\u{A0}", "\u{85}", "\u{2028}", "\u{3000}",
            "\u{2009}", "\u{0B}", "Not available", "N/A", ".",
        ])
        texts.forEach(3000, pieces: 0...24) { text in
            #expect(CTGovText.paragraphs(text) == Self.paragraphsLineByLine(text), "\(text.debugDescription)")
            #expect(CTGovText.block(text) == Self.blockLineByLine(text), "\(text.debugDescription)")
        }
    }

    /// Paragraphs as the lines of the text say them (the rule `paragraphs` implements in one pass).
    static func paragraphsLineByLine(_ raw: String) -> String? {
        var paragraphs: [String] = []
        var current: [String] = []
        for line in CTGovText.lines(raw) {
            let trimmed = CTGovText.collapse(line)
            if trimmed.isEmpty {
                if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
                current = []
            } else {
                current.append(trimmed)
            }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
        let text = paragraphs.joined(separator: "\n\n")
        return text.isEmpty || CTGovText.isPlaceholder(text) ? nil : text
    }

    /// A block as the lines of the text say it (the rule `block` implements in one pass).
    static func blockLineByLine(_ raw: String) -> String? {
        var out: [String] = []
        var blank = false
        for line in CTGovText.lines(raw) {
            let trimmed = CTGovText.collapse(line)
            if trimmed.isEmpty {
                blank = !out.isEmpty
            } else {
                if blank { out.append("") }
                blank = false
                out.append(trimmed)
            }
        }
        let text = out.joined(separator: "\n")
        return text.isEmpty || CTGovText.isPlaceholder(text) ? nil : text
    }

    @Test(arguments: [
        ("a\nb\r\nc\n", ["a", "b", "c", ""]), ("a\rb\r", ["a", "b", ""]), ("", [""]), ("\r\n", ["", ""]),
        ("é\n\nü\r", ["é", "", "ü"]), ("\r\ra\nb", ["\r\ra", "b"]),
    ])
    func splitsLinesAtEveryLineEnd(text: String, lines: [String]) {
        #expect(CTGovText.lines(text).map(String.init) == lines)
    }

    @Test func unescapesMarkdownButKeepsOtherBackslashes() {
        #expect(
            CTGovText.unescapeMarkdown(#"\>= 5 \< 7 \* \_x\_ \\ C:\path \d"#)
                == #">= 5 < 7 * _x_ \ C:\path \d"#)
        #expect(CTGovText.markdown("  a\\-b  \r\nnext\\") == "a-b\nnext\\")
    }

    @Test(arguments: ["Not available", "N/A", "NA", "none", "-", "Not Applicable", "  "])
    func placeholdersMeanNoValue(text: String) {
        #expect(CTGovText.paragraphs(text) == nil)
        #expect(CTGovText.markdown(text) == nil)
    }

    @Test func keepsRealValuesThatStartLikePlaceholders() {
        #expect(CTGovText.paragraphs("None of the patients had prior therapy.") != nil)
        #expect(CTGovText.isPlaceholder("NA") && !CTGovText.isPlaceholder("NAC"))
    }

    @Test(arguments: [
        ("doi: 10.1056/NEJMoa1234567.", "10.1056/NEJMoa1234567"),
        ("https://doi.org/10.1016/S0140-6736(20)30183-5", "10.1016/S0140-6736(20)30183-5"),
        ("(DOI 10.1200/JCO.2019.37.15_suppl.1000), 2019", "10.1200/JCO.2019.37.15_suppl.1000"),
    ])
    func findsDOIs(citation: String, doi: String) {
        #expect(CTGovText.doi(in: citation) == doi)
    }

    @Test func findsNoDOIWhereThereIsNone() {
        #expect(CTGovText.doi(in: "Smith J. Lancet. 2010;10.5:1-10.") == nil)
        #expect(CTGovText.doi(in: "Version 110.1234/5") == nil)
    }

    @Test func readsStudyAddresses() {
        #expect(
            CTGovText.studyNCTId(inURL: "https://clinicaltrials.gov/study/NCT01234567") == "NCT01234567")
        #expect(
            CTGovText.studyNCTId(inURL: "https://www.clinicaltrials.gov/ct2/show/NCT01234567?term=x")
                == "NCT01234567")
        #expect(
            CTGovText.studyNCTId(inURL: "http://ClinicalTrials.gov/show/nct01234567") == "NCT01234567")
        #expect(CTGovText.studyNCTId(inURL: "https://example.org/study/NCT01234567") == nil)
        #expect(
            CTGovText.studyNCTId(inURL: "https://clinicaltrials.gov/search?term=NCT01234567") == nil)
        #expect(CTGovText.studyNCTId(inURL: "https://clinicaltrials.gov/study/NCT0123") == nil)
    }

    @Test func mapsLegacyAgencyClassesAndStripsArmInterventionPrefixes() {
        #expect(CTGovRecordParts.agencyClass("U.S. Fed") == "FED")
        #expect(CTGovRecordParts.agencyClass("Industry") == "INDUSTRY")
        #expect(CTGovRecordParts.agencyClass(nil) == nil)
        #expect(CTGovRecordParts.interventionName("Drug: Capecitabine") == "Capecitabine")
        #expect(CTGovRecordParts.interventionName("Dietary Supplement: Vitamin D") == "Vitamin D")
        #expect(
            CTGovRecordParts.interventionName("Regimen A: drugs X and Y") == "Regimen A: drugs X and Y")
    }
}
