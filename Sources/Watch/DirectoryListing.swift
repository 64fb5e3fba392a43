#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Lists one directory's entries with their `lstat` snapshots, without following symlinks.
enum DirectoryListing {
    /// One entry: its name, its file type bits (`S_IFMT` part of `st_mode`) and its snapshot.
    struct Entry: Sendable, Hashable {
        var name: String
        var fileType: UInt32
        var snapshot: FileSnapshot
    }

    /// The entries of the directory at `path` except `.` and `..`; `nil` when it cannot be opened.
    ///
    /// Entries that vanish between `readdir` and `lstat` are left out, as are names that are not
    /// valid UTF-8.
    static func entries(at path: String) -> [Entry]? {
        var entries: [Entry] = []
        let listed = forEachName(at: path) { descriptor, name in
            var info = stat()
            guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return }
            entries.append(
                Entry(name: name, fileType: UInt32(info.st_mode) & UInt32(S_IFMT), snapshot: FileSnapshot(info)))
        }
        return listed ? entries : nil
    }

    /// The names in the directory at `path` except `.` and `..`, without a look at each (no `lstat`); `nil`
    /// when it cannot be opened. Names that are not valid UTF-8 are left out.
    static func names(at path: String) -> [String]? {
        var names: [String] = []
        let listed = forEachName(at: path) { _, name in names.append(name) }
        return listed ? names : nil
    }

    /// Calls `body` with the directory's descriptor and each name in it except `.`, `..` and names that are not
    /// valid UTF-8; false when the directory cannot be opened.
    private static func forEachName(at path: String, _ body: (Int32, String) -> Void) -> Bool {
        guard let directory = opendir(path) else { return false }
        defer { closedir(directory) }
        let descriptor = dirfd(directory)
        while let record = readdir(directory) {
            guard let name = entryName(record), name != ".", name != ".." else { continue }
            body(descriptor, name)
        }
        return true
    }

    /// The identity (device, inode) of the directory at `path`, following symlinks; `nil` if it is
    /// missing or not a directory.
    static func directoryIdentity(at path: String) -> DirectoryIdentity? {
        var info = stat()
        guard stat(path, &info) == 0, UInt32(info.st_mode) & UInt32(S_IFMT) == UInt32(S_IFDIR) else {
            return nil
        }
        return DirectoryIdentity(
            device: UInt64(truncatingIfNeeded: info.st_dev), inode: UInt64(truncatingIfNeeded: info.st_ino))
    }

    /// The record's name, read in place: a record may be shorter than `dirent`, so it is not copied.
    /// The identity of the directory at `path`.
    /// - Throws: ``WatchError`` when it is missing, not a directory, or cannot be read.
    static func requireDirectory(at path: String) throws(WatchError) -> DirectoryIdentity {
        var info = stat()
        guard stat(path, &info) == 0 else { throw .systemCall("stat", path: path, errno: errno) }
        guard UInt32(info.st_mode) & UInt32(S_IFMT) == UInt32(S_IFDIR) else {
            throw .systemCall("stat", path: path, errno: ENOTDIR)
        }
        return DirectoryIdentity(
            device: UInt64(truncatingIfNeeded: info.st_dev), inode: UInt64(truncatingIfNeeded: info.st_ino))
    }

    private static func entryName(_ record: UnsafeMutablePointer<dirent>) -> String? {
        guard let offset = MemoryLayout<dirent>.offset(of: \.d_name) else { return nil }
        let start = UnsafeRawPointer(record).advanced(by: offset).assumingMemoryBound(to: CChar.self)
        let bytes = UnsafeRawBufferPointer(start: start, count: strlen(start))
        return String(validating: bytes, as: UTF8.self)
    }
}

/// A directory's (device, inode) pair: it changes when the directory is replaced.
struct DirectoryIdentity: Sendable, Hashable {
    var device: UInt64
    var inode: UInt64
}
