import Foundation
public import Pipeline
public import TrialModel

/// Writes every record into one XML collection document that is well-formed after every batch: the new
/// `<trial>` elements are written where the closing `</trials>` stood, followed by it again, then fsync.
///
/// At start-up a file cut short by a crash is repaired: everything after the last complete `</trial>` is
/// dropped and the closing tag written again.
public actor XMLCollectionSink: Sink {
    public nonisolated let name = "xml"
    /// The one place it writes.
    public nonisolated var resources: [SinkResource] { [.file(path)] }
    /// The collection file.
    public let path: String
    private let encoder = RecordXMLEncoder(indented: false)
    private var fd: Int32 = -1

    /// A sink writing to `path` (its folder is created when opened).
    public init(path: String) { self.path = path }

    public func open() throws {
        guard fd < 0 else { return }
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let descriptor = Foundation.open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw TrialpipeError.systemCall("cannot open \(path)") }
        fd = descriptor
        try repair()
    }

    private func size() throws -> Int {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw TrialpipeError.systemCall("cannot stat \(path)") }
        return Int(info.st_size)
    }

    private func read(from offset: Int, count: Int) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, count, off_t(offset)) }
        guard n == count else { throw TrialpipeError.systemCall("cannot read \(path)") }
        return bytes
    }

    private func writeAll(_ bytes: [UInt8], at offset: Int) throws {
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes {
                pwrite(fd, $0.baseAddress! + written, bytes.count - written, off_t(offset + written))
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw TrialpipeError.systemCall("cannot write \(path)")
            }
            written += n
        }
    }

    /// Makes the file a complete document: header and footer when empty, footer restored when cut.
    private func repair() throws {
        let header = RecordXMLEncoder.documentHeader
        let footer = RecordXMLEncoder.documentFooter
        let total = try size()
        let startsWithHeader = try total >= header.count && read(from: 0, count: header.count) == header
        if !startsWithHeader {
            guard total == 0 else {
                throw StageError(
                    code: "not-a-collection",
                    message: "\(path) exists but is not a trialpipe XML collection; move it away or name another file")
            }
            try writeAll(header + footer, at: 0)
            guard fsync(fd) == 0 else { throw TrialpipeError.systemCall("cannot fsync \(path)") }
            return
        }
        let endsWithFooter =
            try total >= header.count + footer.count
            && read(from: total - footer.count, count: footer.count) == footer
        if endsWithFooter {
            return
        }
        // Cut after the last complete trial element, then close the document again.
        let marker = Array("</trial>\n".utf8)
        let body = try read(from: header.count, count: total - header.count)
        var cut = header.count
        if body.count >= marker.count {
            var index = body.count - marker.count
            while index >= 0 {
                if body[index] == marker[0], Array(body[index..<(index + marker.count)]) == marker {
                    cut = header.count + index + marker.count
                    break
                }
                index -= 1
            }
        }
        guard ftruncate(fd, off_t(cut)) == 0 else { throw TrialpipeError.systemCall("cannot truncate \(path)") }
        try writeAll(footer, at: cut)
        guard fsync(fd) == 0 else { throw TrialpipeError.systemCall("cannot fsync \(path)") }
    }

    public func checkpoint() throws -> String {
        try open()
        return String(try size())
    }

    public func rollback(to checkpoint: String) throws {
        try open()
        guard let target = Int(checkpoint), target < (try size()) else { return }
        let footer = RecordXMLEncoder.documentFooter
        guard ftruncate(fd, off_t(max(0, target - footer.count))) == 0 else {
            throw TrialpipeError.systemCall("cannot roll back \(path)")
        }
        try writeAll(footer, at: max(0, target - footer.count))
        guard fsync(fd) == 0 else { throw TrialpipeError.systemCall("cannot fsync \(path)") }
    }

    public func write(_ records: [TrialRecord]) throws {
        try open()
        guard !records.isEmpty else { return }
        let footer = RecordXMLEncoder.documentFooter
        let offset = try size() - footer.count
        var bytes: [UInt8] = []
        for record in records { bytes += encoder.trialElement(record) }
        bytes += footer
        try writeAll(bytes, at: offset)
        guard fsync(fd) == 0 else { throw TrialpipeError.systemCall("cannot fsync \(path)") }
    }

    public func close() {
        if fd >= 0 {
            Foundation.close(fd)
            fd = -1
        }
    }
}
