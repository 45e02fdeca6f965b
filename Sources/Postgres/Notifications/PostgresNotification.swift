/// A `NOTIFY` received on a listening connection.
public struct PostgresNotification: Sendable, Equatable {
    /// The channel it was sent on.
    public var channel: String
    /// The payload (empty when none was given). Treat as data: never log it.
    public var payload: String
    /// The server process that sent it.
    public var processID: Int32

    /// Creates a notification.
    public init(channel: String, payload: String, processID: Int32) {
        self.channel = channel
        self.payload = payload
        self.processID = processID
    }
}
