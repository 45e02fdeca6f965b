import Foundation
import HTTP
import Testing

@Suite("HTTPServer timeouts")
struct HTTPServerTimeoutTests {
    @Test func answersASlowHeadWith408AndClosesWithoutDelayingOthers() async throws {
        try await withServer(.makeTest(headerTimeout: .milliseconds(1500))) { _, port in
            let slow = try RawClient(port: port)
            try slow.send("GET /hello HTTP/1.1\r\nHost: t\r\n")
            let started = Date()
            // Another connection is served at once while the slow head is pending.
            let other = try RawClient(port: port)
            try other.send(makeRequest())
            #expect(try other.readResponse().status == 200)
            #expect(Date().timeIntervalSince(started) < 1.0)
            try slow.send("X-Trickle: 1\r\n")
            let response = try slow.readResponse()
            #expect(response.status == 408)
            #expect(Date().timeIntervalSince(started) >= 1.0)
            #expect(response.header("Connection") == "close")
            #expect(response.header("X-Content-Type-Options") == "nosniff")
            #expect(slow.isClosedByServer())
        }
    }

    @Test func answersASlowBodyWith408() async throws {
        try await withServer(.makeTest(bodyTimeout: .milliseconds(500))) { _, port in
            let client = try RawClient(port: port)
            try client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\nabc")
            let response = try client.readResponse()
            #expect(response.status == 408)
            #expect(client.isClosedByServer())
        }
    }

    @Test func closesAnIdleKeepAliveConnectionSilently() async throws {
        try await withServer(.makeTest(idleTimeout: .milliseconds(400))) { _, port in
            let client = try RawClient(port: port)
            try client.send(makeRequest())
            #expect(try client.readResponse().status == 200)
            let started = Date()
            #expect(client.readToEnd().isEmpty)
            #expect(Date().timeIntervalSince(started) >= 0.3)
        }
    }

    @Test func keepsAnIdleConnectionOpenWithinTheBound() async throws {
        try await withServer(.makeTest(idleTimeout: .seconds(3))) { _, port in
            let client = try RawClient(port: port, timeoutMilliseconds: 700)
            try client.send(makeRequest())
            #expect(try client.readResponse().status == 200)
            #expect(client.staysQuiet())
            try client.send(makeRequest())
            #expect(try client.readResponse().status == 200)
        }
    }
}
