import Foundation

/// The XSD that XML trial records follow (`Resources/trial-record.xsd`, shipped in this module's bundle).
public enum TrialRecordXSD {
    /// The namespace of `<trials>` and everything in it.
    public static let namespace = "urn:trialpipe:record:1"

    /// Why the schema could not be read.
    public struct LoadError: Error, Sendable, CustomStringConvertible {
        /// What went wrong.
        public var description: String
    }

    /// The schema's bytes.
    /// - Throws: ``LoadError`` when the resource is missing from the bundle or cannot be read.
    public static func load() throws -> [UInt8] {
        // `.copy("Resources")` keeps the folder, so the file sits in `Resources/` inside the bundle.
        let url =
            Bundle.module.url(
                forResource: "trial-record", withExtension: "xsd", subdirectory: "Resources")
            ?? Bundle.module.url(forResource: "trial-record", withExtension: "xsd")
        guard let url else {
            throw LoadError(description: "trial-record.xsd is missing from the Sinks bundle")
        }
        do {
            return Array(try Data(contentsOf: url))
        } catch {
            throw LoadError(description: "cannot read \(url.lastPathComponent): \(error)")
        }
    }
}
