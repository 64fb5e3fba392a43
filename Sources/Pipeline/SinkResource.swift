/// A place a sink writes, declared so that the loader can refuse two sinks writing the same place.
///
/// Two sinks appending to one file, or one writing a file inside another's folder, would corrupt each
/// other's output (a crash recovery of one cuts what the other committed). Paths are absolute.
public enum SinkResource: Sendable, Hashable, CustomStringConvertible {
    /// One file the sink owns.
    case file(String)
    /// A folder whose contents the sink owns.
    case folder(String)

    /// The absolute path.
    public var path: String {
        switch self {
        case .file(let path), .folder(let path): path
        }
    }

    public var description: String {
        switch self {
        case .file(let path): "file \(path)"
        case .folder(let path): "folder \(path)"
        }
    }

    /// Whether writing both would touch the same bytes: the same path, or one inside the other's folder.
    public func conflicts(with other: SinkResource) -> Bool {
        let (mine, theirs) = (Self.normalized(path), Self.normalized(other.path))
        if mine == theirs { return true }
        if case .folder = self, theirs.hasPrefix(mine + "/") { return true }
        if case .folder = other, mine.hasPrefix(theirs + "/") { return true }
        return false
    }

    private static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": _ = parts.popLast()
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }
}
