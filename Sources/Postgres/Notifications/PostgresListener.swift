public import Observability

/// Delivers `NOTIFY`s as an `AsyncSequence`, on a dedicated connection of its own (not from a pool).
///
/// ```swift
/// let listener = PostgresListener(configuration: config, logger: logger)
/// for try await event in listener.notifications(channel: "jobs") {
///     switch event {
///     case .listening, .reconnected: await claimAvailableJobs()   // catch up on what may have been missed
///     case .notification(let note): await claimAvailableJobs()
///     }
/// }
/// ```
///
/// The first connection attempt fails fast (the error is thrown from the loop). After that, a lost
/// connection (server restart, network) is re-established with growing delays and the channels are
/// listened to again; the sequence then yields `.reconnected`, because notifications sent in between
/// are lost and the consumer should poll. When idle it pings the server now and then, so a vanished
/// peer is noticed. Ending the consuming task ends the sequence and closes the connection.
public struct PostgresListener: Sendable {
    /// What the sequence yields.
    public enum Event: Sendable, Equatable {
        /// `LISTEN` is in effect for every channel; from now on notifications are delivered.
        case listening
        /// The connection was lost and is back, listening again; notifications in between are lost.
        case reconnected
        /// A notification arrived.
        case notification(PostgresNotification)
    }

    /// How to connect.
    public let configuration: PostgresConfiguration
    /// The first delay before reconnecting; it doubles on each failure.
    public let reconnectDelay: Duration
    /// The longest delay between reconnection attempts.
    public let maximumReconnectDelay: Duration
    /// How long without notifications before the connection is pinged.
    public let idleCheckInterval: Duration
    let logger: Logger
    let eventLoop: PostgresEventLoop

    /// A listener for `configuration`.
    public init(
        configuration: PostgresConfiguration, logger: Logger,
        reconnectDelay: Duration = .milliseconds(250), maximumReconnectDelay: Duration = .seconds(10),
        idleCheckInterval: Duration = .seconds(30), eventLoop: PostgresEventLoop = .shared
    ) {
        self.configuration = configuration
        self.logger = logger.with(label: "postgres.listener")
        self.reconnectDelay = reconnectDelay
        self.maximumReconnectDelay = maximumReconnectDelay
        self.idleCheckInterval = idleCheckInterval
        self.eventLoop = eventLoop
    }

    /// Notifications on `channel`.
    public func notifications(channel: String) -> Notifications { notifications(channels: [channel]) }

    /// Notifications on all of `channels`. Channel names follow identifier rules (letters, digits, `_`).
    public func notifications(channels: [String]) -> Notifications { Notifications(listener: self, channels: channels) }

    /// The sequence of events for some channels; each iteration has a connection of its own.
    public struct Notifications: AsyncSequence, Sendable {
        /// Events.
        public typealias Element = Event
        let listener: PostgresListener
        let channels: [String]

        /// Starts iterating (connects on the first `next()`).
        public func makeAsyncIterator() -> Iterator { Iterator(session: ListenerSession(listener: listener, channels: channels)) }

        /// Iterates the events.
        public struct Iterator: AsyncIteratorProtocol {
            let session: ListenerSession

            /// The next event; nil once the task is cancelled.
            public mutating func next() async throws -> Event? { try await session.next() }
        }
    }
}
