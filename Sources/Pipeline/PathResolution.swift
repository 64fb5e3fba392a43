/// The one rule for relative paths in pipeline files: they are resolved against the folder trialpipe is
/// started in (the working directory); absolute paths are used as they are.
public enum PathResolution {
    /// `path` made absolute against `base`, with `.` and `..` segments folded.
    public static func resolve(_ path: String, against base: String) -> String {
        let joined = path.hasPrefix("/") ? path : (base.hasSuffix("/") ? base + path : base + "/" + path)
        var parts: [Substring] = []
        for part in joined.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }
}
