/// One listening connection and its reconnection state, owned by one iterator.
final class ListenerSession {
    private let listener: PostgresListener
    private let channels: [String]
    private var connection: PostgresConnection?
    private var hasListened = false
    private var finished = false
    private var delay: Duration

    init(listener: PostgresListener, channels: [String]) {
        self.listener = listener
        self.channels = channels
        delay = listener.reconnectDelay
    }

    func next() async throws -> PostgresListener.Event? {
        while !finished {
            if Task.isCancelled { return await finish() }
            guard let connection else {
                do {
                    try await connect()
                } catch is CancellationError {
                    return await finish()
                } catch {
                    guard hasListened else {
                        finished = true
                        throw error
                    }
                    listener.logger.warning("listener could not reconnect", metadata: ["db.error": "\(error)"])
                    do {
                        try await Task.sleep(for: delay)
                    } catch {
                        return await finish()
                    }
                    delay = min(delay * 2, listener.maximumReconnectDelay)
                    continue
                }
                delay = listener.reconnectDelay
                defer { hasListened = true }
                return hasListened ? .reconnected : .listening
            }
            do {
                if let notification = try await connection.nextNotification(timeout: listener.idleCheckInterval) {
                    return .notification(notification)
                }
                // Quiet for a while: make sure the server is still there.
                _ = try await connection.run(.simple(""), operation: .ping)
            } catch is CancellationError {
                return await finish()
            } catch {
                listener.logger.warning("listener connection lost", metadata: ["db.error": "\(error)"])
                await connection.close()
                self.connection = nil
            }
        }
        return nil
    }

    private func connect() async throws {
        let connection = try await PostgresConnection.connect(
            configuration: listener.configuration, logger: listener.logger, eventLoop: listener.eventLoop
        )
        await connection.receiveNotifications()
        do {
            for channel in channels {
                _ = try await connection.query("LISTEN \(identifier: channel)")
            }
        } catch {
            await connection.close()
            throw error
        }
        self.connection = connection
    }

    private func finish() async -> PostgresListener.Event? {
        finished = true
        if let connection { await connection.close() }
        connection = nil
        return nil
    }
}
