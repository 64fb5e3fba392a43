import Foundation
public import Pipeline
public import TrialModel

/// Reads what an `exec` subprocess writes on stdout: bytes as they arrive into answer lines, and each
/// answer line into a trial record.
public struct ExecAnswerReader: Sendable {
    private var pending: [UInt8] = []

    /// A reader at the start of the output.
    public init() {}

    /// The lines that `bytes` complete, in order, without their newline; an unfinished line waits for
    /// more bytes (or ``finish()``).
    public mutating func lines(from bytes: some Sequence<UInt8>) -> [String] {
        var lines: [String] = []
        for byte in bytes {
            if byte == UInt8(ascii: "\n") {
                lines.append(String(decoding: pending, as: UTF8.self))
                pending.removeAll(keepingCapacity: true)
            } else {
                pending.append(byte)
            }
        }
        return lines
    }

    /// The last line when the output ended without a newline; nil when nothing is left.
    public mutating func finish() -> String? {
        guard !pending.isEmpty else { return nil }
        defer { pending.removeAll() }
        return String(decoding: pending, as: UTF8.self)
    }

    /// The record one answer line holds.
    /// - Throws: `exec-bad-output` when the line is not a trial record, quoting its start.
    public static func record(from line: String) throws(StageError) -> TrialRecord {
        do {
            return try JSONDecoder().decode(TrialRecord.self, from: Data(line.utf8))
        } catch {
            throw StageError(
                code: .execBadOutput,
                message: "the subprocess answered with a line that is not a trial record: \(String(line.prefix(200)))")
        }
    }
}
