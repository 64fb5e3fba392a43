import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The built `trialpipe` binary running as a daemon in a folder, its stderr kept in `folder/daemon.log`.
final class DaemonProcess {
    let process = Process()
    let logPath: String

    /// Starts `trialpipe ARGUMENTS` in `folder` with info-level logs.
    init(_ arguments: [String], in folder: String) throws {
        logPath = folder + "/daemon.log"
        FileManager.default.createFile(atPath: logPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: ProjectPaths.binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var environment = ProcessInfo.processInfo.environment
        environment["TRIALPIPE_LOG_LEVEL"] = "info"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        try process.run()
    }

    /// The log so far, one line per entry.
    var logLines: [String] {
        (try? String(contentsOfFile: logPath, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
    }

    /// The port of `--metrics-address …:0`, read from the JSON log line that announces it.
    func metricsPort(within seconds: Double = 60) async -> Int? {
        var port: Int?
        _ = await waitUntil(seconds: seconds) {
            for line in logLines {
                guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                    let address = object["metrics_address"] as? String, let colon = address.lastIndex(of: ":")
                else { continue }
                port = Int(address[address.index(after: colon)...])
            }
            return port != nil
        }
        return port
    }

    /// Sends SIGTERM and waits for the exit status.
    func stop() -> Int32 {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// Polls an async `condition` every 100 ms until it holds or `seconds` pass.
func eventually(seconds: Double, _ condition: () async -> Bool) async -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if await condition() { return true }
        try? await Task.sleep(for: .milliseconds(100))
    }
    return await condition()
}

/// GETs a URL with URLSession: the status and body (status 0 when nothing answers).
func httpGet(_ url: String) async -> (status: Int, body: String) {
    guard let (data, response) = try? await URLSession.shared.data(from: URL(string: url)!) else { return (0, "") }
    return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
}

/// A TCP port that was free a moment ago (bound to port 0, then released).
func freePort() -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            _ = bind(fd, $0, length)
            return getsockname(fd, $0, &length)
        }
    }
    return Int(UInt16(bigEndian: address.sin_port))
}

/// The full path of a program on `PATH`, if there is one.
func programOnPath(_ name: String) -> String? {
    let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
    return paths.map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
}

/// The value of a sample line (`name{labels} value`) in a Prometheus exposition, summed over matching lines.
func metricValue(_ exposition: String, _ prefix: String) -> Double {
    exposition.split(separator: "\n").filter { $0.hasPrefix(prefix) }.compactMap { line in
        line.split(separator: " ").last.flatMap { Double($0) }
    }.reduce(0, +)
}
