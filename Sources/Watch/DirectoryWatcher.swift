/// Watches one directory and reports changes as coalesced ``WatchBatch``es.
///
/// A watcher is used once: `start()`, consume `batches`, `stop()`. Start it *before* listing the
/// directory for the first time, so nothing slips between the listing and the watch. The sequence
/// ends after `stop()`, or after a batch with `rootGone`; to watch again, make a new watcher (see
/// ``InboxWaiter`` for waiting until a vanished directory is back).
public protocol DirectoryWatcher: Sendable {
    /// The coalesced changes; iterate from one task only.
    var batches: WatchBatches { get }
    /// Begins watching; throws a ``WatchError`` when the directory cannot be watched.
    func start() throws
    /// Stops watching and ends `batches` after what is pending; safe to call more than once.
    func stop()
}
