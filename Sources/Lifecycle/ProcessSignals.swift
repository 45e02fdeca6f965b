import CSystem
import Foundation
import Glibc

/// SIGTERM and SIGINT as an async sequence, so a long-lived process can `await` its first signal
/// and shut down gracefully:
///
/// ```swift
/// let signals = try ProcessSignals()
/// Task { try await server.run() }
/// for await signal in signals { logger.notice("stopping", metadata: ["signal": "\(signal)"]); break }
/// server.shutdown()
/// ```
///
/// The signals' handlers write one byte to a pipe (the only async-signal-safe thing to do); a
/// dedicated thread blocks reading it, so no blocking call runs on Swift's concurrency pool. We use a
/// pipe rather than signalfd because signalfd only sees signals blocked in every thread, and threads
/// Swift started before us do not have them blocked. Create one instance per process.
public struct ProcessSignals: AsyncSequence, Sendable {
    /// A signal that asks the process to stop.
    public enum Signal: Sendable, Hashable, CustomStringConvertible {
        /// SIGTERM (systemd's stop).
        case terminate
        /// SIGINT (Ctrl-C).
        case interrupt

        /// `SIGTERM` or `SIGINT`.
        public var description: String { self == .terminate ? "SIGTERM" : "SIGINT" }
    }

    /// Why the signals could not be installed.
    public struct InstallError: Error, CustomStringConvertible, CustomDebugStringConvertible {
        /// `errno` from pipe2 or sigaction.
        public let errorNumber: Int32
        /// Generic.
        public var description: String { "could not install signal handlers" }
        /// With the system's message.
        public var debugDescription: String { "could not install signal handlers: \(String(cString: strerror(errorNumber)))" }
    }

    private let stream: AsyncStream<Signal>

    /// Installs the handlers and starts the reading thread.
    public init() throws {
        let signals = [CSYSTEM_SIGTERM, CSYSTEM_SIGINT]
        let descriptor = signals.withUnsafeBufferPointer { csystem_signal_pipe($0.baseAddress, Int32($0.count)) }
        guard descriptor >= 0 else { throw InstallError(errorNumber: errno) }
        let (stream, continuation) = AsyncStream.makeStream(of: Signal.self, bufferingPolicy: .unbounded)
        self.stream = stream
        let thread = Thread {
            var byte: UInt8 = 0
            while true {
                let count = read(descriptor, &byte, 1)
                if count < 0, errno == EINTR { continue }
                guard count == 1 else { break }
                continuation.yield(Int32(byte) == CSYSTEM_SIGTERM ? .terminate : .interrupt)
            }
            continuation.finish()
        }
        thread.name = "process-signals"
        thread.start()
    }

    /// Iterates the signals as they arrive.
    public func makeAsyncIterator() -> AsyncStream<Signal>.Iterator { stream.makeAsyncIterator() }

    /// Waits for the first SIGTERM or SIGINT.
    public func first() async -> Signal? {
        for await signal in stream { return signal }
        return nil
    }
}
