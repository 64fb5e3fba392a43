#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What an inbox entry is, judged without following it or reading it.
public enum InboxEntryKind: Sendable, Hashable {
    /// A regular file directly in the inbox: the only kind that may be read.
    case regularFile(FileSnapshot)
    /// A symbolic link whose target stays inside the inbox (or does not exist).
    case symbolicLink
    /// A named pipe; opening it could block forever.
    case fifo
    /// A character or block device.
    case device
    /// A directory.
    case directory
    /// A Unix domain socket.
    case socket
    /// Gone before it could be looked at.
    case vanished
    /// The name or its resolution leads outside the inbox (`..`, a `/`, a symlink out).
    case outsideInbox(resolvedPath: String?)
    /// `lstat` failed for another reason (permissions, I/O).
    case inaccessible(errno: Int32)

    /// Whether the entry may be opened and read as a document.
    public var isReadableDocument: Bool {
        if case .regularFile = self { return true }
        return false
    }

    /// Whether the daemon should move the entry to quarantine without reading it.
    ///
    /// Everything but a regular file qualifies, except an entry that vanished and one that is
    /// outside the inbox only by name (there is nothing in the inbox to move).
    public var needsQuarantine: Bool {
        switch self {
        case .regularFile, .vanished, .inaccessible: false
        case .outsideInbox(let resolved): resolved != nil
        case .symbolicLink, .fifo, .device, .directory, .socket: true
        }
    }
}

/// Classifies entries of one inbox folder with `lstat` and `realpath`, so unsafe ones can be
/// quarantined unread.
///
/// The inbox path is resolved once, when the check is made; make a new check when the inbox
/// folder is re-created. The caller should still open documents with `O_NOFOLLOW` and compare
/// `fstat` with the snapshot, since an entry can be swapped between the check and the open.
public struct InboxEntryCheck: Sendable {
    /// The inbox path as given.
    public let inboxPath: String
    /// The inbox path with every symlink resolved.
    public let resolvedInboxPath: String

    /// Resolves `inboxPath`.
    /// - Throws: ``WatchError`` when the folder is missing or is not a folder.
    public init(inboxPath: String) throws(WatchError) {
        _ = try DirectoryListing.requireDirectory(at: inboxPath)
        guard let resolved = Self.realPath(inboxPath) else {
            throw .systemCall("realpath", path: inboxPath, errno: errno)
        }
        self.inboxPath = inboxPath
        self.resolvedInboxPath = resolved
    }

    /// What the entry `name` in the inbox is.
    public func classify(_ name: String) -> InboxEntryKind {
        if name.isEmpty || name == "." || name == ".." || name.utf8.contains(where: { $0 == 0x2F || $0 == 0 }) {
            return .outsideInbox(resolvedPath: nil)
        }
        let path = resolvedInboxPath == "/" ? "/" + name : resolvedInboxPath + "/" + name
        var info = stat()
        guard lstat(path, &info) == 0 else {
            let number = errno
            return number == ENOENT || number == ENOTDIR ? .vanished : .inaccessible(errno: number)
        }
        switch UInt32(info.st_mode) & UInt32(S_IFMT) {
        case UInt32(S_IFREG):
            // The entry itself is not a link, but check its resolution too: it must name a file
            // directly inside the inbox.
            guard let resolved = Self.realPath(path) else { return .vanished }
            guard resolved == path else { return .outsideInbox(resolvedPath: resolved) }
            return .regularFile(FileSnapshot(info))
        case UInt32(S_IFLNK):
            guard let resolved = Self.realPath(path) else { return .symbolicLink }
            return isInsideInbox(resolved) ? .symbolicLink : .outsideInbox(resolvedPath: resolved)
        case UInt32(S_IFDIR): return .directory
        case UInt32(S_IFIFO): return .fifo
        case UInt32(S_IFCHR), UInt32(S_IFBLK): return .device
        case UInt32(S_IFSOCK): return .socket
        default: return .inaccessible(errno: EINVAL)
        }
    }

    /// Whether `resolved` (a real path) lies inside the inbox.
    private func isInsideInbox(_ resolved: String) -> Bool {
        let root = resolvedInboxPath.hasSuffix("/") ? resolvedInboxPath : resolvedInboxPath + "/"
        return resolved.hasPrefix(root)
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
