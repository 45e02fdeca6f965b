/// How long a failed job waits before its next attempt: `attempt⁴` units (1, 16, 81, 256, 625 …
/// seconds with the default unit, as Oban and River do), at most ``maximum``, spread by ±``jitter``
/// so jobs that failed together (a relay that was down) do not all come back in the same second.
public struct Backoff: Sendable, Equatable {
    /// One step of the curve; a second in production, milliseconds in tests.
    public var unit: Duration
    /// The longest wait.
    public var maximum: Duration
    /// The share of the delay added or taken away at random (0.1 = ±10 %).
    public var jitter: Double

    /// Creates the curve.
    public init(unit: Duration = .seconds(1), maximum: Duration = .seconds(6 * 3600), jitter: Double = 0.1) {
        self.unit = unit
        self.maximum = maximum
        self.jitter = min(max(jitter, 0), 1)
    }

    /// The wait after failed attempt number `attempt` (from 1), without jitter.
    public func baseDelay(afterAttempt attempt: Int) -> Duration {
        let step = Double(max(1, min(attempt, 1000)))
        let units = step * step * step * step
        let seconds = min(Self.seconds(unit) * units, Self.seconds(maximum))
        return .milliseconds(Int64((seconds * 1000).rounded()))
    }

    /// The wait after failed attempt number `attempt`, with jitter drawn from `generator`; never
    /// more than ``maximum`` nor less than zero. A `minimum` (a gateway's `Retry-After`) is honoured.
    public func delay<G: RandomNumberGenerator>(afterAttempt attempt: Int, minimum: Duration? = nil, using generator: inout G) -> Duration {
        let base = Self.seconds(baseDelay(afterAttempt: attempt))
        let spread = jitter == 0 ? 0 : Double.random(in: -jitter...jitter, using: &generator)
        var seconds = min(max(base * (1 + spread), 0), Self.seconds(maximum))
        if let minimum { seconds = max(seconds, Self.seconds(minimum)) }
        return .milliseconds(Int64((seconds * 1000).rounded()))
    }

    /// ``delay(afterAttempt:minimum:using:)`` with the system's generator.
    public func delay(afterAttempt attempt: Int, minimum: Duration? = nil) -> Duration {
        var generator = SystemRandomNumberGenerator()
        return delay(afterAttempt: attempt, minimum: minimum, using: &generator)
    }

    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
