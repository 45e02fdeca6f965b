import Glibc
import Lifecycle
import Testing

@Suite("ProcessSignals")
struct ProcessSignalsTests {
    @Test func deliversSIGTERMSentToTheProcess() async throws {
        let signals = try ProcessSignals()
        // Sent to the whole process, so any thread may take it; the pipe handler catches it anywhere.
        kill(getpid(), SIGTERM)
        let received = await signals.first()
        #expect(received == .terminate)
    }
}
