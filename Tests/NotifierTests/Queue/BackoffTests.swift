import Testing
@testable import Notifier

/// The retry curve, without I/O.
@Suite struct BackoffTests {
    @Test func growsWithTheFourthPowerOfTheAttempt() {
        let backoff = Backoff(jitter: 0)
        #expect((1...5).map { backoff.baseDelay(afterAttempt: $0) } == [.seconds(1), .seconds(16), .seconds(81), .seconds(256), .seconds(625)])
    }

    @Test func neverWaitsLongerThanTheMaximum() {
        let backoff = Backoff(maximum: .seconds(3600), jitter: 0.1)
        #expect((0..<200).allSatisfy { _ in backoff.delay(afterAttempt: 50) <= .seconds(3600) })
        #expect(backoff.baseDelay(afterAttempt: 1000) == .seconds(3600))
    }

    @Test func jitterStaysWithinItsShare() {
        let backoff = Backoff(jitter: 0.1)
        let delays = (0..<500).map { _ in backoff.delay(afterAttempt: 3) }
        #expect(delays.allSatisfy { $0 >= .milliseconds(72_900) && $0 <= .milliseconds(89_100) })
        #expect(Set(delays).count > 1, "the delays are spread")
    }

    @Test func aGatewaysRetryAfterIsHonoured() {
        #expect(Backoff(jitter: 0).delay(afterAttempt: 1, minimum: .seconds(120)) == .seconds(120))
        #expect(Backoff(jitter: 0).delay(afterAttempt: 5, minimum: .seconds(120)) == .seconds(625))
    }

    @Test func theUnitScalesTheCurve() {
        #expect(Backoff(unit: .milliseconds(10), jitter: 0).baseDelay(afterAttempt: 3) == .milliseconds(810))
    }
}
