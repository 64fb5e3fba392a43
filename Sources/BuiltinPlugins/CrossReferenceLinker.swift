import Pipeline
import TrialModel

/// Links a batch of records with the corpus: `inCorpus` on every cross-reference, `referencedBy` on every
/// record, and backlinks added to earlier records; an earlier record that named a newly arrived one gets
/// `inCorpus: true` for it. Earlier records that change are returned to be written again, so the latest
/// version of every record agrees with the corpus whatever the order the documents arrived in.
enum CrossReferenceLinker {
    static func link(_ records: inout [TrialRecord], corpus: any CorpusIndex) throws -> [TrialRecord] {
        var rewritten: [TrialRecord] = []
        var rewrittenIndex: [String: Int] = [:]
        for index in records.indices {
            var record = records[index]
            for position in record.crossReferences.indices {
                let target = record.crossReferences[position].nctId
                record.crossReferences[position].inCorpus = try corpus.contains(target)
            }
            for referrer in try corpus.referrers(of: record.id) where referrer != record.id {
                if !record.referencedBy.contains(referrer) { record.referencedBy.append(referrer) }
            }
            records[index] = record
            try corpus.store(record)
            // Records that named this one before it arrived now name a record in the corpus.
            for referrer in try corpus.referrers(of: record.id) where referrer != record.id {
                if let local = records[..<index].lastIndex(where: { $0.id == referrer }) {
                    if records[local].markInCorpus(record.id) { try corpus.store(records[local]) }
                } else if let at = rewrittenIndex[referrer] {
                    if rewritten[at].markInCorpus(record.id) { try corpus.store(rewritten[at]) }
                } else if var earlier = try corpus.record(referrer), earlier.markInCorpus(record.id) {
                    try corpus.store(earlier)
                    rewrittenIndex[referrer] = rewritten.count
                    rewritten.append(earlier)
                }
            }
            for reference in record.crossReferences where reference.inCorpus && reference.nctId != record.id {
                let target = reference.nctId
                if let local = records[..<index].lastIndex(where: { $0.id == target }) {
                    if !records[local].referencedBy.contains(record.id) {
                        records[local].referencedBy.append(record.id)
                        try corpus.store(records[local])
                    }
                } else if let at = rewrittenIndex[target] {
                    if !rewritten[at].referencedBy.contains(record.id) {
                        rewritten[at].referencedBy.append(record.id)
                        try corpus.store(rewritten[at])
                    }
                } else if var earlier = try corpus.record(target), !earlier.referencedBy.contains(record.id) {
                    earlier.referencedBy.append(record.id)
                    try corpus.store(earlier)
                    rewrittenIndex[target] = rewritten.count
                    rewritten.append(earlier)
                }
            }
        }
        return rewritten
    }
}

extension TrialRecord {
    /// Marks the cross-reference to `id` as in the corpus; true when it was not marked before.
    fileprivate mutating func markInCorpus(_ id: String) -> Bool {
        guard let position = crossReferences.firstIndex(where: { $0.nctId == id && !$0.inCorpus }) else {
            return false
        }
        crossReferences[position].inCorpus = true
        return true
    }
}
