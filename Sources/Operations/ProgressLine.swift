/// The one-line progress display of `run --once`: done / total, documents per second, time left.
public enum ProgressLine {
    /// The line for `done` of `total` documents after `elapsed` seconds, e.g.
    /// `trials: 1200/5000 documents (24%), 830 documents/s, 0:04 left`.
    public static func render(pipeline: String, done: Int, total: Int, elapsed: Double) -> String {
        let percent = total > 0 ? min(100, done * 100 / total) : 100
        var line = "\(pipeline): \(done)/\(total) documents (\(percent)%)"
        guard elapsed > 0, done > 0 else { return line + ", starting" }
        let rate = Double(done) / elapsed
        line +=
            ", " + (rate >= 100 ? String(Int(rate.rounded())) : String(Double(Int(rate * 10)) / 10)) + " documents/s"
        let left = Double(max(0, total - done)) / rate
        line += ", " + duration(left) + " left"
        return line
    }

    /// Seconds as `m:ss`, or `h:mm:ss` from an hour on.
    public static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        let (hours, minutes, secs) = (whole / 3600, whole / 60 % 60, whole % 60)
        let ss = secs < 10 ? "0\(secs)" : "\(secs)"
        if hours > 0 { return "\(hours):" + (minutes < 10 ? "0\(minutes)" : "\(minutes)") + ":" + ss }
        return "\(minutes):" + ss
    }
}
