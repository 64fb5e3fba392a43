/// Lists an inbox folder and keeps the entries whose names may be documents.
///
/// A listing is the truth that watcher batches only hint at: run it at start-up (after starting the
/// watcher) and whenever a batch has `rescan` set.
public struct InboxScanner: Sendable {
    /// One candidate entry, with its `lstat` snapshot at listing time.
    public struct Entry: Sendable, Hashable {
        /// The entry's name in the inbox.
        public var name: String
        /// The entry's snapshot, not following symlinks.
        public var snapshot: FileSnapshot
    }

    /// The inbox folder.
    public let path: String
    /// Which names are candidates.
    public let filter: InboxNameFilter

    /// Creates a scanner for the folder at `path`.
    public init(path: String, filter: InboxNameFilter = InboxNameFilter()) {
        self.path = path
        self.filter = filter
    }

    /// The candidate entries, oldest modification first (then by name), so a backlog is taken in
    /// the order it arrived. Entries of any kind are listed; ``InboxEntryCheck`` tells them apart.
    /// - Throws: ``WatchError`` when the folder is missing, not a folder, or unreadable.
    public func scan() throws(WatchError) -> [Entry] {
        _ = try DirectoryListing.requireDirectory(at: path)
        guard let listing = DirectoryListing.entries(at: path) else {
            throw WatchError(code: .systemCall, message: "could not list the inbox '\(path)'")
        }
        return Self.candidates(in: listing.map { Entry(name: $0.name, snapshot: $0.snapshot) }, filter: filter)
    }

    /// The entries of `listing` that `filter` takes, oldest modification first, then by name.
    public static func candidates(in listing: [Entry], filter: InboxNameFilter) -> [Entry] {
        listing.filter { filter.isCandidate($0.name) }.sorted {
            ($0.snapshot.modificationNanoseconds, $0.name) < ($1.snapshot.modificationNanoseconds, $1.name)
        }
    }
}
