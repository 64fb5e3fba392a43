import Foundation
import Operations
import PipelineTesting
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Sends raw bytes to a local TCP port and returns what comes back before the server closes or `timeout`.
func rawExchange(port: Int, send: [UInt8], timeout: Double = 3) -> String {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
        }
    }
    guard connected == 0 else { return "" }
    var wait = timeval(tv_sec: Int(timeout), tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
    _ = send.withUnsafeBytes { Foundation.send(fd, $0.baseAddress, $0.count, 0) }
    var received: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
        let count = recv(fd, &buffer, buffer.count, 0)
        if count <= 0 { break }
        received += buffer[..<count]
    }
    return String(decoding: received, as: UTF8.self)
}

/// GETs a URL with URLSession; the status and body.
func httpGet(_ url: String) async throws -> (status: Int, body: String) {
    let (data, response) = try await URLSession.shared.data(from: URL(string: url)!)
    return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
}

@Suite("Operations server", .serialized, .timeLimit(.minutes(1)))
struct OperationsServerTests {
    func start() async throws -> (OperationsServer, CatalogMetricsFactory, HealthState) {
        let factory = CatalogMetricsFactory()
        let health = HealthState()
        let server = try await OperationsServer.start(
            address: ListenAddress(host: "127.0.0.1", port: 0),
            routes: OperationsRoutes(registry: factory.registry, health: health))
        return (server, factory, health)
    }

    @Test func servesMetricsHealthAndReadinessAndRefusesTheRest() async throws {
        let (server, factory, health) = try await start()
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        try folder.write("Inbox/.keep", "")
        try folder.write("state/.keep", "")
        health.expect(pipeline: "trials", inbox: folder.path + "/Inbox", stateDirectory: folder.path + "/state")
        PipelineMetrics(factory: factory).documentSkipped(pipeline: "trials", name: "a.txt")
        let base = "http://127.0.0.1:\(server.port)"
        #expect(server.port > 0)

        let metrics = try await httpGet(base + "/metrics")
        #expect(metrics.status == 200)
        #expect(metrics.body.contains("trialpipe_documents_skipped_total{pipeline=\"trials\"} 1\n"))
        #expect(try await httpGet(base + "/ready").status == 503)
        health.sourceStarted(pipeline: "trials")
        #expect(try await httpGet(base + "/ready").status == 200)
        #expect(try await httpGet(base + "/health?verbose=1").status == 200)
        try FileManager.default.removeItem(atPath: folder.path + "/Inbox")
        let unhealthy = try await httpGet(base + "/health")
        #expect(unhealthy.status == 503)
        #expect(unhealthy.body.contains("inbox-missing"))
        #expect(try await httpGet(base + "/other").status == 404)

        let post = rawExchange(
            port: server.port,
            send: Array("POST /metrics HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".utf8))
        #expect(post.hasPrefix("HTTP/1.1 405"))
        #expect(post.contains("Allow: GET, HEAD"))
        let garbage = rawExchange(port: server.port, send: Array("\u{1}\u{2} nonsense\r\n\r\n".utf8))
        #expect(garbage.hasPrefix("HTTP/1.1 400"))
        let head = rawExchange(
            port: server.port, send: Array("HEAD /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8))
        #expect(head.hasPrefix("HTTP/1.1 200"))
        #expect(!head.contains("trialpipe_documents_skipped_total"))
        await server.stop()
    }

    @Test func aClientThatStallsMidRequestDoesNotHoldUpOthers() async throws {
        let (server, _, _) = try await start()
        let port = server.port
        // Half a request, never finished, on its own connection, from a thread of its own (a blocking read
        // must not take one of the few threads the test's own HTTP client needs).
        let stalledDone = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            _ = rawExchange(port: port, send: Array("GET /metr".utf8), timeout: 30)
            stalledDone.signal()
        }
        try await Task.sleep(for: .milliseconds(100))
        for _ in 0..<20 { #expect(try await httpGet("http://127.0.0.1:\(port)/metrics").status == 200) }
        // Every other request was answered while the stalled one was still open.
        #expect(stalledDone.wait(timeout: .now()) == .timedOut)
        await server.stop()
        // Stopping the server closes the stalled connection too.
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                stalledDone.wait()
                continuation.resume()
            }
        }
    }

    @Test func aPortInUseIsAClearError() async throws {
        let (server, factory, health) = try await start()
        await #expect {
            try await OperationsServer.start(
                address: ListenAddress(host: "127.0.0.1", port: server.port),
                routes: OperationsRoutes(registry: factory.registry, health: health))
        } throws: { error in
            "\(error)".contains("cannot listen on 127.0.0.1:\(server.port)") && "\(error)".contains("free port")
        }
        await server.stop()
    }
}
