/// Where a support request stands (*ärendets status*).
public enum RequestStatus: String, Sendable, Decodable, CaseIterable {
    /// Received; the 24-hour clock runs until the first successful contact.
    case new
    /// The team has reached the person (or replied in the dialogue the person chose); the clock stopped.
    case contacted
    /// Closed with an outcome category; the person writing again opens it.
    case closed
}
