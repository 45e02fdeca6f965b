#if canImport(Glibc)
import Glibc
#endif

/// A monotonic clock with a few milliseconds' resolution that costs a memory read: the pool stamps
/// every checkout and release, and `ContinuousClock.now` showed up in profiles.
enum CoarseClock {
    /// Nanoseconds since an arbitrary point (boot).
    static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC_COARSE, &time)
        return UInt64(time.tv_sec) &* 1_000_000_000 &+ UInt64(time.tv_nsec)
    }

    /// Nanoseconds in `duration` (clamped at zero).
    static func nanoseconds(_ duration: Duration) -> UInt64 {
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0 else { return 0 }
        return UInt64(seconds) &* 1_000_000_000 &+ UInt64(attoseconds / 1_000_000_000)
    }
}
