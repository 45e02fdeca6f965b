/// Which door a request came through: logged in as the employee, or anonymously with a receipt.
public enum RequestDoor: String, Sendable, Decodable, CaseIterable {
    /// Logged in (in production a private e-ID).
    case identified
    /// No login; the person holds a 16-digit receipt.
    case anonymous
}
