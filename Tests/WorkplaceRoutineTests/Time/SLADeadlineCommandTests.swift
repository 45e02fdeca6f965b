import Foundation
import Testing
import TestSupport
@testable import WorkplaceRoutine

/// The built `workplace-routine` binary's `sla-deadline` command, run as an operator would.
@Suite struct SLADeadlineCommandTests {
    /// The binary next to the test bundle (both are built by `swift build --build-tests`).
    static func binary() throws -> URL {
        var candidates: [URL] = []
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = runner.deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(folder.appendingPathComponent("workplace-routine"))
            folder = folder.deletingLastPathComponent()
        }
        if let root = ProcessInfo.processInfo.environment["WR_REPO_ROOT"] {
            candidates.append(URL(fileURLWithPath: root).appendingPathComponent(".build/debug/workplace-routine"))
        }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw CommandError(description: "workplace-routine binary not found beside the tests; run swift build --build-tests")
        }
        return found
    }

    struct CommandError: Error, CustomStringConvertible { let description: String }

    static func run(_ arguments: [String]) async throws -> (status: Int32, output: String) {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("wr-sla-\(UUID().uuidString).log").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        // The answer must not depend on the machine's zone.
        let child = try ChildProcess.spawn(executable: try binary().path, arguments: arguments,
                                           environment: ["PATH": "/usr/bin:/bin", "TZ": "America/Los_Angeles"], output: output)
        let status = await child.exitStatus()
        return (status, (try? String(contentsOfFile: output, encoding: .utf8)) ?? "")
    }

    @Test(arguments: [
        // Friday afternoon: over the weekend to Monday.
        ("2026-11-20T15:00:00+01:00", "2026-11-23T15:00:00+01:00"),
        // Maundy Thursday: Good Friday and Easter Monday do not count.
        ("2026-04-02T10:00:00+02:00", "2026-04-07T10:00:00+02:00"),
        // The day before midsummer eve (a closing day) and the weekend.
        ("2026-06-18T12:00:00+02:00", "2026-06-22T12:00:00+02:00"),
        // Given in UTC, answered in Stockholm time.
        ("2026-11-20T14:00:00Z", "2026-11-23T15:00:00+01:00"),
    ])
    func printsTheDeadlineOnItsLastLine(from: String, expected: String) async throws {
        let (status, output) = try await Self.run(["sla-deadline", "--from", from])
        #expect(status == 0)
        let last = output.split(separator: "\n").last.map(String.init)
        #expect(last == expected)
    }

    @Test func refusesATimeWithoutAnOffset() async throws {
        let (status, output) = try await Self.run(["sla-deadline", "--from", "2026-11-20 15:00"])
        #expect(status == 64)
        #expect(output.contains("ISO 8601"))
    }
}
