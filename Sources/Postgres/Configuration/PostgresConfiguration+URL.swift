extension PostgresConfiguration {
    /// Parses `postgres://user:password@host:port/database?sslmode=require&application_name=x`
    /// (also `postgresql://`). Parts are percent-decoded. The host may be a unix socket directory,
    /// given percent-encoded in the authority or as a `host` query parameter:
    /// `postgres:///workplace?host=/var/run/postgresql`. Other query parameters are libpq keywords;
    /// `connect_timeout` is in seconds, `statement_timeout` in milliseconds.
    public init(url: String) throws {
        func invalid(_ reason: String) -> PostgresError {
            PostgresError(code: .invalidConfiguration, operation: .configure, reason: reason)
        }
        var rest: Substring
        if url.hasPrefix("postgres://") {
            rest = url.dropFirst("postgres://".count)
        } else if url.hasPrefix("postgresql://") {
            rest = url.dropFirst("postgresql://".count)
        } else {
            throw invalid("URL must start with postgres:// or postgresql://")
        }
        self.init()
        var query: Substring = ""
        if let mark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        var authority = rest
        if let slash = rest.firstIndex(of: "/") {
            authority = rest[..<slash]
            let path = rest[rest.index(after: slash)...]
            if !path.isEmpty { database = try Self.percentDecoded(path) }
        }
        if let at = authority.lastIndex(of: "@") {
            let userInfo = authority[..<at]
            authority = authority[authority.index(after: at)...]
            if let colon = userInfo.firstIndex(of: ":") {
                user = try Self.percentDecoded(userInfo[..<colon])
                password = try Self.percentDecoded(userInfo[userInfo.index(after: colon)...])
            } else if !userInfo.isEmpty {
                user = try Self.percentDecoded(userInfo)
            }
        }
        if authority.contains(",") { throw invalid("several hosts are not supported") }
        var hostPart = authority
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw invalid("unterminated IPv6 address") }
            hostPart = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") { port = try Self.port(after.dropFirst()) } else if !after.isEmpty { throw invalid("malformed host") }
        } else if let colon = authority.lastIndex(of: ":") {
            hostPart = authority[..<colon]
            port = try Self.port(authority[authority.index(after: colon)...])
        }
        if !hostPart.isEmpty { host = try Self.percentDecoded(hostPart) }

        for pair in query.split(separator: "&") where !pair.isEmpty {
            guard let equals = pair.firstIndex(of: "=") else { throw invalid("query parameter without value") }
            let key = try Self.percentDecoded(pair[..<equals])
            let value = try Self.percentDecoded(pair[pair.index(after: equals)...])
            try apply(keyword: key, value: value)
        }
    }

    /// Sets a libpq keyword, mapping the ones this type models to their properties.
    mutating func apply(keyword: String, value: String) throws {
        func invalid(_ reason: String) -> PostgresError {
            PostgresError(code: .invalidConfiguration, operation: .configure, reason: reason)
        }
        switch keyword {
        case "host": host = value
        case "port": port = try Self.port(Substring(value))
        case "user": user = value
        case "password": password = value
        case "dbname": database = value
        case "sslmode":
            guard let mode = SSLMode(rawValue: value) else { throw invalid("unknown sslmode") }
            sslMode = mode
        case "application_name": applicationName = value
        case "connect_timeout":
            guard let seconds = Int(value), seconds >= 0 else { throw invalid("connect_timeout must be whole seconds") }
            connectTimeout = seconds == 0 ? nil : .seconds(seconds)
        case "statement_timeout":
            guard let milliseconds = Int(value), milliseconds >= 0 else { throw invalid("statement_timeout must be milliseconds") }
            statementTimeout = milliseconds == 0 ? nil : .milliseconds(milliseconds)
        case "hostaddr", "options", "client_encoding", "replication", "service", "passfile":
            // We set these ourselves (or they would change the protocol); refusing is clearer than surprising.
            throw invalid("parameter \(keyword) is not supported")
        default:
            guard PostgresLibPQ.isKnownKeyword(keyword) else { throw invalid("unknown parameter \(keyword)") }
            additionalParameters[keyword] = value
        }
    }

    static func port(_ text: Substring) throws -> Int {
        guard let value = Int(text), (1...65535).contains(value) else {
            throw PostgresError(code: .invalidConfiguration, operation: .configure, reason: "port must be 1…65535")
        }
        return value
    }

    static func percentDecoded(_ text: Substring) throws -> String {
        guard text.contains("%") else { return String(text) }
        var bytes: [UInt8] = []
        var utf8 = text.utf8.makeIterator()
        while let byte = utf8.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = utf8.next(), let low = utf8.next(),
                      let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
                else { throw PostgresError(code: .invalidConfiguration, operation: .configure, reason: "malformed percent-encoding") }
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else {
            throw PostgresError(code: .invalidConfiguration, operation: .configure, reason: "percent-encoding is not UTF-8")
        }
        return decoded
    }
}
