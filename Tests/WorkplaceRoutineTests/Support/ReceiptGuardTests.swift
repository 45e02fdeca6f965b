import Foundation
import Testing
@testable import WorkplaceRoutine

/// The guard against guessing receipts, as a state machine without I/O (an injected clock).
@Suite struct ReceiptGuardTests {
    static func make(perClient: Int = 5, ceiling: Int = 30) -> ReceiptGuard {
        ReceiptGuard(perClient: perClient, failureCeiling: ceiling, window: .seconds(60), failureDelay: .seconds(1))
    }

    @Test func aClientIsLimitedAfterItsLookUpsInTheWindowAndFreedAfterIt() {
        let guard_ = Self.make(perClient: 5)
        let start = ContinuousClock.now
        let verdicts = (0..<6).map { guard_.admit("198.51.100.7", now: start + .seconds($0)) }
        #expect(verdicts == [.allowed, .allowed, .allowed, .allowed, .allowed, .clientLimited])
        // Another address is not affected.
        #expect(guard_.admit("198.51.100.8", now: start + .seconds(6)) == .allowed)
        // A blocked client cannot extend its block by trying; after the window it may try again.
        #expect(guard_.admit("198.51.100.7", now: start + .seconds(30)) == .clientLimited)
        #expect(guard_.admit("198.51.100.7", now: start + .seconds(61)) == .allowed)
    }

    @Test func failuresFromManyAddressesReachTheCeilingForEveryone() {
        let guard_ = Self.make(perClient: 5, ceiling: 30)
        let start = ContinuousClock.now
        // Thirty addresses, one failure each: no address is over its own limit.
        for index in 0..<30 {
            #expect(guard_.admit("203.0.113.\(index)", now: start) == .allowed)
            guard_.recordFailure(now: start)
        }
        #expect(guard_.admit("203.0.113.200", now: start + .seconds(1)) == .globallyLimited)
        #expect(guard_.admit("192.0.2.1", now: start + .seconds(59)) == .globallyLimited)
        // The ceiling is a sliding window: a minute later everyone may try again.
        #expect(guard_.admit("192.0.2.1", now: start + .seconds(60)) == .allowed)
    }

    @Test func successesDoNotCountTowardsTheCeiling() {
        let guard_ = Self.make(perClient: 100, ceiling: 3)
        let start = ContinuousClock.now
        for index in 0..<10 { #expect(guard_.admit("a\(index)", now: start) == .allowed) }
        #expect(guard_.admit("b", now: start) == .allowed)
    }

    @Test func failuresAreAnsweredAfterTheFixedDelayWithLittleJitter() {
        let guard_ = Self.make()
        for elapsed in [Duration.zero, .milliseconds(300), .milliseconds(999)] {
            let total = elapsed + guard_.remainingDelay(after: elapsed)
            #expect(total >= .seconds(1) && total <= .milliseconds(1250))
        }
        // A failure that already took longer than the delay waits only for the jitter.
        #expect(guard_.remainingDelay(after: .seconds(3)) <= .milliseconds(250))
    }

    @Test func addressesAreKeptOnlyAsKeyedHashes() {
        let one = Self.make()
        let other = Self.make()
        let name = one.pseudonym("198.51.100.7")
        #expect(!name.contains("198") && name == one.pseudonym("198.51.100.7"))
        // Another process (another random key) gives another name.
        #expect(name != other.pseudonym("198.51.100.7"))
    }
}
