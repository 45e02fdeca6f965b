public import Foundation
import Synchronization

/// A structured logger that library code receives from its caller and never creates itself.
///
/// Messages and metadata are `@autoclosure`s, so nothing is formatted below the configured level.
/// Metadata keys are dotted (`request.id`, `db.sqlstate`). By the product's rule nothing passed here
/// may contain a request body, a cookie, a bound SQL value or free text typed by a person.
public struct Logger: Sendable {
    /// Severity, lowest first.
    public enum Level: Int, Sendable, Comparable, CaseIterable, CustomStringConvertible {
        case trace, debug, info, notice, warning, error, critical

        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }

        public var description: String {
            switch self {
            case .trace: "trace"
            case .debug: "debug"
            case .info: "info"
            case .notice: "notice"
            case .warning: "warning"
            case .error: "error"
            case .critical: "critical"
            }
        }

        /// Parses `debug`, `info`, … as written in `WR_LOG_LEVEL`.
        public init?(name: String) {
            guard let level = Level.allCases.first(where: { $0.description == name.lowercased() }) else { return nil }
            self = level
        }
    }

    /// Key–value context attached to every record of this logger.
    public typealias Metadata = [String: String]

    /// Names the component, e.g. `http` or `postgres.pool`.
    public let label: String
    /// Records below this level are dropped before their message is built.
    public var level: Level
    /// Context attached to every record (e.g. `request.id`).
    public var metadata: Metadata
    private let sink: any LogSink

    /// Creates a logger writing to `sink` (JSON lines on standard error by default).
    public init(label: String, level: Level = .info, metadata: Metadata = [:], sink: any LogSink = JSONLinesSink.standardError) {
        self.label = label
        self.level = level
        self.metadata = metadata
        self.sink = sink
    }

    /// A logger that drops everything; for tests and tools that must stay quiet.
    public static let disabled = Logger(label: "disabled", level: .critical, sink: DiscardingSink())

    /// Reads or sets one metadata value.
    public subscript(metadataKey key: String) -> String? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Returns a copy with another label and the same sink, level and metadata.
    public func with(label: String) -> Logger {
        var copy = Logger(label: label, level: level, metadata: metadata, sink: sink)
        copy.metadata = metadata
        return copy
    }

    /// Returns a copy with one more metadata value.
    public func with(_ key: String, _ value: String) -> Logger {
        var copy = self
        copy.metadata[key] = value
        return copy
    }

    /// Writes a record at `level` when the logger's level lets it through.
    public func log(_ level: Level, _ message: @autoclosure () -> String, metadata extra: @autoclosure () -> Metadata = [:]) {
        guard level >= self.level else { return }
        var all = metadata
        for (key, value) in extra() { all[key] = value }
        sink.write(LogRecord(time: Date(), level: level, label: label, message: message(), metadata: all))
    }

    /// Logs at `trace`.
    public func trace(_ message: @autoclosure () -> String, metadata: @autoclosure () -> Metadata = [:]) {
        log(.trace, message(), metadata: metadata())
    }
    /// Logs at `debug`.
    public func debug(_ message: @autoclosure () -> String, metadata: @autoclosure () -> Metadata = [:]) {
        log(.debug, message(), metadata: metadata())
    }
    /// Logs at `info`.
    public func info(_ message: @autoclosure () -> String, metadata: @autoclosure () -> Metadata = [:]) {
        log(.info, message(), metadata: metadata())
    }
    /// Logs at `notice`.
    public func notice(_ message: @autoclosure () -> String, metadata: @autoclosure () -> Metadata = [:]) {
        log(.notice, message(), metadata: metadata())
    }
    /// Logs at `warning`.
    public func warning(_ message: @autoclosure () -> String, metadata: @autoclosure () -> Metadata = [:]) {
        log(.warning, message(), metadata: metadata())
    }
    /// Logs at `error`.
    public func error(_ message: @autoclosure () -> String, metadata: @autoclosure () -> Metadata = [:]) {
        log(.error, message(), metadata: metadata())
    }
    /// Logs at `critical`.
    public func critical(_ message: @autoclosure () -> String, metadata: @autoclosure () -> Metadata = [:]) {
        log(.critical, message(), metadata: metadata())
    }
}

/// One log record as handed to a sink.
public struct LogRecord: Sendable {
    /// When it was written.
    public var time: Date
    /// Its severity.
    public var level: Logger.Level
    /// The logger's label.
    public var label: String
    /// The message, already built.
    public var message: String
    /// The logger's metadata merged with the call's.
    public var metadata: Logger.Metadata
}

/// Where records go.
public protocol LogSink: Sendable {
    /// Writes one record; must not throw and must not block for long.
    func write(_ record: LogRecord)
}

/// Drops every record.
public struct DiscardingSink: LogSink {
    /// Creates the sink.
    public init() {}
    /// Does nothing.
    public func write(_ record: LogRecord) {}
}

/// Keeps records in memory, so tests can assert on what was (and was not) logged.
public final class MemorySink: LogSink {
    private let storage = Mutex<[LogRecord]>([])

    /// Creates an empty sink.
    public init() {}

    /// Appends the record.
    public func write(_ record: LogRecord) { storage.withLock { $0.append(record) } }

    /// Everything written so far.
    public var records: [LogRecord] { storage.withLock { $0 } }

    /// Every record rendered as its JSON line, for "this text never appears" assertions.
    public var lines: [String] { records.map(JSONLinesSink.render) }
}

/// Writes one JSON object per line to a file descriptor (standard error by default).
public final class JSONLinesSink: LogSink {
    private let descriptor: Int32
    private let lock = Mutex<Void>(())

    /// The process's standard error.
    public static let standardError = JSONLinesSink(descriptor: 2)

    /// Writes to `descriptor`, which the caller keeps open.
    public init(descriptor: Int32) { self.descriptor = descriptor }

    /// Renders and writes the record in one `write(2)` so lines from threads never interleave.
    public func write(_ record: LogRecord) {
        var line = JSONLinesSink.render(record)
        line.append("\n")
        lock.withLock { _ in
            var bytes = Array(line.utf8)
            var offset = 0
            while offset < bytes.count {
                let written = bytes.withUnsafeMutableBytes { raw in
                    Foundation.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                }
                if written <= 0 { break }
                offset += written
            }
            bytes.removeAll()
        }
    }

    /// Renders a record as a single-line JSON object with sorted metadata keys.
    public static func render(_ record: LogRecord) -> String {
        var out = "{\"time\":"
        out += quoted(timestamp(record.time))
        out += ",\"level\":" + quoted(record.level.description)
        out += ",\"label\":" + quoted(record.label)
        out += ",\"message\":" + quoted(record.message)
        for key in record.metadata.keys.sorted() {
            out += "," + quoted(key) + ":" + quoted(record.metadata[key]!)
        }
        out += "}"
        return out
    }

    private static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))
    }

    /// JSON string escaping per RFC 8259, control characters as \u00XX.
    static func quoted(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x2028 || scalar.value == 0x2029:
                out += "\\u" + String(format: "%04x", scalar.value)
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
        return out
    }
}
