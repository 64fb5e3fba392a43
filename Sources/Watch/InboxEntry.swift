public import TrialpipeErrors

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One inbox entry as the inbox source saw it: its name, its `lstat` snapshot, and whether it may be read.
///
/// The entry is classified once, from one `lstat` (symlinks are never followed): a regular file within the size
/// limit is a document; a symlink, FIFO, device, socket or oversized file is refused unread; a folder is not an
/// entry at all. Because a name is one path component and a symlink is refused, nothing read can resolve outside
/// the inbox.
public struct InboxEntry: Sendable, Hashable {
    /// What may be done with an entry.
    public enum Kind: Sendable, Hashable {
        /// A regular file within the size limit: read it.
        case document
        /// Never read: quarantine it with this error code and reason.
        case refused(code: TrialpipeError.Code, reason: String)
    }

    /// The entry's name in the inbox (not a path).
    public var name: String
    /// The entry's identity, size and modification time when it was classified.
    public var snapshot: FileSnapshot
    /// Whether it may be read.
    public var kind: Kind

    /// Creates an entry from its parts.
    public init(name: String, snapshot: FileSnapshot, kind: Kind = .document) {
        self.name = name
        self.snapshot = snapshot
        self.kind = kind
    }

    /// Classifies `folder/name` with one `lstat`; `nil` when it is gone or a folder.
    public static func classify(folder: String, name: String, maxBytes: Int) -> InboxEntry? {
        var info = stat()
        guard lstat(folder + "/" + name, &info) == 0 else { return nil }
        return classify(
            name: name, fileType: UInt32(info.st_mode) & UInt32(S_IFMT), snapshot: FileSnapshot(info),
            maxBytes: maxBytes)
    }

    /// Classifies a listed entry by its file type bits (the `S_IFMT` part of `st_mode`); `nil` for a folder.
    static func classify(name: String, fileType: UInt32, snapshot: FileSnapshot, maxBytes: Int) -> InboxEntry? {
        let refusal: (TrialpipeError.Code, String)
        switch fileType {
        case UInt32(S_IFREG):
            guard snapshot.size > maxBytes else { return InboxEntry(name: name, snapshot: snapshot) }
            refusal = (
                .tooLarge,
                "\(snapshot.size) bytes, over the limit of \(maxBytes) bytes (raise `max-bytes` in the source to accept it)"
            )
        case UInt32(S_IFDIR): return nil
        case UInt32(S_IFLNK): refusal = (.symlink, "a symbolic link; only regular files in the inbox are read")
        case UInt32(S_IFIFO): refusal = (.fifo, "a FIFO (named pipe); only regular files are read")
        case UInt32(S_IFCHR), UInt32(S_IFBLK): refusal = (.device, "a device file; only regular files are read")
        case UInt32(S_IFSOCK): refusal = (.socket, "a socket; only regular files are read")
        default: refusal = (.notRegular, "not a regular file")
        }
        return InboxEntry(name: name, snapshot: snapshot, kind: .refused(code: refusal.0, reason: refusal.1))
    }
}
