import Testing
import TrialModel

@testable import Extraction

@Suite struct TextDecoderTests {
    @Test func dropsTheByteOrderMarkAndKeepsUTF8() {
        let decoded = TextDecoder.decode([0xEF, 0xBB, 0xBF] + Array("Age ≥ 18 — Zürich".utf8))
        #expect(decoded.text == "Age ≥ 18 — Zürich")
        #expect(decoded.warnings.isEmpty)
    }

    @Test func turnsCRLFAndLoneCRIntoLF() {
        let decoded = TextDecoder.decode(Array("a\r\nb\rc\n\r\nd".utf8))
        #expect(decoded.text == "a\nb\nc\n\nd")
    }

    @Test func readsWindows1252WithAWarning() {
        // “Phase II” – café €5 ‰ Š ž Ÿ
        let bytes: [UInt8] = [
            0x93, 0x50, 0x68, 0x61, 0x73, 0x65, 0x20, 0x49, 0x49, 0x94, 0x20, 0x96, 0x20, 0x63, 0x61,
            0x66, 0xE9, 0x20, 0x80, 0x35, 0x20, 0x89, 0x20, 0x8A, 0x20, 0x9E, 0x20, 0x9F,
        ]
        let decoded = TextDecoder.decode(bytes)
        #expect(decoded.text == "\u{201C}Phase II\u{201D} \u{2013} café €5 ‰ Š ž Ÿ")
        #expect(decoded.warnings == [TextDecoder.windows1252Warning])
        #expect(TextDecoder.windows1252Warning == "not UTF-8: decoded as Windows-1252")
    }

    @Test func keepsValidUTF8BesideStrayBytes() {
        let bytes = Array("≥ 18".utf8) + [0xE9] + Array(" ok".utf8)
        let decoded = TextDecoder.decode(bytes)
        #expect(decoded.text == "≥ 18é ok")
        #expect(decoded.warnings.count == 1)
    }

    @Test func dropsNULsAndSurvivesMalformedSequences() {
        let malformed: [[UInt8]] = [
            [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80], [0xFF, 0xFE, 0x00, 0x41],
            [0xF0], [0x81, 0x8D, 0x8F, 0x90, 0x9D],
        ]
        for bytes in malformed {
            let decoded = TextDecoder.decode(bytes + [0x00, 0x0D])
            #expect(!decoded.text.unicodeScalars.contains("\u{0}"))
            #expect(decoded.text.hasSuffix("\n"))
            #expect(!decoded.warnings.isEmpty)
        }
        #expect(TextDecoder.decode([]).text == "")
        #expect(TextDecoder.decode([0x41, 0x00, 0x42]).text == "AB")
    }

    @Test func aWindows1252DocumentStillExtracts() throws {
        var bytes = Array("MedPath\r\n\r\nCaf".utf8) + [0xE9]
        bytes += Array(" Study\r\n\r\nPhase 2\r\nRecruiting\r\nRegistration Number\r\nNCT01234567\r\n".utf8)
        bytes += Array("Recruitment & Eligibility\r\nLead Sponsor\r\nH".utf8) + [0xF4]
        bytes += Array("pital Saint-Louis\r\nStudy & Design\r\n".utf8)
        let record = try Fixture.record(bytes: bytes)
        #expect(record.provenance.layout == "medpath")
        #expect(record.briefTitle == "Café Study")
        #expect(record.leadSponsor?.name == "Hôpital Saint-Louis")
        #expect(record.nctId == "NCT01234567")
        #expect(record.warnings.contains(TextDecoder.windows1252Warning))
    }

    @Test func aBOMAndCRLFDocumentReadsLikeAPlainOne() throws {
        let plain = OverviewLayoutTests.page
        let crlf = [0xEF, 0xBB, 0xBF] + Array(plain.replacing("\n", with: "\r\n").utf8)
        let a = try Fixture.record(plain)
        let b = try Fixture.record(bytes: crlf)
        #expect(a.briefTitle == b.briefTitle)
        #expect(a.eligibility == b.eligibility)
        #expect(a.id == b.id)
        #expect(b.warnings.isEmpty)
    }
}
