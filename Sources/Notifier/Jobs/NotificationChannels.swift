/// The channels the Notifier delivers through: e-mail always, SMS when a gateway is configured,
/// and the inbox inside the service.
public struct NotificationChannels: Sendable {
    /// E-mail through the SMTP relay.
    public var email: any NotificationChannel
    /// SMS through the gateway; nil when none is configured (SMS notices then wait and are retried,
    /// and an operator is alerted by the error log).
    public var sms: (any NotificationChannel)?
    /// The in-service inbox.
    public var inService: any NotificationChannel

    /// Creates the set.
    public init(email: any NotificationChannel, sms: (any NotificationChannel)?, inService: any NotificationChannel) {
        self.email = email
        self.sms = sms
        self.inService = inService
    }
}
