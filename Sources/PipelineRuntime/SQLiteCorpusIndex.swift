import Foundation
import GRDB
public import Pipeline
import Synchronization
public import TrialModel

/// The corpus index kept in the state folder. Changes made while a batch is linked stay pending in memory
/// and reach the database in the same transaction that marks the batch done.
public final class SQLiteCorpusIndex: CorpusIndex {
    private let store: StateStore
    private let pending = Mutex<[String: TrialRecord]>([:])

    /// An index over a state store.
    public init(store: StateStore) { self.store = store }

    public func contains(_ id: String) throws -> Bool {
        if pending.withLock({ $0[id] != nil }) { return true }
        return try store.database.read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM records WHERE id = ?)", arguments: [id]) ?? false
        }
    }

    public func record(_ id: String) throws -> TrialRecord? {
        if let record = pending.withLock({ $0[id] }) { return record }
        let data = try store.database.read { db in
            try Data.fetchOne(db, sql: "SELECT json FROM records WHERE id = ?", arguments: [id])
        }
        guard let data else { return nil }
        return try JSONDecoder().decode(TrialRecord.self, from: data)
    }

    public func referrers(of id: String) throws -> [String] {
        var result = try store.database.read { db in
            try String.fetchAll(db, sql: "SELECT source FROM xrefs WHERE target = ? ORDER BY source", arguments: [id])
        }
        let pendingReferrers = pending.withLock { records in
            records.values.filter { record in record.crossReferences.contains { $0.nctId == id } }.map(\.id)
        }
        for referrer in pendingReferrers.sorted() where !result.contains(referrer) { result.append(referrer) }
        return result
    }

    public func store(_ record: TrialRecord) throws {
        pending.withLock { $0[record.id] = record }
    }

    /// Writes pending changes inside the caller's transaction.
    func flush(into db: Database) throws {
        let records = pending.withLock { records in
            let taken = records
            records.removeAll()
            return taken
        }
        for record in records.values {
            try db.execute(
                sql: "INSERT OR REPLACE INTO records (id, json) VALUES (?, ?)",
                arguments: [record.id, Data(RecordJSONWriter.encode(record))])
            try db.execute(sql: "DELETE FROM xrefs WHERE source = ?", arguments: [record.id])
            for reference in record.crossReferences {
                try db.execute(
                    sql: "INSERT OR IGNORE INTO xrefs (source, target) VALUES (?, ?)",
                    arguments: [record.id, reference.nctId])
            }
        }
    }

    /// Drops pending changes (the batch was not written).
    public func discardPending() { pending.withLock { $0.removeAll() } }
}
