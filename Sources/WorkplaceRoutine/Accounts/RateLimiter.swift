import Foundation
import Synchronization

/// Counts attempts per key (a client address, a receipt prefix) in a sliding window, in memory only:
/// no address is ever written to the database or a log. Several service instances each keep their
/// own counts; the database's per-account lockout is the shared line.
final class RateLimiter: Sendable {
    private struct Entry {
        var attempts: [ContinuousClock.Instant]
    }

    private let limit: Int
    private let window: Duration
    private let entries = Mutex<[String: Entry]>([:])

    /// Allows `limit` attempts per key in any `window`.
    init(limit: Int, window: Duration) {
        self.limit = limit
        self.window = window
    }

    /// Records an attempt for `key`; returns `false` when the key is over its limit (the attempt is
    /// then not counted, so a blocked client cannot extend its own block indefinitely by trying).
    func allow(_ key: String, now: ContinuousClock.Instant = .now) -> Bool {
        entries.withLock { entries in
            var entry = entries[key] ?? Entry(attempts: [])
            entry.attempts.removeAll { now - $0 >= window }
            guard entry.attempts.count < limit else {
                entries[key] = entry
                return false
            }
            entry.attempts.append(now)
            entries[key] = entry
            if entries.count > 100_000 { prune(&entries, now: now) }
            return true
        }
    }

    /// Forgets `key` (after a successful login).
    func reset(_ key: String) {
        entries.withLock { _ = $0.removeValue(forKey: key) }
    }

    private func prune(_ entries: inout [String: Entry], now: ContinuousClock.Instant) {
        entries = entries.filter { _, entry in entry.attempts.contains { now - $0 < window } }
    }
}
