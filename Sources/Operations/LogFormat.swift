/// How log lines are written on stderr: `text` for people, `json` for log shippers.
public enum LogFormat: String, Sendable, CaseIterable {
    /// `2026-01-02T03:04:05+0000 info trialpipe: pipeline=trials message` (swift-log's stream handler).
    case text
    /// One JSON object per line: `time`, `level`, `label`, `message`, then the metadata keys.
    case json
}
