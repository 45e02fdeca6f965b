/// Why the queue could not run a job as it stands, apart from a channel's delivery error.
///
/// `description` is generic (code and kind of failure); `debugDescription` adds a fixed detail
/// written by the Notifier, never a payload value, an address or text.
public struct JobError: DeliveryError, Equatable {
    /// What was wrong.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String {
            case unknownKind, malformedPayload, channelNotConfigured, invalidAddress, contentKeyRejected
        }
        private let base: Base

        /// No handler is registered for the job's kind (an older Notifier than the product that
        /// enqueued it): retried, so a newer Notifier can take it.
        public static let unknownKind = Code(base: .unknownKind)
        /// The payload does not have the shape the kind needs.
        public static let malformedPayload = Code(base: .malformedPayload)
        /// The channel the recipient chose is not set up here (no SMS gateway configured).
        public static let channelNotConfigured = Code(base: .channelNotConfigured)
        /// The stored address or number is not one the channel can use.
        public static let invalidAddress = Code(base: .invalidAddress)
        /// The database could not decrypt a contact with the configured content key.
        public static let contentKeyRejected = Code(base: .contentKeyRejected)

        /// The code's name, e.g. `unknownKind`.
        public var description: String { base.rawValue }
    }

    /// What was wrong.
    public let code: Code
    let detail: String?

    /// Creates the error; `detail` must hold no personal data.
    public init(_ code: Code, detail: String? = nil) {
        self.code = code
        self.detail = detail
    }

    /// A malformed payload or an unusable address will not improve by waiting; a missing handler,
    /// channel or key is the operator's to fix, so those are retried.
    public var failureKind: DeliveryFailureKind {
        switch code {
        case .malformedPayload, .invalidAddress: .permanent
        default: .misconfigured
        }
    }

    /// The code only.
    public var description: String { "job not run: \(code)" }
    /// The code and the fixed detail.
    public var debugDescription: String { detail.map { "\(description) (\($0))" } ?? description }
}
