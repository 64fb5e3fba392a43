import TrialModel

/// Text copied from registry and aggregator pages: picks the layout and fills the record.
enum TextExtraction {
    /// The record that `text` describes, with the related trials the text lists and the text itself beside it.
    ///
    /// - Parameters:
    ///   - text: the decoded text, one block per line.
    ///   - input: the document, for provenance.
    ///   - warnings: what decoding could not do cleanly.
    ///   - layout: the provenance layout to record (the HTML extractor passes `"html"`); the text's own
    ///     layout is detected either way and names the provenance when this is nil.
    ///   - title: the title the document declares apart from its text (a saved page's heading or `<title>`),
    ///     the brief title when the text labels none.
    static func extract(
        text: String, input: ExtractionInput, warnings: [String], layout: String? = nil, title: String? = nil
    )
        -> ExtractedRecord
    {
        let lines = TextLines(text)
        let detected = LayoutDetector.detect(lines)
        var record = TrialRecord(
            id: "", provenance: input.provenance(layout: layout ?? detected.rawValue))
        record.warnings = warnings
        var listedLinks: [SeeAlsoLink] = []
        switch detected {
        case .medpath: MedPathLayout.fill(&record, listedLinks: &listedLinks, from: lines)
        case .trialDetails: TrialDetailsLayout.fill(&record, listedLinks: &listedLinks, from: lines)
        case .overview: OverviewLayout.fill(&record, from: lines)
        case .conditionListing: ConditionListingLayout.fill(&record, listedLinks: &listedLinks, from: lines)
        case .ctgovPage: CTGovPageLayout.fill(&record, listedLinks: &listedLinks, from: lines)
        case .generic:
            GenericLayout.fill(&record, listedLinks: &listedLinks, from: lines)
            record.warnings.append("layout not recognised")
        }
        if record.briefTitle == nil, let title, title != record.officialTitle { record.briefTitle = title }
        finish(&record, listedLinks: &listedLinks, text: text)
        return ExtractedRecord(
            record: record, annotations: RecordAnnotations(listedLinks: listedLinks, documentText: text))
    }

    /// Whether `title` may name a phase other than N/A: each of those is written with the word "phase" (read
    /// without letter case), so an ASCII title without it names none. A title beyond ASCII is always read.
    private static func mayNamePhase(_ title: String) -> Bool {
        TextValue.contains(phaseWord, in: title) || title.utf8.contains(where: { $0 >= 0x80 })
    }

    private static let phaseWord = Array("phase".utf8)

    /// Rules every layout shares: phases named only in a title, the page's own id out of its related
    /// links, and the record id.
    static func finish(_ record: inout TrialRecord, listedLinks: inout [SeeAlsoLink], text: String) {
        if let nct = record.nctId, !RecordID.isNCTId(nct) { record.nctId = nil }
        if record.phases.isEmpty {
            for title in [record.officialTitle, record.briefTitle].compactMap({ $0 }) where mayNamePhase(title) {
                let phases = PhaseNormalizer.phases(title)
                if !phases.isEmpty, !phases.contains(.notApplicable) {
                    record.phases = phases
                    break
                }
            }
        }
        if let own = record.nctId {
            listedLinks.removeAll { $0.nctId == own }
        }
        var seen = Set<String>()
        listedLinks = listedLinks.filter { link in
            seen.insert(link.nctId ?? link.url).inserted
        }
        record.id = RecordID.make(
            nctId: record.nctId, officialTitle: record.officialTitle, briefTitle: record.briefTitle,
            text: text)
    }
}
