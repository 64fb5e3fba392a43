import TrialModel

/// Reads lists of related trials ("See also", related-trial tables) into links: each NCT id with the
/// status before it, the title after it and the phase after that, whether they share one line, sit in
/// pipe-separated cells or on lines of their own.
enum RelatedTrialsReader {
    /// The trials the lines list, in order, once each.
    static func read(_ lines: [String]) -> [SeeAlsoLink] {
        var cells: [String] = []
        for line in lines {
            let parts = TextValue.hasPipe(line) ? TextValue.cells(line) : [line]
            for part in parts {
                let cell = TextValue.trimmed(part)
                if cell.isEmpty
                    || cell.utf8.allSatisfy({ $0 == 0x2D || $0 == 0x3A || $0 == 0x20 || $0 == 0x7C }
                    )
                {
                    continue
                }
                cells.append(cell)
            }
        }
        var links: [SeeAlsoLink] = []
        var used = Set<Int>()
        for (index, cell) in cells.enumerated() where !used.contains(index) {
            guard let id = TextValue.nctIds(in: cell).first,
                !links.contains(where: { $0.nctId == id })
            else {
                continue
            }
            used.insert(index)
            let range = TextValue.range(of: id, in: cell)!
            let before = TextValue.trimmed(cell[..<range.lowerBound])
            var status = before.isEmpty ? nil : statusCell(before)
            if status == nil, index > 0, !used.contains(index - 1),
                let s = statusCell(cells[index - 1])
            {
                status = s
                used.insert(index - 1)
            }
            var (title, phases) = PhaseText.splitTrailingPhase(
                TextValue.strippingLeadingSeparators(cell[range.upperBound...]))
            var next = index + 1
            if title.isEmpty, next < cells.count, !used.contains(next), isTitleCell(cells[next]) {
                (title, phases) = PhaseText.splitTrailingPhase(cells[next])
                used.insert(next)
                next += 1
            }
            if phases.isEmpty, next < cells.count, !used.contains(next),
                PhaseText.isPhaseOnly(cells[next])
            {
                phases = PhaseNormalizer.phases(cells[next])
                used.insert(next)
            }
            links.append(
                SeeAlsoLink(
                    nctId: id, title: TextValue.clean(title), overallStatus: status, phases: phases,
                    url: CrossReference.studyURL(id)))
        }
        return links
    }

    /// The status a short cell names ("Terminated", "Not yet recruiting"), or nil.
    static func statusCell(_ cell: String) -> OverallStatus? {
        guard cell.utf8.count <= 60, TextValue.words(cell, limit: 7).count <= 6,
            TextValue.nctIds(in: cell).isEmpty
        else {
            return nil
        }
        return EnumNormalizer.overallStatus(cell)
    }

    private static func isTitleCell(_ cell: String) -> Bool {
        TextValue.nctIds(in: cell).isEmpty && statusCell(cell) == nil
            && !PhaseText.isPhaseOnly(cell)
    }
}
