import Foundation
import Postgres
#if canImport(Glibc)
import Glibc
#endif

/// The real `workplace-routine notifier` binary, built next to the test bundle, run as a child
/// process against a test database and a test relay.
final class NotifierProcess {
    let process: Process
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
        let process = Process()
        process.executableURL = executable
        process.arguments = ["notifier"]
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: log)
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        registerForCleanup(process.processIdentifier)
        return NotifierProcess(process: process, log: log)
    }

    private init(process: Process, log: URL) {
        self.process = process
        self.log = log
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(at: log)
    }

    /// `kill -9`: the process ends at once, in the middle of whatever it was doing.
    func killNine() async {
        kill(process.processIdentifier, SIGKILL)
        await waitForExit()
    }

    /// SIGTERM, as systemd stops it; returns the exit status.
    func terminate() async -> Int32 {
        kill(process.processIdentifier, SIGTERM)
        await waitForExit()
        return process.terminationStatus
    }

    func waitForExit() async {
        while process.isRunning { try? await Task.sleep(for: .milliseconds(20)) }
    }

    /// What the process logged (JSON lines; never addresses or text by the product's rule).
    var output: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    private static func registerForCleanup(_ pid: Int32) {
        guard let work = ProcessInfo.processInfo.environment["WR_TEST_WORKDIR"], !work.isEmpty else { return }
        let path = work + "/pids"
        if !FileManager.default.fileExists(atPath: path) { _ = FileManager.default.createFile(atPath: path, contents: nil) }
        guard let handle = FileHandle(forWritingAtPath: path) else { return }
        handle.seekToEndOfFile()
        handle.write(Data("\(pid)\n".utf8))
        try? handle.close()
    }
}
