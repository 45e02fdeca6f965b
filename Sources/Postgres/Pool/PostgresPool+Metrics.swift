import Observability

extension PostgresPool {
    /// Counters the pool updates as things happen.
    struct Counters: Sendable {
        let timeouts: Counter
        let connectFailures: Counter
        let discarded: Counter

        init(registry: MetricsRegistry, pool: String) {
            timeouts = registry.counter("postgres_pool_acquire_timeouts_total",
                                        help: "Callers that got no PostgreSQL connection within the acquire timeout",
                                        labels: [("pool", pool)])
            connectFailures = registry.counter("postgres_pool_connect_failures_total",
                                               help: "Failed attempts to open a PostgreSQL connection",
                                               labels: [("pool", pool)])
            discarded = registry.counter("postgres_pool_connections_discarded_total",
                                         help: "PostgreSQL connections closed because they broke or were left unusable",
                                         labels: [("pool", pool)])
        }
    }

    /// `postgres_pool_connections{pool,state}` for in_use, idle, connecting, waiting and max, read
    /// when `/metrics` is rendered. The gauges hold the pool weakly and read 0 once it is gone.
    func registerGauges(_ registry: MetricsRegistry) {
        let states: [(String, @Sendable (Statistics) -> Int)] = [
            ("in_use", { $0.inUse }), ("idle", { $0.idle }), ("connecting", { $0.connecting }),
            ("waiting", { $0.waiting }), ("max", { $0.maximum }),
        ]
        for (state, read) in states {
            registry.computedGauge(
                "postgres_pool_connections", help: "PostgreSQL pool connections by state",
                labels: [("pool", name), ("state", state)]
            ) { [weak self] in
                guard let self else { return 0 }
                return Double(read(self.statistics))
            }
        }
    }
}
