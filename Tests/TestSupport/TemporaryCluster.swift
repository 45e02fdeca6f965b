public import Foundation
public import Postgres
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A PostgreSQL cluster of its own in a temporary folder, started through `scripts/pg.sh`, for tests
/// that restart or kill the server and must not disturb the shared test cluster.
///
/// ```swift
/// let cluster = try await TemporaryCluster.make()
/// defer { Task { try? await cluster.destroy() } }   // or call destroy() at the end
/// try await cluster.restart()
/// ```
public final class TemporaryCluster: Sendable {
    /// The cluster's folder.
    public let directory: URL
    /// Its port.
    public let port: Int
    /// The superuser over the unix socket, database `postgres`.
    public let configuration: PostgresConfiguration
    /// The superuser over TCP on 127.0.0.1 with the cluster's password.
    public let tcpConfiguration: PostgresConfiguration

    private init(directory: URL, port: Int, configuration: PostgresConfiguration, tcpConfiguration: PostgresConfiguration) {
        self.directory = directory
        self.port = port
        self.configuration = configuration
        self.tcpConfiguration = tcpConfiguration
    }

    /// Creates and starts a fresh cluster (fsync off) on a free port.
    public static func make() async throws -> TemporaryCluster {
        let number = counter.wrappingAdd(1, ordering: .relaxed).newValue
        let directory = TestCluster.workDirectory.appendingPathComponent("cluster-\(getpid())-\(number)-\(UInt32.random(in: 0...UInt32.max))")
        let port = try freePort()
        _ = try await pgScript(["init", directory.path, String(port), "--fast", "--tcp"])
        _ = try await pgScript(["start", directory.path])
        let environment = try await pgScript(["env", directory.path])
        var values: [String: String] = [:]
        for line in environment.split(separator: "\n") where line.hasPrefix("export ") {
            let assignment = line.dropFirst("export ".count)
            guard let equals = assignment.firstIndex(of: "=") else { continue }
            let value = assignment[assignment.index(after: equals)...].trimmingCharacters(in: CharacterSet(charactersIn: "'"))
            values[String(assignment[..<equals])] = value
        }
        var configuration = try PostgresConfiguration.fromEnvironment(values)
        configuration.applicationName = "wr-tests"
        configuration.connectTimeout = .seconds(5)
        var tcp = configuration
        tcp.host = "127.0.0.1"
        tcp.password = values["WR_PG_SUPERUSER_PASSWORD"]
        tcp.sslMode = .disable
        let cluster = TemporaryCluster(directory: directory, port: port, configuration: configuration, tcpConfiguration: tcp)
        cluster.recordServerProcess()
        return cluster
    }

    /// `pg_ctl restart` (fast shutdown: sessions get `FATAL 57P01`), waiting until it accepts connections.
    public func restart() async throws {
        _ = try await Self.pgScript(["restart", directory.path])
        recordServerProcess()
    }

    /// Immediate shutdown, as in a crash.
    public func kill() async throws { _ = try await Self.pgScript(["kill", directory.path]) }

    /// Fast shutdown.
    public func stop() async throws { _ = try await Self.pgScript(["stop", directory.path]) }

    /// Starts it again after `stop` or `kill`.
    public func start() async throws {
        _ = try await Self.pgScript(["start", directory.path])
        recordServerProcess()
    }

    /// Stops the server and removes the folder.
    public func destroy() async throws { _ = try await Self.pgScript(["destroy", directory.path]) }

    /// Lets `scripts/test.sh` kill the server even if this process dies before `destroy()`.
    private func recordServerProcess() {
        guard let work = ProcessInfo.processInfo.environment["WR_TEST_WORKDIR"], !work.isEmpty else { return }
        let pidFile = directory.resolvingSymlinksInPath().appendingPathComponent("data/postmaster.pid")
        guard let contents = try? String(contentsOf: pidFile, encoding: .utf8),
              let pid = contents.split(separator: "\n").first
        else { return }
        let pids = URL(fileURLWithPath: work).appendingPathComponent("pids")
        if let handle = try? FileHandle(forWritingTo: pids) {
            handle.seekToEndOfFile()
            handle.write(Data("\(pid)\n".utf8))
            try? handle.close()
        } else {
            try? Data("\(pid)\n".utf8).write(to: pids)
        }
    }

    private static let counter = Atomic<Int>(0)

    /// Runs `scripts/pg.sh` with `arguments`; returns its standard output, throws with its error output.
    ///
    /// A ``ChildProcess`` (reaped by `waitpid`): `pg_ctl start` hands the descriptors it inherited to
    /// the daemonised server, and a child noticed through a descriptor would "run" as long as the
    /// server. For the same reason the child closes every inherited descriptor above 2 before running
    /// the script.
    static func pgScript(_ arguments: [String]) async throws -> String {
        let script = TestCluster.repositoryRoot.appendingPathComponent("scripts/pg.sh").path
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("pg-sh-\(UUID().uuidString)").path
        defer {
            try? FileManager.default.removeItem(atPath: output)
            try? FileManager.default.removeItem(atPath: output + ".err")
        }
        let closeInherited = #"for fd in /proc/$$/fd/*; do fd=${fd##*/}; if [ "$fd" -gt 2 ]; then eval "exec $fd>&-" 2>/dev/null; fi; done; exec /bin/bash "$0" "$@""#
        let child = try ChildProcess.spawn(executable: "/bin/bash", arguments: ["-c", closeInherited, script] + arguments,
                                           output: output, errorOutput: output + ".err", listForCleanup: false)
        let status = await child.exitStatus(limit: .seconds(600))
        guard status == 0 else {
            let errors = (try? String(contentsOfFile: output + ".err", encoding: .utf8)) ?? ""
            throw TestSupportError("scripts/pg.sh \(arguments.first ?? "") failed (status \(status)): \(errors)")
        }
        return (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
    }

    /// A TCP port nobody listens on right now (bound to port 0 and released).
    public static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw TestSupportError("socket() failed") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        guard bound == 0 else { throw TestSupportError("bind() failed") }
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard named == 0 else { throw TestSupportError("getsockname() failed") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
