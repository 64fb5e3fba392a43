import Foundation
import Pipeline

/// Moves a document that cannot be processed out of the inbox, with `NAME.error.json` beside it saying
/// which stage failed, why, and when. Never throws away the document.
public struct Quarantine: Sendable {
    /// The quarantine folder.
    public var directory: String

    /// A quarantine in a folder (created when first needed).
    public init(directory: String) { self.directory = directory }

    /// What `NAME.error.json` holds.
    public struct Report: Sendable, Codable, Equatable {
        public var file: String
        public var stage: String
        public var code: String
        public var message: String
        public var time: String
        public var sha256: String?
        public var pipeline: String
    }

    /// Moves `inbox/name` into the quarantine with its report; returns the quarantined file's path.
    @discardableResult
    public func quarantine(
        inbox: String, name: String, stage: String, code: String, message: String, sha256: String?, pipeline: String
    ) throws -> String {
        let manager = FileManager.default
        try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var target = directory + "/" + name
        var counter = 1
        while manager.fileExists(atPath: target) || manager.fileExists(atPath: target + ".error.json") {
            target = directory + "/" + name + "." + String(counter)
            counter += 1
        }
        let report = Report(
            file: name, stage: stage, code: code, message: message, time: Timestamp.now(), sha256: sha256,
            pipeline: pipeline)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try DurableFile.write(try encoder.encode(report), to: target + ".error.json")
        if rename(inbox + "/" + name, target) != 0 {
            let code = errno
            if code != ENOENT {
                throw TrialpipeError(
                    code: .quarantine,
                    message: "cannot move \(name) to \(directory): \(String(cString: strerror(code)))")
            }
        }
        return target
    }
}
