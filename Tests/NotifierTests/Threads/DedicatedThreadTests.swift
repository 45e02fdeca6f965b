import Foundation
import Glibc
import Testing
@testable import Notifier

@Suite struct DedicatedThreadTests {
    @Test func runsTheWorkOnANewNamedThread() async {
        let caller = pthread_self()
        let (thread, name) = await DedicatedThread.run(name: "smtp-test") { _ -> (pthread_t, String) in
            // The kernel's name for the thread, as `top -H` shows it.
            let comm = (try? String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8)) ?? ""
            return (pthread_self(), comm.trimmingCharacters(in: .newlines))
        }
        #expect(thread != caller)
        #expect(name == "smtp-test")
    }

    @Test func cancellingTheTaskWakesAThreadWaitingInPoll() async throws {
        let task = Task {
            await DedicatedThread.run(name: "poll-test") { signal -> Bool in
                // Waits up to a minute for the eventfd; only cancellation can end it sooner.
                var descriptor = pollfd(fd: signal.descriptor, events: Int16(POLLIN), revents: 0)
                let ready = poll(&descriptor, 1, 60_000)
                return ready == 1 && signal.isFired
            }
        }
        try await Task.sleep(for: .milliseconds(100))
        task.cancel()
        #expect(await task.value)
    }

    @Test func signalIsAlreadyFiredWhenTheTaskWasCancelledBefore() async {
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return await DedicatedThread.run(name: "early") { signal in signal.isFired }
        }
        #expect(await task.value)
    }
}
