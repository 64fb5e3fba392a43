public import Prometheus

/// What the operations server answers for each request: `/metrics`, `/health`, `/ready`, and 4xx otherwise.
public struct OperationsRoutes: Sendable {
    /// A response before it is written.
    public struct Response: Sendable, Equatable {
        /// The HTTP status code.
        public var status: Int
        /// The `Content-Type`.
        public var contentType: String
        /// The body.
        public var body: [UInt8]
        /// `Allow` for a 405.
        public var allow: String?
    }

    /// The metrics exposed at `/metrics`.
    public let registry: PrometheusCollectorRegistry
    /// The state `/health` and `/ready` report.
    public let health: HealthState

    /// Routes over a registry and a health state.
    public init(registry: PrometheusCollectorRegistry, health: HealthState) {
        self.registry = registry
        self.health = health
    }

    static let prometheusType = "text/plain; version=0.0.4; charset=utf-8"
    static let jsonType = "application/json"
    static let textType = "text/plain; charset=utf-8"

    /// The response to a request, by method (`GET`, `HEAD`, …) and request target (path and query).
    public func respond(method: String, target: String) -> Response {
        let path = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)
        let known = ["/metrics", "/health", "/ready"]
        guard let path, known.contains(path) else {
            return text(404, "not found: this server answers /metrics, /health and /ready\n")
        }
        guard method == "GET" || method == "HEAD" else {
            var response = text(405, "\(path) answers GET and HEAD only\n")
            response.allow = "GET, HEAD"
            return response
        }
        switch path {
        case "/metrics":
            return Response(status: 200, contentType: Self.prometheusType, body: registry.emitToBuffer())
        case "/health":
            let report = health.report()
            return Response(status: report.httpStatus, contentType: Self.jsonType, body: Array(report.json.utf8))
        default:
            return health.isReady
                ? text(200, "ready\n") : text(503, "not ready: the pipelines have not started reading their inboxes\n")
        }
    }

    private func text(_ status: Int, _ body: String) -> Response {
        Response(status: status, contentType: Self.textType, body: Array(body.utf8))
    }
}
