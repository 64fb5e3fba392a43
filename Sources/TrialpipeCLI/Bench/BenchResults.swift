import Foundation

/// What `trialpipe bench` measured.
struct BenchResults: Encodable {
    struct Throughput: Encodable {
        var sinks: String
        var seconds: Double
        var documents: Int
        var failed: Int
        var documentsPerSecond: Double
        var megabytesPerSecond: Double
        var peakRSSMiB: Double
    }

    struct Latency: Encodable {
        var rate: Double
        var documents: Int
        var durable: Int
        var p50Milliseconds: Double
        var p99Milliseconds: Double
        var maxMilliseconds: Double
    }

    var documents: Int
    var corpusBytes: Int
    var cores: Int
    var throughput: [Throughput] = []
    var latency: Latency?
    var peakRSSMiB: Double = 0

    /// The results as a table for people.
    var table: String {
        func fixed(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }
        var out = "trialpipe bench: \(documents) documents, \(fixed(Double(corpusBytes) / 1_048_576, 1)) MiB, "
        out += "average \(corpusBytes / max(documents, 1)) bytes, \(cores) cores\n\n"
        out += "run --once       docs/s      MB/s   seconds   failed   peak RSS MiB\n"
        for row in throughput {
            out += row.sinks.padding(toLength: 12, withPad: " ", startingAt: 0)
            out += fixed(row.documentsPerSecond, 0).leftPadded(11) + fixed(row.megabytesPerSecond, 1).leftPadded(10)
            out += fixed(row.seconds, 2).leftPadded(10) + String(row.failed).leftPadded(9)
            out += fixed(row.peakRSSMiB, 1).leftPadded(15) + "\n"
        }
        if let latency {
            out += "\ndaemon drop-to-durable latency at \(fixed(latency.rate, 0)) docs/s "
            out += "(\(latency.durable) of \(latency.documents) durable, JSON Lines + XML):\n"
            out += "  p50 \(fixed(latency.p50Milliseconds, 2)) ms   p99 \(fixed(latency.p99Milliseconds, 2)) ms   "
            out += "max \(fixed(latency.maxMilliseconds, 2)) ms\n"
        }
        out += "\npeak resident memory of the whole run: \(fixed(peakRSSMiB, 1)) MiB\n"
        return out
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}

/// The process's resident memory, from /proc (Linux).
enum Memory {
    /// Peak resident set size (VmHWM) in MiB, or 0 where /proc is not there.
    static func peakMiB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let digits = line.filter(\.isNumber)
            return (Double(digits) ?? 0) / 1024
        }
        return 0
    }

    /// Resets the peak to the current size (Linux 4.0 and later), so each phase is measured alone.
    ///
    /// Memory an earlier phase freed (generating the corpus, an earlier run) is first returned to the system
    /// (``Allocator/returnFreedMemory()``): otherwise it stays resident and is counted in the next phase's peak.
    static func resetPeak() {
        Allocator.returnFreedMemory()
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }
}
