import Foundation
import Synchronization

/// Keeps guessing receipts hopeless. A receipt is 16 random digits (10^16 codes); a guess must also
/// get past three walls, all in memory so no address is ever written anywhere:
///
/// 1. per client address, a few look-ups a minute (the address is kept only as a keyed hash with a
///    per-process random key, so even the process's memory holds no address list);
/// 2. a ceiling on failed look-ups per minute across all clients together, so many addresses
///    (a botnet) do not multiply the rate;
/// 3. every failure answers only after a fixed delay with some jitter, whatever the database took.
///
/// With the defaults (5 a minute per address, 30 failures a minute in all) at most 43 200 guesses a
/// day reach the database; with 1 000 live anonymous requests a year of that finds one with
/// probability about 1.6e-6. When the ceiling is reached everyone waits a minute: that is the price,
/// paid in availability rather than in secrecy. (Several service instances each keep their own
/// counts; the figures above are then per instance.)
final class ReceiptGuard: Sendable {
    /// Whether a look-up may go ahead.
    enum Verdict: Equatable, Sendable {
        /// Go ahead.
        case allowed
        /// This client has tried too often; wait.
        case clientLimited
        /// Too many failures overall; everyone waits.
        case globallyLimited
    }

    private let perClient: RateLimiter
    private let failureCeiling: Int
    private let failureWindow: Duration
    /// How long a failed look-up takes to answer, at least (plus up to a quarter of it as jitter).
    let failureDelay: Duration
    private let failures = Mutex<[ContinuousClock.Instant]>([])
    private let key = Secrets.randomBytes(16)

    /// Makes a guard: `perClient` look-ups per `window` per address, `failureCeiling` failed look-ups
    /// per `window` in all, and failures answered after `failureDelay`.
    init(perClient: Int = 5, failureCeiling: Int = 30, window: Duration = .seconds(60), failureDelay: Duration = .seconds(1)) {
        self.perClient = RateLimiter(limit: perClient, window: window)
        self.failureCeiling = failureCeiling
        self.failureWindow = window
        self.failureDelay = failureDelay
    }

    /// Decides whether `clientAddress` may look a receipt up now, and counts the attempt.
    func admit(_ clientAddress: String, now: ContinuousClock.Instant = .now) -> Verdict {
        let overCeiling = failures.withLock { list in
            list.removeAll { now - $0 >= failureWindow }
            return list.count >= failureCeiling
        }
        if overCeiling { return .globallyLimited }
        return perClient.allow(pseudonym(clientAddress), now: now) ? .allowed : .clientLimited
    }

    /// Counts a failed look-up towards the ceiling.
    func recordFailure(now: ContinuousClock.Instant = .now) {
        failures.withLock { $0.append(now) }
    }

    /// How long to wait before answering a failure that took `elapsed` so far: the fixed delay less
    /// what has passed, plus jitter, so all failures take about as long.
    func remainingDelay(after elapsed: Duration) -> Duration {
        let jitter = failureDelay * Double.random(in: 0...0.25)
        let rest = failureDelay - elapsed
        return (rest > .zero ? rest : .zero) + jitter
    }

    /// The address as a keyed hash (not reversible without the process's random key).
    func pseudonym(_ clientAddress: String) -> String {
        var hasher = Hasher()
        hasher.combine(key)
        hasher.combine(clientAddress)
        return String(hasher.finalize(), radix: 36)
    }
}
