/// How the job queue should treat a delivery that failed: retry later, give up, or retry and tell an
/// operator.
///
/// Every channel error conforms to ``DeliveryError`` and carries one of these; anything else a
/// channel throws is read as ``temporary`` by ``init(classifying:)``, because retrying with backoff
/// (bounded by the queue's attempt limit) loses less than discarding a message that could still
/// arrive.
public enum DeliveryFailureKind: String, Sendable, Hashable, CustomStringConvertible {
    /// The relay or gateway is down, busy or dropped the connection: retry with backoff.
    case temporary
    /// This message can never be delivered as it is (the address or the message was refused):
    /// discard the job, do not retry.
    case permanent
    /// The channel itself is set up wrongly (credentials, TLS demanded by the relay, URL, token):
    /// every message on it will fail until an operator fixes the configuration. Retry with backoff
    /// and raise an alert; discarding would lose messages that arrive once it is fixed.
    case misconfigured

    /// Whether the queue should try the job again later.
    public var isRetryable: Bool { self != .permanent }

    /// The kind of any error a channel threw: the error's own kind when it is a ``DeliveryError``,
    /// ``temporary`` for cancellation (the worker is shutting down) and for anything unknown.
    public init(classifying error: any Error) {
        if let classified = error as? any DeliveryError {
            self = classified.failureKind
        } else {
            self = .temporary
        }
    }

    /// `temporary`, `permanent` or `misconfigured`.
    public var description: String { rawValue }
}

/// An error from a notification channel that says whether the delivery may be retried.
///
/// `description` is generic by the product's rule (no address, number, message text or server
/// reply text); details useful to an operator go in `debugDescription`.
public protocol DeliveryError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// How the queue should treat the failed job.
    var failureKind: DeliveryFailureKind { get }
}

extension DeliveryError {
    /// Whether the queue should try the job again later (``DeliveryFailureKind/isRetryable``).
    public var isRetryable: Bool { failureKind.isRetryable }
}
