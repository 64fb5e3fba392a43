import Foundation
public import Pipeline
public import TrialModel

/// Appends one JSON line per record to a file, in writes of up to ``ChunkedWrite/chunkBytes`` and an `fsync` after
/// the batch (both on the blocking-I/O thread).
///
/// At start-up a torn last line (no trailing newline, from a crash mid-write) is cut off.
public actor JSONLinesSink: Sink {
    public nonisolated let name = "jsonl"
    /// The one place it writes.
    public nonisolated var resources: [SinkResource] { [.file(path)] }
    /// The output file.
    public let path: String
    private var fd: Int32 = -1

    /// A sink writing to `path` (its folder is created when opened).
    public init(path: String) { self.path = path }

    public func open() throws {
        guard fd < 0 else { return }
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let descriptor = Foundation.open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw TrialpipeError.systemCall("cannot open \(path)") }
        fd = descriptor
        try cutTornLine()
    }

    private func cutTornLine() throws {
        let size = try currentSize()
        guard size > 0 else { return }
        var last: UInt8 = 0
        guard pread(fd, &last, 1, off_t(size - 1)) == 1 else { throw TrialpipeError.systemCall("cannot read \(path)") }
        guard last != UInt8(ascii: "\n") else { return }
        // Walk back to the last newline and cut everything after it.
        var end = size
        let chunk = 65536
        var cut = 0
        search: while end > 0 {
            let start = max(0, end - chunk)
            var buffer = [UInt8](repeating: 0, count: end - start)
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, end - start, off_t(start)) }
            guard n == end - start else { throw TrialpipeError.systemCall("cannot read \(path)") }
            for index in stride(from: buffer.count - 1, through: 0, by: -1) where buffer[index] == UInt8(ascii: "\n") {
                cut = start + index + 1
                break search
            }
            end = start
        }
        guard ftruncate(fd, off_t(cut)) == 0, fsync(fd) == 0 else {
            throw TrialpipeError.systemCall("cannot truncate \(path)")
        }
    }

    private func currentSize() throws -> Int {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw TrialpipeError.systemCall("cannot stat \(path)") }
        return Int(info.st_size)
    }

    public func checkpoint() throws -> String {
        try open()
        return String(try currentSize())
    }

    public func rollback(to checkpoint: String) throws {
        try open()
        guard let size = Int(checkpoint), size >= 0 else { return }
        guard size < (try currentSize()) else { return }
        guard ftruncate(fd, off_t(size)) == 0, fsync(fd) == 0 else {
            throw TrialpipeError.systemCall("cannot roll back \(path)")
        }
    }

    public func write(_ records: [TrialRecord]) async throws {
        try await write(records, json: records.map { RecordJSONWriter.encode($0) })
    }

    /// Writes the lines the runner has already encoded.
    public func write(_ records: [TrialRecord], json: [[UInt8]]) async throws {
        try open()
        guard !json.isEmpty else { return }
        let (fd, path) = (self.fd, self.path)
        try await BlockingIO.run {
            try ChunkedWrite.write(json, separator: UInt8(ascii: "\n")) {
                try DurableFile.writeAll($0, to: fd, path: path)
            }
            guard fsync(fd) == 0 else { throw TrialpipeError.systemCall("cannot fsync \(path)") }
        }
    }

    public func close() {
        if fd >= 0 {
            fsync(fd)
            Foundation.close(fd)
            fd = -1
        }
    }
}
