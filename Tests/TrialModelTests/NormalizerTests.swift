import Testing
import TrialModel

@Suite("Normalizers")
struct NormalizerTests {
    @Test(arguments: [
        ("Not yet recruiting", OverallStatus.notYetRecruiting), ("NOT_YET_RECRUITING", .notYetRecruiting),
        ("Active, not recruiting", .activeNotRecruiting), ("Recruiting", .recruiting), ("recruiting", .recruiting),
        ("Enrolling by invitation", .enrollingByInvitation), ("Completed", .completed), ("Terminated", .terminated),
        ("Withdrawn", .withdrawn), ("Unknown status", .unknown), ("UNKNOWN", .unknown), ("Suspended", .suspended),
        ("Available", .available), ("No longer available", .noLongerAvailable),
        ("Temporarily not available", .temporarilyNotAvailable), ("Approved for marketing", .approvedForMarketing),
        ("Withheld", .withheld),
    ])
    func statuses(text: String, expected: OverallStatus) {
        #expect(EnumNormalizer.overallStatus(text) == expected)
    }

    @Test func unknownStatusWordsGiveNil() {
        #expect(EnumNormalizer.overallStatus("Sometime soon") == nil)
        #expect(EnumNormalizer.overallStatus("") == nil)
    }

    @Test(arguments: [
        ("Phase 1/Phase 2", [Phase.phase1, .phase2]), ("Phase II", [.phase2]), ("Phase Ib", [.phase1]),
        ("Early Phase 1", [.earlyPhase1]), ("N/A", [.notApplicable]), ("Not Applicable", [.notApplicable]),
        ("Phase 3", [.phase3]), ("PHASE1, PHASE2", [.phase1, .phase2]), ("Phase 2/3", [.phase2, .phase3]),
        ("Phase I/II", [.phase1, .phase2]), ("Phase IV", [.phase4]), ("phase 2b", [.phase2]),
        ("Phase 0", [.earlyPhase1]),
        ("A Prospective, Multicenter Phase II Study", [.phase2]), ("Phase 1/Phase 2 |", [.phase1, .phase2]),
        ("", []), ("Not stated", []),
    ])
    func phases(text: String, expected: [Phase]) {
        #expect(PhaseNormalizer.phases(text) == expected)
    }

    @Test(arguments: [
        ("June 5, 2023", "2023-06-05"), ("March 2007", "2007-03"), ("2024-08-31", "2024-08-31"), ("2023-03", "2023-03"),
        ("Jun 5 2023", "2023-06-05"), ("5 June 2023", "2023-06-05"), ("05-Jun-2023", "2023-06-05"),
        ("March, 2007", "2007-03"), ("2024/08/31", "2024-08-31"), ("08/31/2024", "2024-08-31"),
        ("Sept 30, 2021", "2021-09-30"), ("December 13, 2017", "2017-12-13"),
        ("June\u{00A0}5,\u{00A0}2023", "2023-06-05"), ("2023-06-05 (estimé)", "2023-06-05"),
    ])
    func dates(text: String, expected: String) {
        #expect(DateNormalizer.isoDate(text) == expected)
    }

    @Test(arguments: ["2023", "February 30, 2023", "soon", "", "13/45/2020"])
    func notDates(text: String) {
        #expect(DateNormalizer.isoDate(text) == nil)
    }

    @Test func ages() {
        #expect(AgeNormalizer.age("18 Years") == "18 Years")
        #expect(AgeNormalizer.age("18 years") == "18 Years")
        #expect(AgeNormalizer.age("6 Months") == "6 Months")
        #expect(AgeNormalizer.age("N/A") == nil)
        #expect(AgeNormalizer.range("18 years and older") == ("18 Years", nil))
        #expect(AgeNormalizer.range("18 Years to 75 Years") == ("18 Years", "75 Years"))
        #expect(AgeNormalizer.range("18-75 years") == ("18 Years", "75 Years"))
        #expect(AgeNormalizer.range("up to 75 years") == (nil, "75 Years"))
        #expect(AgeNormalizer.range("Child, Adult, Older Adult") == (nil, nil))
    }

    @Test func sexAndYesNo() {
        #expect(EnumNormalizer.sex("All") == .all)
        #expect(EnumNormalizer.sex("Both") == .all)
        #expect(EnumNormalizer.sex("Female") == .female)
        #expect(EnumNormalizer.sex("MALE") == .male)
        #expect(EnumNormalizer.sex("Unknown") == nil)
        #expect(EnumNormalizer.yesNo("No") == false)
        #expect(EnumNormalizer.yesNo("Accepts Healthy Volunteers") == true)
    }

    @Test func designValues() {
        #expect(EnumNormalizer.interventionModel("Single Group Assignment") == .singleGroup)
        #expect(EnumNormalizer.interventionModel("PARALLEL") == .parallel)
        #expect(EnumNormalizer.allocation("N/A") == .notApplicable)
        #expect(EnumNormalizer.allocation("Non-Randomized") == .nonRandomized)
        #expect(EnumNormalizer.masking("None (Open Label)") == Masking.none)
        #expect(EnumNormalizer.masking("Double (Participant, Investigator)") == .double)
        #expect(EnumNormalizer.primaryPurpose("Supportive Care") == .supportiveCare)
        #expect(EnumNormalizer.interventionType("Dietary Supplement") == .dietarySupplement)
        #expect(EnumNormalizer.armGroupType("Active Comparator") == .activeComparator)
        #expect(EnumNormalizer.actualOrEstimated("Anticipated") == .estimated)
        #expect(EnumNormalizer.studyType("Observational [Patient Registry]") == .observational)
    }
}

@Suite("Record ids")
struct RecordIDTests {
    @Test func theNCTIdWinsElseTheNormalizedTitleIsHashed() {
        #expect(RecordID.make(nctId: "NCT01234567", officialTitle: "x", briefTitle: nil, text: "") == "NCT01234567")
        let a = RecordID.make(nctId: nil, officialTitle: "  A Study  of X\n", briefTitle: "B", text: "t")
        let b = RecordID.make(nctId: nil, officialTitle: "a study of x", briefTitle: nil, text: "other")
        #expect(a == b)
        #expect(a == "doc-" + String(SHA256.hex("a study of x").prefix(16)))
        let brief = RecordID.make(nctId: nil, officialTitle: nil, briefTitle: "Brief", text: "t")
        #expect(brief == "doc-" + String(SHA256.hex("brief").prefix(16)))
        let text = RecordID.make(nctId: nil, officialTitle: nil, briefTitle: nil, text: "Whole  Text")
        #expect(text == "doc-" + String(SHA256.hex("whole text").prefix(16)))
        #expect(RecordID.make(nctId: "NCT123", officialTitle: "T", briefTitle: nil, text: "").hasPrefix("doc-"))
    }

    @Test func safeFileNames() {
        #expect(RecordID.isSafeFileName("NCT01234567"))
        #expect(RecordID.isSafeFileName("doc-0123456789abcdef"))
        #expect(!RecordID.isSafeFileName("../etc/passwd"))
        #expect(!RecordID.isSafeFileName("doc-0123456789ABCDEF"))
    }
}

@Suite("SHA-256")
struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
    ])
    func knownVectors(input: String, digest: String) {
        #expect(SHA256.hex(input) == digest)
    }

    @Test func aMillionAsAndPiecewiseFeeding() {
        let million = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(SHA256.hex(million) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        var hasher = SHA256()
        var offset = 0
        var step = 1
        while offset < million.count {
            let end = min(million.count, offset + step)
            hasher.update(million[offset..<end])
            offset = end
            step = step * 3 % 997 + 1
        }
        #expect(hasher.finalizeHex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
