import Synchronization

/// A registry of counters, gauges and histograms rendered in the Prometheus text format (version 0.0.4).
///
/// Metric handles are looked up once and kept; updating one is a lock-free atomic operation, so the
/// hot path of a request never takes the registry's lock.
public final class MetricsRegistry: Sendable {
    private struct Family {
        var name: String
        var help: String
        var type: String
        var series: [Labels: Series] = [:]
        var order: [Labels] = []
    }

    private enum Series: @unchecked Sendable {
        case counter(Counter)
        case gauge(Gauge)
        case computed(@Sendable () -> Double)
        case histogram(Histogram)
    }

    /// A label set, e.g. `[("route", "/talks"), ("status", "200")]`, kept in the given order.
    public struct Labels: Hashable, Sendable {
        let pairs: [String]
        /// Creates a label set from name–value pairs.
        public init(_ pairs: [(String, String)]) { self.pairs = pairs.flatMap { [$0.0, $0.1] } }
        var rendered: String {
            guard !pairs.isEmpty else { return "" }
            var parts: [String] = []
            var index = 0
            while index < pairs.count {
                parts.append("\(pairs[index])=\"\(MetricsRegistry.escape(pairs[index + 1]))\"")
                index += 2
            }
            return "{" + parts.joined(separator: ",") + "}"
        }
    }

    private let families = Mutex<[String: Family]>([:])
    private let familyOrder = Mutex<[String]>([])

    /// Creates an empty registry.
    public init() {}

    /// Returns the counter for `name` and `labels`, creating it on first use.
    public func counter(_ name: String, help: String, labels: [(String, String)] = []) -> Counter {
        let series = lookup(name: name, help: help, type: "counter", labels: Labels(labels)) { .counter(Counter()) }
        guard case .counter(let counter) = series else { preconditionFailure("\(name) is not a counter") }
        return counter
    }

    /// Returns the gauge for `name` and `labels`, creating it on first use.
    public func gauge(_ name: String, help: String, labels: [(String, String)] = []) -> Gauge {
        let series = lookup(name: name, help: help, type: "gauge", labels: Labels(labels)) { .gauge(Gauge()) }
        guard case .gauge(let gauge) = series else { preconditionFailure("\(name) is not a gauge") }
        return gauge
    }

    /// Registers a gauge whose value is read when the metrics are rendered (e.g. pool use).
    public func computedGauge(_ name: String, help: String, labels: [(String, String)] = [], value: @escaping @Sendable () -> Double) {
        _ = lookup(name: name, help: help, type: "gauge", labels: Labels(labels)) { .computed(value) }
    }

    /// Returns the histogram for `name` and `labels`; `buckets` are upper bounds in seconds.
    public func histogram(
        _ name: String, help: String, labels: [(String, String)] = [],
        buckets: [Double] = Histogram.defaultLatencyBuckets
    ) -> Histogram {
        let series = lookup(name: name, help: help, type: "histogram", labels: Labels(labels)) { .histogram(Histogram(buckets: buckets)) }
        guard case .histogram(let histogram) = series else { preconditionFailure("\(name) is not a histogram") }
        return histogram
    }

    private func lookup(name: String, help: String, type: String, labels: Labels, make: () -> Series) -> Series {
        families.withLock { all in
            if all[name] == nil {
                all[name] = Family(name: name, help: help, type: type)
                familyOrder.withLock { $0.append(name) }
            }
            precondition(all[name]!.type == type, "metric \(name) registered as \(all[name]!.type)")
            if let existing = all[name]!.series[labels] { return existing }
            let created = make()
            all[name]!.series[labels] = created
            all[name]!.order.append(labels)
            return created
        }
    }

    /// Renders every metric in the Prometheus text exposition format.
    public func render() -> String {
        let names = familyOrder.withLock { $0 }
        let snapshot = families.withLock { $0 }
        var out = ""
        for name in names {
            guard let family = snapshot[name] else { continue }
            out += "# HELP \(name) \(family.help)\n# TYPE \(name) \(family.type)\n"
            for labels in family.order {
                switch family.series[labels]! {
                case .counter(let counter):
                    out += "\(name)\(labels.rendered) \(counter.value)\n"
                case .gauge(let gauge):
                    out += "\(name)\(labels.rendered) \(gauge.value)\n"
                case .computed(let value):
                    out += "\(name)\(labels.rendered) \(MetricsRegistry.format(value()))\n"
                case .histogram(let histogram):
                    out += histogram.render(name: name, labels: labels)
                }
            }
        }
        return out
    }

    static func escape(_ value: String) -> String {
        var out = ""
        for character in value {
            switch character {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }

    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}

/// A monotonically increasing count.
public final class Counter: Sendable {
    private let storage = Atomic<Int>(0)
    init() {}
    /// Adds `amount` (default 1).
    public func increment(by amount: Int = 1) { storage.wrappingAdd(amount, ordering: .relaxed) }
    /// The current count.
    public var value: Int { storage.load(ordering: .relaxed) }
}

/// A value that goes up and down (open connections, connections in use).
public final class Gauge: Sendable {
    private let storage = Atomic<Int>(0)
    init() {}
    /// Adds `amount` (default 1).
    public func increment(by amount: Int = 1) { storage.wrappingAdd(amount, ordering: .relaxed) }
    /// Subtracts `amount` (default 1).
    public func decrement(by amount: Int = 1) { storage.wrappingSubtract(amount, ordering: .relaxed) }
    /// Sets the value.
    public func set(_ value: Int) { storage.store(value, ordering: .relaxed) }
    /// The current value.
    public var value: Int { storage.load(ordering: .relaxed) }
}

/// A cumulative histogram of durations in seconds.
public final class Histogram: Sendable {
    /// Upper bounds suited to request latency, from 0.5 ms to 10 s.
    public static let defaultLatencyBuckets: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    private struct State {
        var counts: [Int]
        var total = 0
        var sum = 0.0
    }

    private let bounds: [Double]
    // One short uncontended lock per observation; Atomic is not Copyable, so it cannot live in an array.
    private let state: Mutex<State>

    init(buckets: [Double]) {
        bounds = buckets.sorted()
        state = Mutex(State(counts: Array(repeating: 0, count: buckets.count)))
    }

    /// Records one observation of `seconds`.
    public func observe(_ seconds: Double) {
        let index = bounds.firstIndex(where: { seconds <= $0 })
        state.withLock { state in
            if let index { state.counts[index] += 1 }
            state.total += 1
            state.sum += seconds
        }
    }

    /// Records the time elapsed since `start`.
    public func observe(since start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        observe(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    /// Number of observations.
    public var count: Int { state.withLock { $0.total } }

    func render(name: String, labels: MetricsRegistry.Labels) -> String {
        let snapshot = state.withLock { $0 }
        var out = ""
        var cumulative = 0
        for (index, bound) in bounds.enumerated() {
            cumulative += snapshot.counts[index]
            out += "\(name)_bucket\(withLe(labels, MetricsRegistry.format(bound))) \(cumulative)\n"
        }
        out += "\(name)_bucket\(withLe(labels, "+Inf")) \(snapshot.total)\n"
        out += "\(name)_sum\(labels.rendered) \(snapshot.sum)\n"
        out += "\(name)_count\(labels.rendered) \(snapshot.total)\n"
        return out
    }

    private func withLe(_ labels: MetricsRegistry.Labels, _ le: String) -> String {
        let base = labels.rendered
        if base.isEmpty { return "{le=\"\(le)\"}" }
        return String(base.dropLast()) + ",le=\"\(le)\"}"
    }
}
