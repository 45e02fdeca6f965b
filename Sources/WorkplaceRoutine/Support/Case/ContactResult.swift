/// What came of one attempt to contact the person (*kontaktförsök*).
public enum ContactResult: String, Sendable, Decodable, CaseIterable {
    /// The person was reached: the first such attempt stops the clock.
    case reached
    /// Not reached (a message was left where the person allowed it).
    case notReached = "not_reached"
    /// Not reached, and no message was left (the person did not allow one, or it did not feel safe).
    case noMessageLeft = "no_message_left"
}
