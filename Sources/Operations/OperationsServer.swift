import NIOCore
import NIOHTTP1
import NIOPosix
public import Pipeline

/// The HTTP server of `--metrics-address`: `/metrics`, `/health` and `/ready` on one event-loop thread of
/// its own, so a slow or hostile client never takes time from the pipelines.
///
/// Malformed requests get 400 from NIO's protocol error handler; unknown paths 404; other methods 405.
public final class OperationsServer: Sendable {
    private let group: MultiThreadedEventLoopGroup
    private let channel: any Channel

    /// The port the server listens on (the chosen one when started with port 0).
    public let port: Int
    /// The address it listens on.
    public let address: ListenAddress

    private init(group: MultiThreadedEventLoopGroup, channel: any Channel, address: ListenAddress) {
        self.group = group
        self.channel = channel
        self.port = channel.localAddress?.port ?? address.port
        self.address = ListenAddress(host: address.host, port: port)
    }

    /// Why the server could not start, and what to do.
    public struct StartError: DescribedError, Sendable, CustomStringConvertible {
        /// The message for people.
        public var description: String
        /// Why binding failed.
        public var cause: (any Error & Sendable)?

        public var errorCode: TrialpipeError.Code { .metricsListen }
        public var errorMessage: String { description }
        public var errorCause: (any Error & Sendable)? { cause }
    }

    /// Binds `address` and starts answering.
    public static func start(address: ListenAddress, routes: OperationsRoutes) async throws(StartError)
        -> OperationsServer
    {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 64)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(OperationsRequestHandler(routes: routes))
                }
            }
            .childChannelOption(.socketOption(.so_reuseaddr), value: 1)
        do {
            let channel = try await bootstrap.bind(host: address.host, port: address.port).get()
            return OperationsServer(group: group, channel: channel, address: address)
        } catch {
            try? await group.shutdownGracefully()
            throw StartError(
                description: "cannot listen on \(address) for --metrics-address: \(error); choose a free port "
                    + "(or port 0) and an address of this machine, e.g. 127.0.0.1:9464", cause: error)
        }
    }

    /// Stops listening and closes the event loop.
    public func stop() async {
        try? await channel.close()
        try? await group.shutdownGracefully()
    }
}
