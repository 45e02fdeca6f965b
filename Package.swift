// swift-tools-version:6.0
//
// WorkplaceRoutine names no package dependencies, on purpose: the customer ships only the Swift
// toolchain and Debian's C libraries so that the supply chain stays auditable. The HTTP server,
// the PostgreSQL client, HTML rendering, SMTP and the job queue are therefore ours.
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "WorkplaceRoutine",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "workplace-routine", targets: ["workplace-routine"]),
    ],
    targets: [
        // Debian's libpq, through pkg-config (apt: libpq-dev).
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        // Debian's OpenSSL 3 libcrypto, through pkg-config (apt: libssl-dev, which libpq-dev already
        // pulls in): signature checks, digests and randomness for the OpenID Connect relying party.
        .systemLibrary(
            name: "CLibCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        // What Glibc does not export to Swift: epoll, eventfd, signalfd and a few socket helpers.
        .target(name: "CSystem"),
        .target(name: "Observability", swiftSettings: strict),
        .target(name: "Postgres", dependencies: ["CLibPQ", "CSystem", "Observability"], swiftSettings: strict),
        .target(name: "HTTP", dependencies: ["CSystem", "Observability"], swiftSettings: strict),
        .target(name: "HTML", swiftSettings: strict),
        // The OpenID Connect relying party: discovery, key sets, ID token checks, the code exchange.
        .target(name: "OpenIDConnect", dependencies: ["CLibCrypto"], swiftSettings: strict),
        // Process signals (SIGTERM, SIGINT) as an async sequence, for `serve` and the Notifier.
        .target(name: "Lifecycle", dependencies: ["CSystem"], swiftSettings: strict),
        .target(
            name: "WorkplaceRoutine",
            dependencies: ["Postgres", "HTTP", "HTML", "Observability", "Notifier", "OpenIDConnect"],
            swiftSettings: strict
        ),
        .target(name: "Notifier", dependencies: ["Postgres", "CSystem", "Observability"], swiftSettings: strict),
        .executableTarget(
            name: "workplace-routine",
            dependencies: ["WorkplaceRoutine", "Notifier", "Postgres", "HTTP", "Lifecycle", "Observability"],
            swiftSettings: strict
        ),
        // Benchmark only (scripts/bench/02-http.sh): /healthz through the real server, router and
        // async handler path. Not part of the shipped product.
        .executableTarget(
            name: "http-bench-server",
            dependencies: ["HTTP", "Lifecycle", "Observability"],
            path: "Benchmarks/HTTPBench",
            swiftSettings: strict
        ),

        // Benchmark driver for scripts/bench/01-postgres.sh; never shipped.
        .executableTarget(
            name: "pg-bench",
            dependencies: ["Postgres", "Observability"],
            path: "Benchmarks/PostgresBench",
            swiftSettings: strict
        ),

        // Benchmark driver for scripts/bench/04-queue.sh: the real queue worker with a no-op handler;
        // never shipped.
        .executableTarget(
            name: "queue-bench",
            dependencies: ["Notifier", "Postgres", "Observability"],
            path: "Benchmarks/QueueBench",
            swiftSettings: strict
        ),

        // Test-only helpers: a throwaway database per test, factories. Never linked into the product.
        .target(
            name: "TestSupport",
            dependencies: ["Postgres", "Observability"],
            path: "Tests/TestSupport",
            swiftSettings: strict
        ),
        .testTarget(name: "PostgresTests", dependencies: ["Postgres", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "HTTPTests", dependencies: ["HTTP", "CSystem", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "HTMLTests", dependencies: ["HTML"], swiftSettings: strict),
        .testTarget(name: "LifecycleTests", dependencies: ["Lifecycle"], swiftSettings: strict),
        .testTarget(
            name: "OpenIDConnectTests",
            // CLibCrypto to mint tokens with throwaway keys; a real HTTP provider runs as a Python
            // subprocess (stdlib only).
            dependencies: ["OpenIDConnect", "CLibCrypto", "TestSupport"],
            exclude: ["Support/provider.py"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "WorkplaceRoutineTests",
            dependencies: ["WorkplaceRoutine", "TestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "NotifierTests",
            dependencies: ["Notifier", "Postgres", "TestSupport"],
            // Real test servers (aiosmtpd, an HTTP SMS gateway) run as Python subprocesses.
            exclude: ["Support/smtp_server.py", "Support/sms_gateway.py"],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)
