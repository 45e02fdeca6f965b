/// Where and how to connect: host (name, IP address or unix socket directory), port, user, password,
/// database and options. Built from a URL or from the standard `PG*` environment variables.
///
/// Handed to libpq as keyword/value arrays, never as a conninfo string, so no value is ever parsed
/// by libpq's conninfo grammar. The password never appears in `description`, `debugDescription` or
/// `dump(_:)`.
public struct PostgresConfiguration: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// libpq's `sslmode`.
    public enum SSLMode: String, Sendable, CaseIterable {
        /// No TLS.
        case disable
        /// TLS only if the server insists.
        case allow
        /// TLS when the server offers it (libpq's default).
        case prefer
        /// TLS required, certificate not verified.
        case require
        /// TLS required, certificate chain verified.
        case verifyCA = "verify-ca"
        /// TLS required, chain and host name verified.
        case verifyFull = "verify-full"
    }

    /// Host name, IP address, or an absolute path to the directory holding the unix socket.
    /// nil: libpq's default socket directory.
    public var host: String?
    /// TCP port, also part of the socket file name (`.s.PGSQL.<port>`). nil: 5432.
    public var port: Int?
    /// The role to log in as. nil: the operating system user.
    public var user: String?
    /// The password; redacted from every description.
    public var password: String?
    /// The database. nil: same as the user.
    public var database: String?
    /// TLS mode. nil: libpq's default (`prefer`).
    public var sslMode: SSLMode?
    /// Shown in `pg_stat_activity.application_name`.
    public var applicationName: String?
    /// How long connecting may take before failing. nil: 10 seconds.
    public var connectTimeout: Duration?
    /// `statement_timeout` for every session of a pool using this configuration. nil: the server's.
    public var statementTimeout: Duration?
    /// Further libpq keywords (e.g. `sslrootcert`), validated against libpq's list when connecting.
    public var additionalParameters: [String: String]
    /// A group role every session switches to as it starts (`-c role=…`), for a login role that acts
    /// as one role only (the Notifier's `wr_worker` as `wr_notifier`): one round trip per statement
    /// instead of `BEGIN`, `SET LOCAL ROLE` and `COMMIT`. nil: stay the login role. Must be a plain
    /// identifier; connecting fails with `.invalidConfiguration` otherwise.
    public var sessionRole: String? = nil

    /// A configuration with the given parts; everything left nil uses libpq's defaults.
    public init(
        host: String? = nil, port: Int? = nil, user: String? = nil, password: String? = nil, database: String? = nil,
        sslMode: SSLMode? = nil, applicationName: String? = nil, connectTimeout: Duration? = nil,
        statementTimeout: Duration? = nil, additionalParameters: [String: String] = [:]
    ) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
        self.sslMode = sslMode
        self.applicationName = applicationName
        self.connectTimeout = connectTimeout
        self.statementTimeout = statementTimeout
        self.additionalParameters = additionalParameters
    }

    /// True when `host` names a unix socket directory.
    public var usesUnixSocket: Bool { host == nil || host!.hasPrefix("/") || host!.hasPrefix("@") }

    /// A URL without the password, e.g. `postgres://wr_app@db.example:5432/workplace?sslmode=require`.
    public var description: String {
        var text = "postgres://"
        if let user { text += Self.percentEncoded(user) + "@" }
        if let host, !usesUnixSocket { text += host.contains(":") ? "[\(host)]" : host }
        if let port { text += ":\(port)" }
        text += "/"
        if let database { text += Self.percentEncoded(database) }
        var query: [String] = []
        if let host, usesUnixSocket { query.append("host=\(Self.percentEncoded(host))") }
        if let sslMode { query.append("sslmode=\(sslMode.rawValue)") }
        if let applicationName { query.append("application_name=\(Self.percentEncoded(applicationName))") }
        if let connectTimeout { query.append("connect_timeout=\(connectTimeout.components.seconds)") }
        if let statementTimeout { query.append("statement_timeout=\(statementTimeout)") }
        if let sessionRole { query.append("role=\(Self.percentEncoded(sessionRole))") }
        for key in additionalParameters.keys.sorted() where !Self.secretKeywords.contains(key) {
            query.append("\(key)=\(Self.percentEncoded(additionalParameters[key]!))")
        }
        if password != nil { query.append("password=redacted") }
        if !query.isEmpty { text += "?" + query.joined(separator: "&") }
        return text
    }

    /// Same as `description`: the password is never shown.
    public var debugDescription: String { description }

    /// Keeps the password out of `dump(_:)` and debugger views.
    public var customMirror: Mirror {
        Mirror(self, children: ["description": description], displayStyle: .struct)
    }

    static let secretKeywords: Set<String> = ["password", "sslpassword"]

    static func percentEncoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            let plain = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x7E || byte == 0x2F
            if plain {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }
}

extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
