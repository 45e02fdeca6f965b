import Testing
@testable import Notifier

/// The wake-up between the listener and the claim loop, without I/O.
@Suite struct WakeSignalTests {
    @Test func aSignalWithNobodyWaitingIsKeptForTheNextWait() async {
        let signal = WakeSignal()
        signal.signal()
        let started = ContinuousClock.now
        await signal.wait(timeout: .seconds(60))
        #expect(started.duration(to: .now) < .seconds(10))
    }

    @Test func aWaitEndsAfterItsTimeoutWithoutASignal() async {
        let signal = WakeSignal()
        let started = ContinuousClock.now
        await signal.wait(timeout: .milliseconds(50))
        #expect(started.duration(to: .now) >= .milliseconds(50))
    }

    @Test func aSignalWakesEveryWaiter() async {
        let signal = WakeSignal()
        let started = ContinuousClock.now
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<3 { group.addTask { await signal.wait(timeout: .seconds(60)) } }
            try? await Task.sleep(for: .milliseconds(100))
            signal.signal()
        }
        #expect(started.duration(to: .now) < .seconds(30))
    }

    @Test func closingEndsEveryWaitNowAndLater() async {
        let signal = WakeSignal()
        signal.close()
        let started = ContinuousClock.now
        await signal.wait(timeout: .seconds(60))
        await signal.wait(timeout: .seconds(60))
        #expect(started.duration(to: .now) < .seconds(10))
    }

    @Test func cancellingTheWaitingTaskEndsTheWait() async {
        let signal = WakeSignal()
        let started = ContinuousClock.now
        let waiting = Task { await signal.wait(timeout: .seconds(60)) }
        try? await Task.sleep(for: .milliseconds(50))
        waiting.cancel()
        await waiting.value
        #expect(started.duration(to: .now) < .seconds(10))
    }
}
