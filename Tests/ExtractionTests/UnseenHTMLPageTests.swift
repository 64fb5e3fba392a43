import Testing
import TrialModel

@testable import Extraction

/// Saved HTML pages from sites without a layout of their own: hidden glossaries and tooltips are not read,
/// labels and values in `<dl>` and `<th>`/`<td>` pairs are, and the title comes from the page's heading,
/// sharing title or `<title>` without the site's name.
@Suite("Saved pages without a layout of their own")
struct UnseenHTMLPageTests {
    static func record(_ html: String) throws -> TrialRecord {
        try extracted(html).record
    }

    static func extracted(_ html: String) throws -> ExtractedRecord {
        try Fixture.extracted(bytes: Array(html.utf8), path: "page.html")
    }

    @Test func hiddenGlossariesAddNoIdsOrLabels() throws {
        let extracted = try Self.extracted(
            """
            <html><body>
            <h1>Metformin in Early Diabetes Prevention Study</h1>
            <div style="display:none"><p>Overall Status</p><p>Withdrawn</p><p>NCT00000999</p></div>
            <span aria-hidden="true">Study Phase Phase 4</span>
            <dl><dt>Overall Status</dt><dd>Recruiting</dd><dt>Study Phase</dt><dd>Phase 3</dd></dl>
            <table><tr><th>Enrollment (Estimated)</th><td>120</td></tr>
            <tr><th>Sponsor</th><td>Example University</td></tr></table>
            </body></html>
            """)
        let record = extracted.record
        #expect(record.overallStatus == .recruiting)
        #expect(record.phases == [.phase3])
        #expect(record.enrollment == Enrollment(count: 120, type: .estimated))
        #expect(record.leadSponsor?.name == "Example University")
        #expect(extracted.annotations.documentText?.contains("NCT00000999") == false)
        #expect(record.briefTitle == "Metformin in Early Diabetes Prevention Study")
    }

    @Test(arguments: [
        ("<title>Study of Metformin in Prediabetes | ExampleTrials.org</title>", "Study of Metformin in Prediabetes"),
        ("<title>ANZCTR - Study of Metformin in Prediabetes</title>", "Study of Metformin in Prediabetes"),
        (
            #"<meta property="og:title" content="Study of Metformin in Prediabetes – Clinical Trials Register">"#,
            "Study of Metformin in Prediabetes"
        ),
        ("<title>Remote Conditioning After Stroke Trial - 3</title>", "Remote Conditioning After Stroke Trial - 3"),
    ])
    func theTitleIsThePagesWithoutTheSitesName(head: String, title: String) throws {
        let record = try Self.record("<html><head>\(head)</head><body><p>Recruiting</p></body></html>")
        #expect(record.briefTitle == title)
    }

    @Test func aHeadingOfTheSitesNameGivesWayToTheTitle() throws {
        let record = try Self.record(
            """
            <html><head><title>Study of Metformin in Prediabetes | ClinicalTrials.gov</title></head>
            <body><h1>ClinicalTrials.gov</h1><p>Recruiting</p></body></html>
            """)
        #expect(record.briefTitle == "Study of Metformin in Prediabetes")
    }

    @Test func aLabelledTitleOutranksThePagesTitle() throws {
        let record = try Self.record(
            """
            <html><head><title>Registry record 42 | Example Registry</title></head>
            <body><dl><dt>Public title</dt><dd>Exercise for Knee Osteoarthritis in Older Adults</dd></dl></body></html>
            """)
        #expect(record.briefTitle == "Exercise for Knee Osteoarthritis in Older Adults")
    }
}
