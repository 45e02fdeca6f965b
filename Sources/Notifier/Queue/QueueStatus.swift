public import Foundation

/// What an operator sees with `workplace-routine notifier status`: counts, the oldest waiting job,
/// who holds what, and the latest dead letters — kinds, ids and error codes, never payloads.
public struct QueueStatus: Sendable {
    /// Jobs per state (states without jobs are absent).
    public var countsByState: [JobState: Int]
    /// Unfinished jobs per kind.
    public var activeByKind: [String: Int]
    /// How long the oldest ready job has been waiting to be claimed.
    public var oldestAvailableAge: Duration?
    /// Jobs being worked on, with their worker and lease.
    public var running: [RunningJob]
    /// The most recent dead letters.
    public var deadLetters: [DeadLetter]

    /// A running job.
    public struct RunningJob: Sendable {
        /// The job's id.
        public var id: Int64
        /// Its kind.
        public var kind: String
        /// The worker holding it.
        public var worker: String
        /// When its lease ends.
        public var leasedUntil: Date
    }

    /// A discarded job and why.
    public struct DeadLetter: Sendable {
        /// The job's id (for `notifier retry ID`).
        public var id: Int64
        /// Its kind.
        public var kind: String
        /// Attempts made.
        public var attempt: Int
        /// Attempts allowed.
        public var maxAttempts: Int
        /// The error code of each attempt, oldest first.
        public var errorCodes: [String]
        /// When it was given up.
        public var discardedAt: Date?
    }

    /// A plain-text report for the terminal.
    public func render(now: Date = Date()) -> String {
        var lines: [String] = []
        let states = JobState.allCases.map { "\($0.rawValue) \(countsByState[$0] ?? 0)" }
        lines.append("jobs: " + states.joined(separator: ", "))
        if let age = oldestAvailableAge {
            lines.append("oldest ready job waiting: \(Self.format(age))")
        }
        if !activeByKind.isEmpty {
            lines.append("unfinished by kind:")
            for kind in activeByKind.keys.sorted() {
                lines.append("  \(kind.padding(toLength: 36, withPad: " ", startingAt: 0)) \(activeByKind[kind]!)")
            }
        }
        if !running.isEmpty {
            lines.append("running:")
            for job in running {
                let left = Duration.seconds(job.leasedUntil.timeIntervalSince(now))
                lines.append("  #\(job.id) \(job.kind) on \(job.worker), lease \(left < .zero ? "expired" : "ends in " + Self.format(left))")
            }
        }
        lines.append(deadLetters.isEmpty ? "dead letters: none" : "dead letters (latest first):")
        let formatter = ISO8601DateFormatter()
        for letter in deadLetters {
            let when = letter.discardedAt.map(formatter.string(from:)) ?? "-"
            lines.append("  #\(letter.id) \(letter.kind) attempts \(letter.attempt)/\(letter.maxAttempts) at \(when): \(letter.errorCodes.joined(separator: ", "))")
        }
        return lines.joined(separator: "\n")
    }

    static func format(_ duration: Duration) -> String {
        let seconds = Int(Backoff.seconds(duration).rounded())
        if seconds < 120 { return "\(seconds) s" }
        if seconds < 7200 { return "\(seconds / 60) min" }
        return "\(seconds / 3600) h"
    }
}
