import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// A real test server (aiosmtpd, or the HTTP SMS gateway) run as a Python subprocess from the
/// repository's `.venv`, on a free port of its own choosing.
///
/// The script writes its port to a file once it listens; we wait for that file without blocking a
/// thread. Received messages are files in ``spool``. The process is also listed in
/// `$WR_TEST_WORKDIR/pids`, so `scripts/test.sh` ends it even if a test crashes; the scripts exit
/// by themselves when this process goes away.
final class TestServerProcess {
    /// The port the server listens on (on 127.0.0.1).
    let port: UInt16
    /// Where the server writes what it received.
    let spool: URL
    private let process: ChildProcess

    private init(port: UInt16, spool: URL, process: ChildProcess) {
        self.port = port
        self.spool = spool
        self.process = process
    }

    deinit { stop() }

    /// The repository root: `WR_REPO_ROOT`, or three levels above this file.
    static var repositoryRoot: URL {
        if let root = ProcessInfo.processInfo.environment["WR_REPO_ROOT"], !root.isEmpty {
            return URL(fileURLWithPath: root)
        }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // Support
            .deletingLastPathComponent()  // NotifierTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()
    }

    /// Starts `Tests/NotifierTests/Support/<script>` with `arguments` and waits until it listens.
    static func start(script: String, arguments: [String] = []) async throws -> TestServerProcess {
        let root = repositoryRoot
        let python = root.appendingPathComponent(".venv/bin/python")
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            throw TestServerError("no \(python.path): run scripts/deps.sh test first")
        }
        let spool = FileManager.default.temporaryDirectory.appendingPathComponent("wr-notifier-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: spool, withIntermediateDirectories: true)
        let portFile = spool.appendingPathComponent("port")
        let log = spool.appendingPathComponent("server.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)

        let process = try ChildProcess.spawn(
            executable: python.path,
            arguments: [root.appendingPathComponent("Tests/NotifierTests/Support/\(script)").path, "--port-file", portFile.path, "--spool", spool.path] + arguments,
            output: log.path)

        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline {
            if let text = try? String(contentsOf: portFile, encoding: .utf8), let port = UInt16(text) {
                return TestServerProcess(port: port, spool: spool, process: process)
            }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(25))
        }
        process.signal(SIGTERM)
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        throw TestServerError("\(script) did not start: \(output)")
    }

    /// Ends the server (SIGTERM to its own pid) and removes its files.
    func stop() {
        process.signal(SIGTERM)
        try? FileManager.default.removeItem(at: spool)
    }

    /// The JSON records the server wrote, in the order received: `<n>.json` files (SMTP) or the
    /// lines of `requests.jsonl` (SMS gateway).
    func records() throws -> [[String: Any]] {
        let jsonl = spool.appendingPathComponent("requests.jsonl")
        if FileManager.default.fileExists(atPath: jsonl.path) {
            let text = try String(contentsOf: jsonl, encoding: .utf8)
            return try text.split(separator: "\n").map { try TestServerProcess.object(Data($0.utf8)) }
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: spool.path)
            .filter { $0.hasSuffix(".json") }
            .sorted { Int($0.dropLast(5)) ?? 0 < Int($1.dropLast(5)) ?? 0 }
        return try files.map { try TestServerProcess.object(Data(contentsOf: spool.appendingPathComponent($0))) }
    }

    private static func object(_ data: Data) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw TestServerError("record is not a JSON object")
        }
        return object
    }

    /// A port nothing listens on: bound by us for a moment, then released.
    static func unusedPort() throws -> UInt16 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw TestServerError("socket failed") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0 }
        }
        guard bound else { throw TestServerError("bind failed") }
        return UInt16(bigEndian: address.sin_port)
    }
}

/// A test server that could not be started or read.
struct TestServerError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
