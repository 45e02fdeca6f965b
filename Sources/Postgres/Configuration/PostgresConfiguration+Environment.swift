public import Foundation

extension PostgresConfiguration {
    /// Reads PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE, PGSSLMODE, PGAPPNAME and
    /// PGCONNECT_TIMEOUT (seconds) from `environment` (the process's by default). Unset or empty
    /// variables leave the part nil, so libpq's defaults apply.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> PostgresConfiguration {
        var configuration = PostgresConfiguration()
        let mapping: [(variable: String, keyword: String)] = [
            ("PGHOST", "host"), ("PGPORT", "port"), ("PGUSER", "user"), ("PGPASSWORD", "password"),
            ("PGDATABASE", "dbname"), ("PGSSLMODE", "sslmode"), ("PGAPPNAME", "application_name"),
            ("PGCONNECT_TIMEOUT", "connect_timeout"),
        ]
        for (variable, keyword) in mapping {
            guard let value = environment[variable], !value.isEmpty else { continue }
            do {
                try configuration.apply(keyword: keyword, value: value)
            } catch var error as PostgresError {
                error.reason = "\(variable): \(error.reason ?? "invalid")"
                throw error
            }
        }
        return configuration
    }

    /// Why ``sessionRole`` cannot be used, if it cannot: it goes into the startup options, so it must
    /// be a plain identifier.
    var sessionRoleError: PostgresError? {
        guard let sessionRole, !PostgresIdentifier.isValid(sessionRole) else { return nil }
        return PostgresError(code: .invalidConfiguration, operation: .connect, reason: "session role is not a plain identifier")
    }

    /// The keyword/value pairs handed to `PQconnectStartParams`.
    func libpqParameters() -> [(String, String)] {
        var parameters: [(String, String)] = []
        if let host { parameters.append(("host", host)) }
        if let port { parameters.append(("port", String(port))) }
        if let user { parameters.append(("user", user)) }
        if let password { parameters.append(("password", password)) }
        if let database { parameters.append(("dbname", database)) }
        if let sslMode { parameters.append(("sslmode", sslMode.rawValue)) }
        if let applicationName { parameters.append(("application_name", applicationName)) }
        for key in additionalParameters.keys.sorted() { parameters.append((key, additionalParameters[key]!)) }
        parameters.append(("client_encoding", "UTF8"))
        // Text results must be parseable: ISO dates whatever the server's default says.
        var options = "-c datestyle=ISO -c intervalstyle=postgres"
        if let statementTimeout {
            let (seconds, attoseconds) = statementTimeout.components
            let milliseconds = max(1, seconds * 1000 + attoseconds / 1_000_000_000_000_000)
            options += " -c statement_timeout=\(milliseconds)"
        }
        // Checked by `sessionRoleError` before any connection starts; the guard keeps anything else out regardless.
        if let sessionRole, PostgresIdentifier.isValid(sessionRole) {
            options += " -c role=\(sessionRole)"
        }
        parameters.append(("options", options))
        return parameters
    }
}
