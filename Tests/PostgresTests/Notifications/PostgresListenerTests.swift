import Foundation
import Postgres
import TestSupport
import Testing

@Suite struct PostgresListenerTests {
    static func channel() -> String { "jobs_\(UInt32.random(in: 0...UInt32.max))" }

    @Test func deliversNotificationsInOrder() async throws {
        let channel = Self.channel()
        let listener = PostgresListener(configuration: try TestCluster.superuser(), logger: .disabled)
        var events = listener.notifications(channel: channel).makeAsyncIterator()
        #expect(try await events.next() == .listening)
        for payload in ["1", "två", ""] { try await Shared.pool().notify(channel: channel, payload: payload) }
        var payloads: [String] = []
        for _ in 0..<3 {
            guard case .notification(let note) = try await events.next() else { Issue.record("expected a notification"); return }
            #expect(note.channel == channel)
            #expect(note.processID > 0)
            payloads.append(note.payload)
        }
        #expect(payloads == ["1", "två", ""])
    }

    @Test func listensOnSeveralChannels() async throws {
        let first = Self.channel()
        let second = Self.channel()
        let listener = PostgresListener(configuration: try TestCluster.superuser(), logger: .disabled)
        var events = listener.notifications(channels: [first, second]).makeAsyncIterator()
        #expect(try await events.next() == .listening)
        try await Shared.pool().notify(channel: second, payload: "b")
        try await Shared.pool().notify(channel: "\(first)_other", payload: "not for us")
        try await Shared.pool().notify(channel: first, payload: "a")
        guard case .notification(let one) = try await events.next(), case .notification(let two) = try await events.next() else {
            Issue.record("expected notifications")
            return
        }
        #expect([one.channel, two.channel] == [second, first])
    }

    @Test func reconnectsAfterAServerRestartAndSaysSo() async throws {
        try await withTemporaryCluster { cluster in
            let channel = Self.channel()
            let listener = PostgresListener(configuration: cluster.configuration, logger: .disabled, reconnectDelay: .milliseconds(50))
            let pool = PostgresPool(configuration: cluster.configuration, maximumConnections: 1, logger: .disabled)
            var events = listener.notifications(channel: channel).makeAsyncIterator()
            #expect(try await events.next() == .listening)
            try await cluster.restart()
            #expect(try await events.next() == .reconnected)
            try await pool.notify(channel: channel, payload: "after restart")
            #expect(try await events.next() == .notification(PostgresNotification(channel: channel, payload: "after restart", processID: try await
                pool.query("SELECT pid FROM pg_stat_activity WHERE pid = pg_backend_pid()").first!.decode(Int32.self))))
            await pool.close()
        }
    }

    @Test func keepsRetryingWhileTheServerIsDown() async throws {
        try await withTemporaryCluster { cluster in
            let listener = PostgresListener(configuration: cluster.configuration, logger: .disabled, reconnectDelay: .milliseconds(20),
                                            maximumReconnectDelay: .milliseconds(100))
            var events = listener.notifications(channel: Self.channel()).makeAsyncIterator()
            #expect(try await events.next() == .listening)
            try await cluster.stop()
            let next = Task { [events] in
                var events = events
                return try await events.next()
            }
            try await Task.sleep(for: .milliseconds(500))
            try await cluster.start()
            #expect(try await next.value == .reconnected)
        }
    }

    @Test func firstConnectionFailureIsThrown() async throws {
        let port = try TemporaryCluster.freePort()
        let listener = PostgresListener(configuration: PostgresConfiguration(host: "127.0.0.1", port: port, sslMode: .disable), logger: .disabled)
        let error = await postgresError {
            for try await _ in listener.notifications(channel: "jobs") {}
        }
        #expect(error?.code == .connectionFailed)
        let invalid = await postgresError {
            for try await _ in PostgresListener(configuration: try TestCluster.superuser(), logger: .disabled).notifications(channel: "no-dashes") {}
        }
        #expect(invalid?.code == .invalidIdentifier)
    }

    @Test func cancellingTheConsumerEndsTheSequence() async throws {
        let listener = PostgresListener(configuration: try TestCluster.superuser(), logger: .disabled)
        let started = Gate()
        let consumer = Task {
            var count = 0
            for try await event in listener.notifications(channel: Self.channel()) {
                if event == .listening { await started.open() }
                count += 1
            }
            return count
        }
        await started.wait()
        consumer.cancel()
        #expect(try await consumer.value == 1)
    }
}
