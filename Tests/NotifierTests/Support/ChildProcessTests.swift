import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// The test servers are stopped with SIGTERM; a child that inherited a mask blocking it (the runtime's
/// threads block SIGTERM) would ignore that and live as long as the test process.
@Suite struct ChildProcessTests {
    @Test func aChildSpawnedFromATaskEndsOnSIGTERM() async throws {
        let child = try await Task.detached {
            try ChildProcess.spawn(executable: "/bin/sleep", arguments: ["60"], listForCleanup: false)
        }.value
        child.signal(SIGTERM)
        // Killed after the limit instead (137) if SIGTERM was blocked in the child.
        #expect(await child.exitStatus(limit: .seconds(10)) == 128 + SIGTERM)
    }
}
