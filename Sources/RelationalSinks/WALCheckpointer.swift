import Dispatch
import GRDB
import Synchronization

/// Copies an SQLite database's write-ahead log into the database file on a connection and a thread of its own,
/// so that the writer's commits do not wait for it.
///
/// With SQLite's automatic checkpoints, every 64 MiB of log the commit that crossed the mark read the log back
/// and wrote its pages into the database file before returning; off the commit path, `bench --sink sqlite` wrote
/// 3–19 % more records per second (six alternating pairs). Here each commit asks for a passive checkpoint, which runs beside the writer's next
/// batch. A passive checkpoint never blocks the writer, but the log starts over from its beginning only when a
/// transaction begins after everything in it was copied, and the next batch has usually begun by then; so when
/// the log has grown past its limit the writer copies the rest itself before its next transaction
/// (``catchUpIfLarge(_:)``), which costs little since the background has already copied almost all of it.
final class WALCheckpointer: Sendable {
    /// The log size past which the writer copies the rest of the log before its next transaction, unless told
    /// otherwise.
    static let defaultLimitBytes = 64 << 20

    private struct State {
        var running = false
        var requestedAgain = false
        /// The log's frames at the last checkpoint (0 once the writer's next transaction will start it over).
        var logFrames = 0
    }

    private let database: DatabaseQueue
    private let limitFrames: Int
    private let state = Mutex(State())
    private let idle = DispatchGroup()
    private let queue = DispatchQueue(label: "trialpipe.sqlite.checkpoint", qos: .utility)

    /// A checkpointer for the database at `path` (already in WAL mode) of pages of `pageSize` bytes, whose log
    /// the writer catches up past `limitBytes`.
    init(path: String, pageSize: Int, limitBytes: Int = defaultLimitBytes) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        database = try DatabaseQueue(path: path, configuration: configuration)
        // A checkpoint on a connection with `synchronous = FULL` syncs the database file before the log's copied
        // frames can be reused.
        try database.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 0")
        }
        // A frame is a page and a 24-byte header.
        limitFrames = max(1, limitBytes / (pageSize + 24))
    }

    /// Starts a passive checkpoint on the checkpointer's thread, or, while one runs, another after it.
    func request() {
        let start = state.withLock { state in
            if state.running {
                state.requestedAgain = true
                return false
            }
            state.running = true
            return true
        }
        guard start else { return }
        idle.enter()
        queue.async { self.runUntilCaughtUp() }
    }

    private func runUntilCaughtUp() {
        while true {
            // A checkpoint that fails here (the disk full, say) is left to the writer's catch-up, which reports it.
            let result = try? database.writeWithoutTransaction { db in try Self.checkpoint(db) }
            let again = state.withLock { state in
                // The log's size, copied or not: it starts over only at a transaction that begins after this.
                if let result { state.logFrames = result.log }
                if state.requestedAgain {
                    state.requestedAgain = false
                    return true
                }
                state.running = false
                state.requestedAgain = false
                return false
            }
            if !again { break }
        }
        idle.leave()
    }

    /// Copies what is left of the log on the writer's connection `db` (outside a transaction) when the log has
    /// grown past the limit, so that the writer's next transaction starts it over.
    ///
    /// A passive checkpoint, like SQLite's own automatic ones: while a reader still uses the log (someone
    /// querying the database), it copies what it can and the log goes on growing until the reader is done, but
    /// the writer never waits for the reader (a `RESTART` checkpoint would, for the whole busy timeout, at every
    /// batch).
    func catchUpIfLarge(_ db: Database) throws {
        guard state.withLock({ $0.logFrames }) > limitFrames else { return }
        // Another connection's checkpoint makes this one return at once having copied nothing; none starts
        // meanwhile, since only the writer's commits request them.
        waitUntilIdle()
        let result = try Self.checkpoint(db)
        // All copied: the writer's next transaction starts the log over.
        state.withLock { $0.logFrames = result.copied == result.log ? 0 : result.log }
    }

    /// Waits for the checkpoint running, if any.
    func waitUntilIdle() { idle.wait() }

    /// Closes the checkpointer's connection once no checkpoint runs.
    func close() throws {
        waitUntilIdle()
        try database.close()
    }

    /// Runs a passive checkpoint: the frames in the log, and how many of them are now in the database file.
    private static func checkpoint(_ db: Database) throws -> (log: Int, copied: Int) {
        guard let row = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(PASSIVE)") else { return (0, 0) }
        let log: Int = row[1]
        let copied: Int = row[2]
        return (max(log, 0), max(copied, 0))
    }
}
