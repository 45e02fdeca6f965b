/// Waits until `condition` holds, checking every 20 ms, for at most `timeout`; returns whether it held.
/// With `try #require(await eventually { … })` a condition that never comes true fails the test
/// instead of hanging the suite (a helper task that failed would otherwise leave it false forever).
public func eventually(timeout: Duration = .seconds(20), _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return try await condition()
}
