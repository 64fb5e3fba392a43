import PipelineTesting
import Testing
import TrialModel

@testable import Extraction

@Suite struct GluedCellsTests {
    @Test func splitsAtCaseTransitions() {
        let row = "ThalidomideThalidomide Combined With ChemotherapyThe study is divided into two phases: A and B."
        let split = GluedCells.split(row, columns: 3)
        #expect(
            split.cells == [
                "Thalidomide", "Thalidomide Combined With Chemotherapy",
                "The study is divided into two phases: A and B.",
            ])
        #expect(!split.guessed)
    }

    @Test func splitsAfterAnUpperCaseRun() {
        let split = GluedCells.split("Thalidomide and TACEThalidomideThalidomide is used", columns: 3)
        #expect(split.cells == ["Thalidomide and TACE", "Thalidomide", "Thalidomide is used"])
    }

    @Test func keepsWordsWithALowerCasePrefixWhole() {
        let split = GluedCells.split(
            "Cohort A: mFOLFOX6 + PembrolizumabPembrolizumabGiven with pCR assessment", columns: 3)
        #expect(split.cells == ["Cohort A: mFOLFOX6 + Pembrolizumab", "Pembrolizumab", "Given with pCR assessment"])
        #expect(!split.guessed)
    }

    @Test func usesInterventionNamesThePageListed() {
        let table = ArmsTableReader.read(
            [
                "GroupInterventionDescription",
                "Cohort A: mFOLFOX6 + PembrolizumabmFOLFOX6Standard mFOLFOX6 every 2 weeks",
                "Cohort A: mFOLFOX6 + PembrolizumabPembrolizumabPembrolizumab 200 mg IV Q3W",
            ], knownInterventions: ["Pembrolizumab", "mFOLFOX6"])
        #expect(table.arms.map(\.label) == ["Cohort A: mFOLFOX6 + Pembrolizumab"])
        #expect(table.arms.first?.interventionNames == ["mFOLFOX6", "Pembrolizumab"])
        #expect(
            table.interventions.map(\.description) == [
                "Standard mFOLFOX6 every 2 weeks", "Pembrolizumab 200 mg IV Q3W",
            ])
        #expect(!table.guessed)
    }

    @Test func readsAGluedDashAsAnEmptyLastCell() {
        let split = GluedCells.split("TACE onlyTACE-", columns: 3)
        #expect(split.cells == ["TACE only", "TACE", "-"])
    }

    @Test func usesCellsSeenInOtherRowsWhenTransitionsDoNotSuffice() {
        let split = GluedCells.split(
            "Thalidomide and TACETACEThalidomide is used", columns: 3,
            known: [["Thalidomide and TACE", "TACE only"], ["Thalidomide", "TACE"]])
        #expect(split.cells == ["Thalidomide and TACE", "TACE", "Thalidomide is used"])
        #expect(split.guessed)
    }

    @Test func takesPipesAsTheyAre() {
        let split = GluedCells.split("Arm A | Drug: X | Given daily | extra", columns: 3)
        #expect(split.cells == ["Arm A", "Drug: X", "Given daily | extra"])
        #expect(!split.guessed)
    }

    @Test func armsTableGivesOneArmPerLabelAndOneInterventionPerName() {
        let table = ArmsTableReader.read([
            "GroupInterventionDescription",
            "Placebo ArmDrug: PlaceboMatching placebo tablets",
            "Low DoseDrug: Vericiguat 2.5 mgVericiguat 2.5 mg once daily",
            "High DoseDrug: Vericiguat 10 mgVericiguat 10 mg once daily",
        ])
        #expect(table.arms.map(\.label) == ["Placebo Arm", "Low Dose", "High Dose"])
        #expect(table.interventions.map(\.name) == ["Placebo", "Vericiguat 2.5 mg", "Vericiguat 10 mg"])
        #expect(table.interventions.allSatisfy { $0.type == .drug })
        #expect(table.arms[1].interventionNames == ["Vericiguat 2.5 mg"])
    }

    @Test func armsTableReadsCellsOnTheirOwnLines() {
        let table = ArmsTableReader.read([
            "Group", "Intervention", "Description", "Cohort 1", "Radiation: SBRT", "30 Gy in 5 fractions",
            "Cohort 2", "Radiation: SBRT", "-",
        ])
        #expect(table.arms.map(\.label) == ["Cohort 1", "Cohort 2"])
        #expect(
            table.interventions == [Intervention(type: .radiation, name: "SBRT", description: "30 Gy in 5 fractions")])
    }
}

@Suite struct TimeFrameSplitTests {
    @Test(arguments: [
        ("Overall survival36 months", "Overall survival", "36 months"),
        (
            "progression-free survival (PFS)Randomization to progression ]", "progression-free survival (PFS)",
            "Randomization to progression"
        ),
        ("Quality of life (QOL)UpUp to end of study", "Quality of life (QOL)", "Up to end of study"),
        ("HbA1c change from baselineBaseline and week 26", "HbA1c change from baseline", "Baseline and week 26"),
        ("Serum log10 viral load24 weeks", "Serum log10 viral load", "24 weeks"),
        (
            "Incidence of AEsThrough study completion, an average of 1 year", "Incidence of AEs",
            "Through study completion, an average of 1 year"
        ),
        ("ORR24 weeks", "ORR", "24 weeks"),
        ("Objective response rate (ORR)up to 24 weeks", "Objective response rate (ORR)", "up to 24 weeks"),
    ])
    func splitsMeasureAndTimeFrame(_ text: String, _ measure: String, _ timeFrame: String) {
        let split = TimeFrameSplit.split(text)
        #expect(split.measure == measure)
        #expect(split.timeFrame == timeFrame)
        #expect(!split.guessed)
    }

    @Test func keepsAMeasureWithoutTimeFrame() {
        let split = TimeFrameSplit.split("Overall survival")
        #expect(split.measure == "Overall survival")
        #expect(split.timeFrame == nil)
    }

    @Test func spacedRowsSplitMeasureDescriptionAndTimeFrame() {
        let rows = SpacedOutcomeRows.read([
            "Type Measure Description Time frame Safety issue",
            "Primary Complete remission rate Proportion of patients in CR. At week 12 No",
            "Secondary Duration of Response in Participants Who Responded DoR is the time to relapse. 2 years Yes",
            "Other Number of participants with adverse events Number of participants with any AE. 30 days after last dose",
        ])
        #expect(rows.primary.map(\.measure) == ["Complete remission rate"])
        #expect(rows.primary.first?.timeFrame == "At week 12")
        #expect(rows.primary.first?.description == "Proportion of patients in CR.")
        #expect(
            rows.secondary.map(\.measure) == [
                "Duration of Response in Participants Who Responded", "Number of participants with adverse events",
            ])
        #expect(rows.secondary.map(\.timeFrame) == ["2 years", "30 days after last dose"])
    }

    @Test func spacedRowsWithSentenceCaseMeasuresAndArticles() {
        let rows = SpacedOutcomeRows.read([
            "Primary Overall survival defined as time to death 5 years",
            "Secondary Number of Participants With TEAEs A TEAE is any event after the first dose. Up to 30 days",
        ])
        #expect(rows.primary.first?.timeFrame == "5 years")
        #expect(rows.secondary.first?.measure == "Number of Participants With TEAEs")
        #expect(rows.secondary.first?.description == "A TEAE is any event after the first dose.")
        #expect(rows.secondary.first?.timeFrame == "Up to 30 days")
    }
}

@Suite struct RelatedTrialsReaderTests {
    @Test func readsRowsOnOneLine() {
        let links = RelatedTrialsReader.read([
            "  Status Clinical Trial Phase",
            "Terminated NCT04601610 - KN046 Combined With Ningatinib in Advanced HCC Phase 1/Phase 2",
            "Active, not recruiting NCT00000001 - Early Study Early Phase 1",
            "Withdrawn NCT00000002 - A Study Without Phase",
        ])
        #expect(links.map(\.nctId) == ["NCT04601610", "NCT00000001", "NCT00000002"])
        #expect(links.map(\.overallStatus) == [.terminated, .activeNotRecruiting, .withdrawn])
        #expect(links.map(\.phases) == [[.phase1, .phase2], [.earlyPhase1], []])
        #expect(
            links.map(\.title) == [
                "KN046 Combined With Ningatinib in Advanced HCC", "Early Study", "A Study Without Phase",
            ])
    }

    @Test func readsPipeCellsAcrossLines() {
        let links = RelatedTrialsReader.read([
            "Status | Clinical Trial | Phase | |", "---|---|---|---|", "Recruiting |", "NCT06283121 -",
            "A Clinical Study of BioTTT001", "|", "Phase 2 | |", "Enrolling by invitation |", "NCT06283122 -",
            "Follow-up Study", "|", "N/A | |",
        ])
        #expect(links.map(\.nctId) == ["NCT06283121", "NCT06283122"])
        #expect(links.map(\.overallStatus) == [.recruiting, .enrollingByInvitation])
        #expect(links.map(\.title) == ["A Clinical Study of BioTTT001", "Follow-up Study"])
        #expect(links.map(\.phases) == [[.phase2], [.notApplicable]])
    }

    @Test func phaseTextKnowsPhaseOnlyCells() {
        #expect(PhaseText.isPhaseOnly("Phase 1/Phase 2"))
        #expect(PhaseText.isPhaseOnly("Phase II"))
        #expect(PhaseText.isPhaseOnly("Early Phase 1"))
        #expect(PhaseText.isPhaseOnly("N/A"))
        #expect(!PhaseText.isPhaseOnly("Phase 2 Study of X"))
        #expect(!PhaseText.isPhaseOnly("Recruiting"))
    }
}

@Suite struct SmallReadersTests {
    @Test func undoublesValues() {
        #expect(TextValue.undoubled("AllAll") == "All")
        #expect(TextValue.undoubled("Not yet recruiting Not yet recruiting") == "Not yet recruiting")
        #expect(TextValue.undoubled("Ab Ab Ab") == "Ab Ab Ab")
        #expect(TextValue.clean("  : Fudan University ") == "Fudan University")
    }

    @Test(arguments: ["Not available", "N/A", "n/a", "None", "-", "NA", "not provided"])
    func nullWordsAreNoValue(_ word: String) {
        #expect(TextValue.clean(word) == nil)
    }

    @Test func removesMarkdownEscapesAndUnicodeSpaces() {
        let lines = TextLines("a \\>= 5 mm\\_x\u{00A0}y\n\u{00A0} \\| kept \n")
        #expect(lines.lines == ["a >= 5 mm_x y", "\\| kept", ""])
    }

    @Test func findsOnlyWholeNCTIds() {
        #expect(TextValue.nctIds(in: "NCT01234567, NCT0123456 and XNCT01234568 or NCT012345678") == ["NCT01234567"])
    }

    @Test func ungluesLabels() {
        let glue = GluedLabels(
            punctuated: ["Phase:", "Accepts Healthy Volunteers?", "Treatments:"], headings: ["Details"])
        #expect(glue.split("…the effect.Phase:") == ["…the effect.", "Phase:"])
        #expect(glue.split("Phase 3Accepts Healthy Volunteers?") == ["Phase 3", "Accepts Healthy Volunteers?"])
        #expect(glue.split("NoDetails") == ["No", "Details"])
        #expect(glue.split("See Details") == ["See Details"])
        #expect(glue.split("Fudan UniversityTreatments: Cetuximab") == ["Fudan University", "Treatments: Cetuximab"])
    }

    @Test func readsCitations() {
        let refs = CitationReader.read([
            "Smith A. A trial. N Engl J Med. 2020;1:2. doi: 10.1056/NEJMoa2000001. PMID: 32000001 — View Citation",
            "",
            "Jones B. Another trial. Lancet. 2019. PubMed ID 31000002. — View Citation",
            "* Note: There are 2 references in allClick here to view all references",
        ])
        #expect(refs.count == 2)
        #expect(refs[0].doi == "10.1056/NEJMoa2000001")
        #expect(refs[0].pmid == "32000001")
        #expect(
            refs[0].citation == "Smith A. A trial. N Engl J Med. 2020;1:2. doi: 10.1056/NEJMoa2000001. PMID: 32000001")
        #expect(refs[1].doi == nil)
        #expect(refs[1].pmid == "31000002")
    }

    @Test func splitsOrganisationNames() {
        let split = SponsorSplitter.split("Seoul National University Hospital Samsung Medical Center", expected: 2)
        #expect(split.names == ["Seoul National University Hospital", "Samsung Medical Center"])
        #expect(!split.guessed)
        let university = SponsorSplitter.split("University of Oxford Wellcome Trust", expected: 2)
        #expect(university.names == ["University of Oxford Wellcome Trust"])
        #expect(university.guessed)
    }

    @Test func readsAddresses() {
        #expect(
            LocationText.location(facility: "Site 1", address: "Boston, Massachusetts, 02115, United States")
                == Location(
                    facility: "Site 1", city: "Boston", state: "Massachusetts", zip: "02115", country: "United States"))
        #expect(LocationText.location(facility: nil, address: "Japan") == Location(country: "Japan"))
        #expect(LocationText.isFlag("🇨🇳"))
        #expect(!LocationText.isFlag("China"))
    }

    @Test func detectsLayoutsFromTheirOwnSignals() {
        #expect(LayoutDetector.detect(TextLines(MedPathLayoutTests.page)) == .medpath)
        #expect(LayoutDetector.detect(TextLines(TrialDetailsLayoutTests.page)) == .trialDetails)
        #expect(LayoutDetector.detect(TextLines(OverviewLayoutTests.page)) == .overview)
        #expect(LayoutDetector.detect(TextLines("Title: X\nStatus: Recruiting\nPhase: 2")) == .generic)
        #expect(LayoutDetector.detect(TextLines("Overview\nJust a page about something")) == .generic)
    }

    @Test func scoresAreIndexedInTheOrderOfTheLayouts() {
        #expect(TextLayout.allCases.map(\.index) == Array(TextLayout.allCases.indices))
        let scores = LayoutDetector.scores(TextLines(MedPathLayoutTests.page))
        #expect(scores.firstIndex(of: scores.max()!) == TextLayout.medpath.index)
    }

    @Test func keyTablesAnswerLikeTheirDictionaries() {
        let values = ["LOCATIONS": 1, "A": 2, "9_LIVES": 3, "": 4, "lower": 5, String(repeating: "X", count: 200): 6]
        let table = KeyTable(values)
        let probes =
            Array(values.keys) + ["LOCATION", "B", "9_LIFE", "lowest", "X", String(repeating: "X", count: 199)]
        for probe in probes { #expect(table[probe] == values[probe], "\(probe)") }
    }
}

@Suite struct TextValueCollapsingTests {
    /// White space runs to one space, trimmed, one byte at a time: what `collapsed` must equal.
    static func collapsedByBytes(_ text: String) -> String {
        var out: [UInt8] = []
        var pendingSpace = false
        for byte in text.utf8 {
            if [0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D].contains(byte) {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(0x20) }
                pendingSpace = false
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static let pieces = [
        "a", "word", "Trial", " ", "  ", "   ", "\t", "\n", "\r\n", "\u{B}", "\u{C}", "\u{1}", "\u{1F}", "é", "—",
        "\u{A0}", "😀", ",", "12345678", "abcdefgh ",
    ]

    @Test func collapsingEqualsTheByteLoopOnRandomTexts() {
        var texts = RandomText(pieces: Self.pieces)
        texts.forEach(20000, pieces: 0...40) { text in
            #expect(TextValue.collapsed(text) == Self.collapsedByBytes(text), "\(Array(text.utf8))")
        }
        // Two spaces at every offset of a long collapsed text, and a control byte past the first eight bytes.
        let long = String(repeating: "abc defg ", count: 4)
        for offset in 0..<long.utf8.count {
            var bytes = Array(long.utf8)
            bytes.insert(0x20, at: offset)
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(TextValue.collapsed(text) == Self.collapsedByBytes(text), "offset \(offset)")
        }
        #expect(TextValue.collapsed("abcdefghij\tk") == "abcdefghij k")
    }
}
