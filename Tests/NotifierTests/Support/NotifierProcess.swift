import Foundation
import Postgres
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// The real `workplace-routine notifier` binary, built next to the test bundle, run as a child
/// process against a test database and a test relay.
final class NotifierProcess {
    let process: ChildProcess
    let log: URL

    /// The built executable: `.build/<triple>/debug/workplace-routine`, beside the test bundle.
    static var executable: URL {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return exe.deletingLastPathComponent().appendingPathComponent("workplace-routine")
    }

    /// Starts `workplace-routine notifier` for `database` (logging in as `wr_worker`) and the relay
    /// on `smtpPort`; `environment` adds or overrides `WR_*` settings.
    static func start(database: PostgresConfiguration, smtpPort: UInt16, environment extra: [String: String] = [:]) throws -> NotifierProcess {
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw FixtureError("\(executable.path) is missing: run `swift build --build-tests` first")
        }
        var url = "postgresql://wr_worker@/\(database.database ?? "postgres")?host=\(database.host ?? "/tmp")&port=\(database.port ?? 5432)"
        if let password = database.password { url += "&password=\(password)" }
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("WR_") || $0.key == "WR_TEST_WORKDIR" }
        environment.merge([
            "WR_ENV": "development",
            "WR_NOTIFIER_DATABASE_URL": url,
            "WR_SMTP_HOST": "127.0.0.1",
            "WR_SMTP_PORT": String(smtpPort),
            "WR_SMTP_FROM": "medarbetarstod@testkommun.example",
            "WR_PUBLIC_URL": "https://medarbetarstod.testkommun.example",
            "WR_CONTENT_KEY": QueueDatabase.contentKey,
            "WR_NOTIFIER_RECURRING": "off",
            "WR_NOTIFIER_POLL_MS": "100",
            "WR_LOG_LEVEL": "notice",
        ]) { $1 }
        environment.merge(extra) { $1 }
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("wr-notifier-process-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = try ChildProcess.spawn(executable: executable.path, arguments: ["notifier"], environment: environment, output: log.path)
        return NotifierProcess(process: process, log: log)
    }

    private init(process: ChildProcess, log: URL) {
        self.process = process
        self.log = log
    }

    deinit {
        process.signal(SIGKILL)
        try? FileManager.default.removeItem(at: log)
    }

    /// `kill -9`: the process ends at once, in the middle of whatever it was doing.
    func killNine() async {
        process.signal(SIGKILL)
        await waitForExit()
    }

    /// SIGTERM, as systemd stops it; returns the exit status.
    func terminate() async -> Int32 {
        process.signal(SIGTERM)
        return await process.exitStatus()
    }

    func waitForExit() async {
        _ = await process.exitStatus()
    }

    /// What the process logged (JSON lines; never addresses or text by the product's rule).
    var output: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }
}
