/// An address with an optional display name, as in `From: Medarbetarstöd <noreply@ostersund.se>`.
public struct Mailbox: Sendable, Hashable {
    /// The address.
    public let address: EmailAddress
    /// The name shown by mail programs, e.g. `Medarbetarstöd`; encoded when it is not ASCII.
    public let displayName: String?

    /// Creates a mailbox.
    public init(_ address: EmailAddress, displayName: String? = nil) {
        self.address = address
        self.displayName = displayName
    }
}
