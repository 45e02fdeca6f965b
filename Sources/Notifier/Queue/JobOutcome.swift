public import Foundation

/// How a handler finished a job that did not fail.
public enum JobOutcome: Sendable, Equatable {
    /// Done: the job is marked completed.
    case completed
    /// Not now: the job waits until the given time without counting the attempt (an employee's
    /// notice outside their safe hours).
    case snoozed(until: Date)
}
