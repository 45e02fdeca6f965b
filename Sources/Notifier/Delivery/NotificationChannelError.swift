/// A notification that no channel could deliver as it stands, whatever the network does.
public struct NotificationChannelError: DeliveryError, Equatable {
    /// What was wrong.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String { case recipientNotSupported, nothingToSend }
        private let base: Base

        /// The notification was given to a channel that cannot reach its recipient (an SMS
        /// recipient handed to the e-mail channel): the queue routed it wrongly.
        public static let recipientNotSupported = Code(base: .recipientNotSupported)
        /// The template renders nothing worth sending (a manager digest with all counts zero).
        public static let nothingToSend = Code(base: .nothingToSend)

        /// The code's name.
        public var description: String { base.rawValue }
    }

    /// What was wrong.
    public let code: Code
    /// The channel that refused: `email`, `sms` or `in-service`.
    public let channel: String

    /// Creates the error.
    public init(_ code: Code, channel: String) {
        self.code = code
        self.channel = channel
    }

    /// Both codes are about this notification, never the network: retrying cannot help.
    public var failureKind: DeliveryFailureKind { .permanent }
    /// Generic: the code and the channel.
    public var description: String { "notification not delivered: \(code) (\(channel) channel)" }
    /// The same as ``description``: there is nothing more to say that is not personal data.
    public var debugDescription: String { description }
}
