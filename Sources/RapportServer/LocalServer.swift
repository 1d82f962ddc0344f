import FlyingFox
import FlyingSocks
import Foundation

/// The listening half of `rapport serve`: FlyingFox servers on the loopback interface only,
/// 127.0.0.1 and, where the system has IPv6, [::1], on one port.
///
/// FlyingFox binds one address per server, so two servers share the app: the IPv4 one first (on
/// the asked port, or any free one for 0), then the IPv6 one on the port the first got.
public final class LocalServer: Sendable {
    public let app: WebApp
    private let servers: Locked<[HTTPServer]> = Locked([])
    private let tasks: Locked<[Task<Void, any Error>]> = Locked([])

    public init(app: WebApp) { self.app = app }

    /// Whether [::1] is served too (false when the system has no IPv6 loopback).
    public var servesIPv6: Bool { servers.value.count > 1 }

    /// Starts listening and returns the port.
    /// - Throws: when 127.0.0.1:`port` cannot be bound (in use, or not allowed).
    public func start(port: UInt16) async throws -> UInt16 {
        let handler: @Sendable (HTTPRequest) async throws -> HTTPResponse = { [app] request in await app.respond(to: request) }
        let pool = NoDelaySocketPool(base: HTTPServer.defaultPool())
        let v4 = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: port), timeout: 120, pool: pool, logger: .disabled, handler: ClosureHTTPHandler(handler))
        let bound = try await run(v4)
        app.policy.port = bound
        // [::1] on the same port; a system without IPv6 loopback keeps the IPv4 server alone.
        if let v6Address = try? sockaddr_in6.inet6(ip6: "::1", port: bound) {
            let v6 = HTTPServer(
                address: v6Address, timeout: 120, pool: NoDelaySocketPool(base: HTTPServer.defaultPool()), logger: .disabled,
                handler: ClosureHTTPHandler(handler))
            _ = try? await run(v6)
        }
        return bound
    }

    /// Runs `server` in a task of its own until it listens; returns its port.
    private func run(_ server: HTTPServer) async throws -> UInt16 {
        let task = Task { try await server.run() }
        do {
            try await server.waitUntilListening(timeout: 10)
        } catch {
            task.cancel()
            // The server's own error (the port is taken) says more than the timeout.
            try await task.value
            throw error
        }
        guard case .ip4(_, let port)? = await server.listeningAddress ?? nil else {
            if case .ip6(_, let port)? = await server.listeningAddress { return finish(server, task, port) }
            task.cancel()
            throw SocketError.unsupportedAddress
        }
        return finish(server, task, port)
    }

    private func finish(_ server: HTTPServer, _ task: Task<Void, any Error>, _ port: UInt16) -> UInt16 {
        servers.value.append(server)
        tasks.value.append(task)
        return port
    }

    /// Stops listening, lets open connections finish (up to `timeout` seconds) and deletes the
    /// uploads still waiting for a confirmation.
    public func stop(timeout: TimeInterval = 2) async {
        for server in servers.value { await server.stop(timeout: timeout) }
        for task in tasks.value { task.cancel() }
        servers.value = []
        tasks.value = []
        app.uploads.removeAll()
    }
}

/// FlyingFox's socket pool with Nagle's algorithm off on every socket it waits for.
///
/// FlyingFox writes a response's header and body in two `write`s. With Nagle on, the body waits for
/// the client to acknowledge the header, and the client delays that acknowledgement by 40 ms: every
/// page took 40 ms more than its work. `TCP_NODELAY` set on the listening socket (the first one the
/// pool waits for) is inherited by every accepted connection on Linux; it is also set on each
/// connection that waits, which is a no-op after the first time.
struct NoDelaySocketPool<Base: AsyncSocketPool>: AsyncSocketPool {
    let base: Base

    func prepare() async throws { try await base.prepare() }

    func run() async throws { try await base.run() }

    func suspendSocket(_ socket: Socket, untilReadyFor events: Socket.Events) async throws {
        var on: Int32 = 1
        _ = setsockopt(socket.file.rawValue, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
        try await base.suspendSocket(socket, untilReadyFor: events)
    }
}
