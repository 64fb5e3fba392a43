import Foundation
import Pipeline

/// The corpus index's copies of records: their JSON appended to one file in the state folder, found by
/// offset and length.
///
/// Every record's latest version must be kept whole, because a record is written again when a later one links
/// to it (every record with an NCT id may be). Kept as blobs in SQLite, each went through the write-ahead log
/// and again into the database file, in overflow pages: at 20,000 pages that was a sixth of `run --once`'s
/// time. Here a batch's records are one append and one `fdatasync`, made durable before the ledger's
/// transaction that refers to them; a crash between the two leaves bytes no row refers to, which
/// ``truncate(to:)`` cuts at the next start. A record stored again is appended again; the old copy stays
/// unreferenced in the file.
final class CorpusLog: Sendable {
    /// The file's path.
    let path: String
    private let fd: Int32

    /// Opens (creating if needed) the log at `path`.
    init(path: String) throws {
        self.path = path
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw TrialpipeError.systemCall("cannot open \(path)") }
        self.fd = fd
    }

    deinit { close(fd) }

    /// The file's length in bytes.
    func size() throws -> Int64 {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw TrialpipeError.systemCall("cannot stat \(path)") }
        return Int64(info.st_size)
    }

    /// Cuts what lies past `end` (copies no row refers to) and makes the cut durable.
    func truncate(to end: Int64) throws {
        guard try size() > end else { return }
        guard ftruncate(fd, off_t(end)) == 0, fsync(fd) == 0 else {
            throw TrialpipeError.systemCall("cannot truncate \(path)")
        }
    }

    /// Appends `entries` (in writes of up to ``ChunkedWrite/chunkBytes``), makes them durable, and returns each one's offset and length.
    func append(_ entries: [[UInt8]]) throws -> [(offset: Int64, length: Int)] {
        guard !entries.isEmpty else { return [] }
        let start = try size()
        var placed: [(offset: Int64, length: Int)] = []
        placed.reserveCapacity(entries.count)
        var offset = start
        for entry in entries {
            placed.append((offset, entry.count))
            offset += Int64(entry.count)
        }
        var next = start
        try ChunkedWrite.write(entries) { bytes in
            var written = 0
            while written < bytes.count {
                let n = pwrite(fd, bytes.baseAddress! + written, bytes.count - written, off_t(next) + off_t(written))
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { throw TrialpipeError.systemCall("cannot write \(path)") }
                written += n
            }
            next += Int64(bytes.count)
        }
        guard fdatasync(fd) == 0 else { throw TrialpipeError.systemCall("cannot sync \(path)") }
        return placed
    }

    /// The bytes at `offset`, `length` long.
    func read(offset: Int64, length: Int) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: length)
        let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, length, off_t(offset)) }
        guard n == length else {
            throw TrialpipeError.systemCall("cannot read \(length) bytes at \(offset) of \(path)")
        }
        return bytes
    }
}
