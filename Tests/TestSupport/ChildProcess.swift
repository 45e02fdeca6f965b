public import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A child process the tests start and wait for: spawned with `posix_spawn` and reaped by `waitpid`
/// on a thread of its own.
///
/// Not Foundation's `Process`: on Linux it notices a child's end through a descriptor the child
/// inherits, and when tests start several children at once a sibling can inherit that descriptor
/// too; the first child then "runs" until the sibling exits. `waitpid` does not care which
/// descriptors a child holds. The test servers here exit only with the
/// test process, so a test waiting for a Notifier to stop could wait forever (seen: the whole suite
/// hung with dozens of unreaped children).
///
/// ```swift
/// let child = try ChildProcess.spawn(executable: python, arguments: [script], output: log)
/// child.signal(SIGTERM)
/// let status = await child.exitStatus()
/// ```
public final class ChildProcess: Sendable {
    /// The child's process id.
    public let processIdentifier: pid_t
    private let status = Mutex<Int32?>(nil)

    private init(processIdentifier: pid_t) {
        self.processIdentifier = processIdentifier
    }

    /// Starts `executable` with `arguments` and `environment` (nil: this process's), standard input
    /// from /dev/null, standard output appended to `output` (nil: /dev/null) and standard error to
    /// `errorOutput` (nil: with the output). A long-lived child (`listForCleanup`) is also listed in
    /// `$WR_TEST_WORKDIR/pids`, so `scripts/test.sh` ends it even if a test crashes.
    public static func spawn(
        executable: String, arguments: [String], environment: [String: String]? = nil,
        output: String? = nil, errorOutput: String? = nil, listForCleanup: Bool = true
    ) throws -> ChildProcess {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        let sink = output ?? "/dev/null"
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, sink, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        if let errorOutput {
            posix_spawn_file_actions_addopen(&actions, 2, errorOutput, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        } else {
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        }

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        let variables = environment.map { $0.map { strdup("\($0.key)=\($0.value)") } + [nil] }
        defer { for variable in variables ?? [] { free(variable) } }

        // The child starts with no signal blocked and every signal at its default action. Without
        // this it inherits the mask of whichever thread spawns it, and the runtime's threads block
        // SIGTERM: a test server then ignored the SIGTERM meant to stop it and ran until the test
        // process exited (seen: 63 relays at the end of the Notifier tests).
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var pid: pid_t = 0
        let spawned = variables.map { posix_spawn(&pid, executable, &actions, &attributes, argv, $0) }
            ?? posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        guard spawned == 0 else {
            throw TestSupportError("posix_spawn \(executable) failed: \(String(cString: strerror(spawned)))")
        }
        let child = ChildProcess(processIdentifier: pid)
        if listForCleanup { registerForCleanup(pid) }
        let spawnedPID = pid
        Thread.detachNewThread {
            var status: Int32 = 0
            while waitpid(spawnedPID, &status, 0) < 0, errno == EINTR {}
            child.status.withLock { $0 = status }
        }
        return child
    }

    /// True until the child has ended and been reaped.
    public var isRunning: Bool { status.withLock { $0 == nil } }

    /// Sends `signal` to the child; nothing once it has been reaped.
    public func signal(_ signal: Int32) {
        status.withLock { status in
            if status == nil { _ = kill(processIdentifier, signal) }
        }
    }

    /// Waits until the child has ended; returns its exit code, or 128 + the signal that ended it. A
    /// child still running after `limit` is killed (the caller then sees 137), so a child that hangs
    /// fails its test instead of hanging the suite.
    public func exitStatus(limit: Duration = .seconds(120)) async -> Int32 {
        let deadline = ContinuousClock.now + limit
        while true {
            if let raw = status.withLock({ $0 }) {
                let signal = raw & 0x7F
                return signal == 0 ? (raw >> 8) & 0xFF : 128 + signal
            }
            if ContinuousClock.now >= deadline { self.signal(SIGKILL) }
            try? await Task.sleep(for: .milliseconds(20))
        }
    }

    private static func registerForCleanup(_ pid: pid_t) {
        guard let work = ProcessInfo.processInfo.environment["WR_TEST_WORKDIR"], !work.isEmpty else { return }
        let line = "\(pid)\n"
        let descriptor = open(work + "/pids", O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return }
        _ = line.withCString { write(descriptor, $0, strlen($0)) }
        close(descriptor)
    }
}
