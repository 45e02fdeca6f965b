public import Foundation
public import Postgres

/// The shared test cluster that `make test` starts (or `eval "$(scripts/pg.sh env DIR)"` describes):
/// superuser configurations from the `PG*` environment.
public enum TestCluster {
    /// The superuser over the unix socket, for `database` (default: `postgres`).
    public static func superuser(database: String? = nil) throws -> PostgresConfiguration {
        let environment = ProcessInfo.processInfo.environment
        guard environment["PGHOST"] != nil, environment["PGPORT"] != nil else {
            throw TestSupportError("no test cluster: run `make test`, or eval \"$(scripts/pg.sh env DIR)\" first")
        }
        var configuration = try PostgresConfiguration.fromEnvironment(environment)
        configuration.password = nil
        configuration.applicationName = "wr-tests"
        if let database { configuration.database = database }
        return configuration
    }

    /// The superuser over TCP on 127.0.0.1 with the password from `WR_PG_SUPERUSER_PASSWORD`.
    public static func superuserTCP(database: String? = nil) throws -> PostgresConfiguration {
        var configuration = try superuser(database: database)
        guard let password = ProcessInfo.processInfo.environment["WR_PG_SUPERUSER_PASSWORD"] else {
            throw TestSupportError("WR_PG_SUPERUSER_PASSWORD is not set (scripts/pg.sh env prints it)")
        }
        configuration.host = "127.0.0.1"
        configuration.password = password
        configuration.sslMode = .disable
        return configuration
    }

    /// The repository root: `WR_REPO_ROOT`, or derived from this file's path.
    public static var repositoryRoot: URL {
        if let root = ProcessInfo.processInfo.environment["WR_REPO_ROOT"], !root.isEmpty {
            return URL(fileURLWithPath: root, isDirectory: true)
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// A scratch folder for this test process (`WR_TEST_WORKDIR` under `make test`).
    public static var workDirectory: URL {
        if let work = ProcessInfo.processInfo.environment["WR_TEST_WORKDIR"], !work.isEmpty {
            return URL(fileURLWithPath: work, isDirectory: true)
        }
        return FileManager.default.temporaryDirectory
    }
}

/// A failure of the test fixtures themselves (missing environment, a script that failed).
public struct TestSupportError: Error, CustomStringConvertible {
    /// What went wrong.
    public let description: String
    /// Creates the error.
    public init(_ description: String) { self.description = description }
}
