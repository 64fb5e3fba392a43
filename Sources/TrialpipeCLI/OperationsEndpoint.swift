import Foundation
import Logging
import Operations
import Pipeline
import PipelineRuntime

/// What `--metrics-address` turns on for `run`: the metrics and health observers of every pipeline and the
/// HTTP server that exposes them. Without the option, nothing runs and the observers are empty.
struct OperationsEndpoint {
    /// The observers the pipelines report to.
    let events: any PipelineEvents
    /// The health state, when metrics are on.
    let health: HealthState?
    private let server: OperationsServer?

    /// Starts the server on `address` (when given) and prepares the observers for `specs`.
    static func start(address: ListenAddress?, specs: [PipelineSpec], logger: Logger) async throws(OperationsServer
        .StartError) -> OperationsEndpoint
    {
        guard let address else { return OperationsEndpoint(events: NoPipelineEvents(), health: nil, server: nil) }
        let factory = CatalogMetricsFactory()
        let health = HealthState()
        for spec in specs {
            health.expect(pipeline: spec.name, inbox: spec.source.inbox, stateDirectory: spec.stateDirectory)
        }
        let server = try await OperationsServer.start(
            address: address, routes: OperationsRoutes(registry: factory.registry, health: health))
        logger.notice(
            "metrics at http://\(server.address)/metrics, health at /health, readiness at /ready",
            metadata: ["metrics_address": "\(server.address)"])
        return OperationsEndpoint(
            events: PipelineEventsFanOut([PipelineMetrics(factory: factory), health]), health: health, server: server)
    }

    /// The observers plus `more` (progress, for one pass).
    func events(adding more: any PipelineEvents) -> any PipelineEvents {
        PipelineEventsFanOut([events, more])
    }

    /// Stops the server.
    func stop() async { await server?.stop() }
}
