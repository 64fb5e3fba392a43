public import TrialModel

/// Turns the related links a document lists (``RecordAnnotations/listedLinks``) into `record.seeAlso`.
public enum SeeAlsoEnricher {
    /// Adds the listed links of `annotations` to `seeAlso` (after any already there) and tidies them.
    ///
    /// A trial's id is normalized (or taken from its address when the address names exactly one trial) and
    /// its `url` set to its ClinicalTrials.gov address; titles are trimmed, white space collapsed; links with
    /// neither id nor address, and links to the record itself, are dropped; links to the same trial (or, for
    /// other links, the same address) are merged, the first keeping its values and taking missing ones from
    /// the later. Status and phases are kept. Running it again with the same annotations changes nothing.
    public static func enrich(_ record: inout TrialRecord, annotations: RecordAnnotations) {
        let ownId = record.nctId ?? (RecordID.isNCTId(record.id) ? record.id : nil)
        var links: [SeeAlsoLink] = []
        var indexByKey: [String: Int] = [:]
        for link in record.seeAlso + annotations.listedLinks {
            guard let tidied = tidy(link), tidied.nctId == nil || tidied.nctId != ownId else { continue }
            let key = tidied.nctId ?? "url " + tidied.url
            guard let index = indexByKey[key] else {
                indexByKey[key] = links.count
                links.append(tidied)
                continue
            }
            if links[index].title == nil { links[index].title = tidied.title }
            if links[index].overallStatus == nil { links[index].overallStatus = tidied.overallStatus }
            if links[index].phases.isEmpty { links[index].phases = tidied.phases }
        }
        record.seeAlso = links
    }

    /// The link with its id, address and title normalized, or nil when it points nowhere.
    private static func tidy(_ link: SeeAlsoLink) -> SeeAlsoLink? {
        var link = link
        link.url = link.url.trimmingSpaces()
        link.nctId = link.nctId.flatMap { NCTIdScanner.ids(in: $0).first }
        if link.nctId == nil {
            let ids = NCTIdScanner.ids(in: link.url)
            if ids.count == 1 { link.nctId = ids[0] }
        }
        if let id = link.nctId {
            link.url = CrossReference.studyURL(id)
        } else if link.url.isEmpty {
            return nil
        }
        link.title = link.title.map(collapsingSpace).flatMap { $0.isEmpty ? nil : $0 }
        var phases: [Phase] = []
        for phase in link.phases where !phases.contains(phase) { phases.append(phase) }
        link.phases = phases
        return link
    }

    /// `text` with runs of white space as one space, trimmed: on bytes when it is ASCII (nearly every title),
    /// else through Characters.
    static func collapsingSpace(_ text: String) -> String {
        ASCIIWhiteSpace.collapsed(text) ?? text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
