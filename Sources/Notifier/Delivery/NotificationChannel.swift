/// A way to reach a person: e-mail through the SMTP relay, SMS through the HTTP gateway, or the
/// inbox inside the service (*kanal*).
///
/// The job queue calls ``deliver(_:)`` once per attempt of a claimed job. A channel either returns
/// (delivered: the relay or gateway accepted the message, or the inbox stored it) or throws; the
/// queue classifies the error with ``DeliveryFailureKind/init(classifying:)`` and retries with
/// backoff (`temporary`, `misconfigured`) or discards the job (`permanent`).
///
/// Delivery is at least once: a connection that drops after the relay took the message but before
/// it confirmed makes the queue retry, and the same message goes out twice. Channels therefore give
/// every message an identity derived from the job (the e-mail `Message-ID`, the inbox row's job id),
/// so a duplicate can be recognised.
public protocol NotificationChannel: Sendable {
    /// Delivers one notification, or throws a ``DeliveryError`` saying whether to retry.
    func deliver(_ notification: OutgoingNotification) async throws
}
