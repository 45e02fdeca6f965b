/// The anonymous door's receipt (*kvittokod*): 16 random digits shown once, the person's only key to
/// their request. It looks like a phone number, so it is easy to keep unnoticed (GlobaLeaks does
/// the same). Only a bcrypt of it, salted per organisation, is stored.
public struct Receipt: Sendable, Equatable, CustomStringConvertible {
    /// The 16 digits.
    public let digits: String

    /// A new receipt from the system's secure random generator (10^16 possibilities, ~53 bits).
    public static func generate() -> Receipt {
        var generator = SystemRandomNumberGenerator()
        let digits = (0..<16).map { _ in String(Int.random(in: 0...9, using: &generator)) }.joined()
        return Receipt(digits: digits)
    }

    /// Reads a receipt as a person types it: spaces, dashes and dots are ignored; anything else, or
    /// a count other than 16 digits, is refused.
    public init?(typed text: String) {
        let kept = text.filter { !$0.isWhitespace && $0 != "-" && $0 != "." }
        guard kept.count == 16, kept.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        digits = kept
    }

    private init(digits: String) { self.digits = digits }

    /// Grouped in fours for reading aloud or writing down: `1234 5678 9012 3456`.
    public var grouped: String {
        stride(from: 0, to: 16, by: 4).map { offset in
            String(digits.dropFirst(offset).prefix(4))
        }.joined(separator: " ")
    }

    /// Never the digits: a receipt must not end up in a log by accident.
    public var description: String { "<receipt>" }
}
