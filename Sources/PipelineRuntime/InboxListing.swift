import Foundation
import Watch

/// Which names in an inbox are documents (not hidden, not partial downloads, matching an include pattern),
/// by the watch module's name filter.
public enum InboxListing {
    /// Whether a file name counts as a document for the given include patterns.
    public static func isCandidate(_ name: String, include: [String]) -> Bool {
        InboxNameFilter(include: include).isCandidate(name)
    }

    /// The candidate names in a folder, sorted.
    public static func candidates(in folder: String, include: [String]) throws -> [String] {
        let filter = InboxNameFilter(include: include)
        return try FileManager.default.contentsOfDirectory(atPath: folder).filter(filter.isCandidate).sorted()
    }
}
