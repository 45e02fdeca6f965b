import CSystem
import Foundation
import HTTP
import Observability
import Testing

@Suite("HTTPServer graceful shutdown")
struct HTTPServerShutdownTests {
    @Test func finishesInFlightRequestsRefusesNewConnectionsAndReturnsFromRun() async throws {
        // The handler waits for the test, so "in flight during shutdown" holds however slow the machine is.
        let (started, handlerStarted) = AsyncStream.makeStream(of: Void.self)
        let (release, releaseHandler) = AsyncStream.makeStream(of: Void.self)
        var router = makeRouter()
        router.get("/wait") { _ in
            handlerStarted.yield()
            for await _ in release { break }
            return .text("finished")
        }
        let server = HTTPServer(configuration: .makeTest(), responder: router, logger: .disabled, metrics: MetricsRegistry())
        let port = try server.listen()
        try server.start()
        let running = Task { try await server.run() }
        let idle = try RawClient(port: port)
        try idle.send(makeRequest())
        #expect(try idle.readResponse().status == 200)

        let busy = try RawClient(port: port)
        try busy.send(makeRequest("GET", "/wait"))
        for await _ in started { break }
        server.shutdown()
        try await Task.sleep(for: .milliseconds(100))

        // New connections are refused once the listening sockets are closed.
        #expect(csystem_connect_tcp("127.0.0.1", Int32(port)) < 0)
        // The idle keep-alive connection is closed at once.
        #expect(idle.isClosedByServer())
        // The request in flight completes, told the connection closes.
        releaseHandler.yield()
        let response = try busy.readResponse()
        #expect(response.bodyText == "finished")
        #expect(response.header("Connection") == "close")
        #expect(busy.isClosedByServer())
        try await running.value
    }

    @Test func closesStragglersAtTheShutdownBound() async throws {
        var router = Router()
        router.get("/forever") { _ in
            try? await Task.sleep(for: .seconds(30))
            return .text("late")
        }
        let server = HTTPServer(
            configuration: .makeTest(shutdownTimeout: .milliseconds(300)), responder: router, logger: .disabled, metrics: MetricsRegistry()
        )
        let port = try server.listen()
        try server.start()
        let running = Task { try await server.run() }
        let client = try RawClient(port: port)
        try client.send(makeRequest("GET", "/forever"))
        try await Task.sleep(for: .milliseconds(100))
        let started = Date()
        server.shutdown()
        try await running.value
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(client.readToEnd().isEmpty)
    }

    @Test func runReturnsAtOnceWhenShutDownBeforeStarting() async throws {
        let server = HTTPServer(configuration: .makeTest(), responder: makeRouter(), logger: .disabled, metrics: MetricsRegistry())
        _ = try server.listen()
        server.shutdown()
        try await server.run()
    }
}
