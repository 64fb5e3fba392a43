import Foundation
public import Pipeline
public import Watch

/// Reads one classified inbox entry: opens it without following a symlink and reads it only when the open file
/// is still the regular file the inbox source classified (same device and inode) and within the size limit.
public enum InboxFileReader {
    /// What reading found.
    public enum Result: Sendable {
        /// The file's bytes, and its identity as the open file descriptor saw it.
        case bytes([UInt8], FileSnapshot)
        /// The entry must be quarantined unread, for this reason.
        case refused(code: TrialpipeError.Code, reason: String)
        /// The entry is gone or was replaced since it was classified; a later listing finds it again.
        case vanished
    }

    /// Reads `entry` in `folder`; an entry classified as refused is refused without opening it.
    public static func read(folder: String, entry: InboxEntry, maxBytes: Int) -> Result {
        if case .refused(let code, let reason) = entry.kind { return .refused(code: code, reason: reason) }
        let fd = open(folder + "/" + entry.name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { return .vanished }
            if errno == ELOOP {
                return .refused(code: .symlink, reason: "a symbolic link; only regular files are read")
            }
            return .refused(code: .unreadable, reason: "cannot open: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            return .refused(code: .notRegular, reason: "not a regular file")
        }
        let snapshot = FileSnapshot(
            device: UInt64(truncatingIfNeeded: info.st_dev), inode: UInt64(truncatingIfNeeded: info.st_ino),
            size: Int64(info.st_size),
            modificationNanoseconds: Int64(info.st_mtim.tv_sec) &* 1_000_000_000 &+ Int64(info.st_mtim.tv_nsec),
            linkCount: UInt64(truncatingIfNeeded: info.st_nlink))
        guard snapshot.device == entry.snapshot.device, snapshot.inode == entry.snapshot.inode else { return .vanished }
        let size = Int(info.st_size)
        // The file may have grown since it was classified: the limit bounds what is allocated.
        guard size <= maxBytes else {
            return .refused(
                code: .tooLarge,
                reason:
                    "\(size) bytes, over the limit of \(maxBytes) bytes (raise `max-bytes` in the source to accept it)")
        }
        var bytes = [UInt8](repeating: 0, count: size)
        var total = 0
        while total < size {
            let n = bytes.withUnsafeMutableBytes { buffer in
                Foundation.read(fd, buffer.baseAddress! + total, size - total)
            }
            if n < 0 {
                if errno == EINTR { continue }
                return .refused(code: .unreadable, reason: "cannot read: \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            total += n
        }
        if total < size { bytes.removeLast(size - total) }
        return .bytes(bytes, snapshot)
    }
}
