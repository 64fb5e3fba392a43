import Foundation
public import Pipeline
public import Watch

/// Reads one document from the inbox, refusing anything that is not a plain regular file inside it.
///
/// Symlinks, FIFOs, devices, sockets and folders are refused unread (`O_NOFOLLOW | O_NONBLOCK`, then
/// `fstat`), and so is a file over the size limit, before any byte is read.
public enum InboxFileReader {
    /// What reading found.
    public enum Result: Sendable {
        /// The file's bytes, and its identity as the open file descriptor saw it.
        case bytes([UInt8], FileSnapshot)
        /// The entry must be quarantined unread, for this reason.
        case refused(code: TrialpipeError.Code, reason: String)
        /// The entry is gone (moved or deleted since it was listed).
        case vanished
    }

    /// Reads `folder/name`.
    public static func read(folder: String, name: String, maxBytes: Int) -> Result {
        let path = folder + "/" + name
        var info = stat()
        guard lstat(path, &info) == 0 else { return .vanished }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFLNK:
            return .refused(code: .symlink, reason: "a symbolic link; only regular files in the inbox are read")
        case S_IFIFO: return .refused(code: .fifo, reason: "a FIFO (named pipe); only regular files are read")
        case S_IFCHR, S_IFBLK: return .refused(code: .device, reason: "a device file; only regular files are read")
        case S_IFSOCK: return .refused(code: .socket, reason: "a socket; only regular files are read")
        case S_IFDIR: return .vanished
        default: return .refused(code: .notRegular, reason: "not a regular file")
        }
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { return .vanished }
            if errno == ELOOP {
                return .refused(code: .symlink, reason: "a symbolic link; only regular files are read")
            }
            return .refused(code: .unreadable, reason: "cannot open: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            return .refused(code: .notRegular, reason: "not a regular file")
        }
        let size = Int(info.st_size)
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
        let snapshot = FileSnapshot(
            device: UInt64(truncatingIfNeeded: info.st_dev), inode: UInt64(truncatingIfNeeded: info.st_ino),
            size: Int64(info.st_size),
            modificationNanoseconds: Int64(info.st_mtim.tv_sec) &* 1_000_000_000 &+ Int64(info.st_mtim.tv_nsec),
            linkCount: UInt64(truncatingIfNeeded: info.st_nlink))
        return .bytes(bytes, snapshot)
    }
}
