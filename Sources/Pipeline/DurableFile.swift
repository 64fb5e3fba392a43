import Foundation
import TrialpipeErrors

/// Crash-safe file writes: a temporary name, fsync, rename, fsync of the folder.
public enum DurableFile {
    /// Replaces the file at `path` with `data`, atomically and durably.
    public static func write(_ data: some Collection<UInt8>, to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temp = folder + "/." + name + ".tmp"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw TrialpipeError.systemCall("cannot create \(temp)") }
        do {
            try writeAll(Array(data), to: fd, path: temp)
        } catch {
            close(fd)
            unlink(temp)
            throw error
        }
        if fsync(fd) != 0 {
            let error = TrialpipeError.systemCall("cannot fsync \(temp)")
            close(fd)
            unlink(temp)
            throw error
        }
        close(fd)
        guard rename(temp, path) == 0 else {
            let error = TrialpipeError.systemCall("cannot rename \(temp) to \(path)")
            unlink(temp)
            throw error
        }
        syncDirectory(folder)
    }

    /// Writes every byte to `fd` (retrying short writes and interruptions); `path` names it in errors.
    public static func writeAll(_ bytes: [UInt8], to fd: Int32, path: String) throws {
        try bytes.withUnsafeBytes { try writeAll($0, to: fd, path: path) }
    }

    /// Writes every byte to `fd` (retrying short writes and interruptions); `path` names it in errors.
    public static func writeAll(_ bytes: UnsafeRawBufferPointer, to fd: Int32, path: String) throws {
        var written = 0
        while written < bytes.count {
            let n = Foundation.write(fd, bytes.baseAddress! + written, bytes.count - written)
            if n < 0 {
                if errno == EINTR { continue }
                throw TrialpipeError.systemCall("cannot write \(path)")
            }
            written += n
        }
    }

    /// fsyncs a folder so a rename or creation in it is durable.
    public static func syncDirectory(_ folder: String) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
    }
}
