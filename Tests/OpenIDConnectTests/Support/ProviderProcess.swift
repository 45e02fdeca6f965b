import Foundation
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// A scripted OpenID Connect provider (`Support/provider.py`, Python's standard library only) run as
/// a subprocess on loopback: the test sets what each path answers with ``route(_:_:)`` and reads what
/// the provider received with ``requests(_:)``.
final class ProviderProcess {
    /// One answer of the provider.
    struct Route {
        var status = 200
        var body = ""
        var headers: [String: String] = [:]
        /// Seconds to wait before answering.
        var delay: Double = 0
        /// Spaces appended to the body.
        var pad = 0
        /// Chunked transfer coding, no Content-Length.
        var chunked = false

        var json: [String: Any] {
            ["status": status, "body": body, "headers": headers, "delay": delay, "pad": pad, "chunked": chunked]
        }
    }

    /// A request the provider received.
    struct Request {
        let method: String
        let path: String
        let headers: [String: String]
        let body: String
    }

    let port: UInt16
    private let spool: URL
    private let process: ChildProcess
    private var routes: [String: Route] = [:]

    /// `http://127.0.0.1:<port>`, the issuer of the provider's documents.
    var issuer: String { "http://127.0.0.1:\(port)" }

    private init(port: UInt16, spool: URL, process: ChildProcess) {
        self.port = port
        self.spool = spool
        self.process = process
    }

    deinit {
        process.signal(SIGTERM)
        try? FileManager.default.removeItem(at: spool)
    }

    /// Starts the provider and waits until it listens.
    static func start() async throws -> ProviderProcess {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("provider.py")
        let spool = FileManager.default.temporaryDirectory.appendingPathComponent("wr-oidc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: spool, withIntermediateDirectories: true)
        let portFile = spool.appendingPathComponent("port")
        let log = spool.appendingPathComponent("provider.log")
        let process = try ChildProcess.spawn(
            executable: "/usr/bin/python3", arguments: [script.path, "--port-file", portFile.path, "--spool", spool.path], output: log.path)
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline {
            if let text = try? String(contentsOf: portFile, encoding: .utf8), let port = UInt16(text) {
                return ProviderProcess(port: port, spool: spool, process: process)
            }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(25))
        }
        process.signal(SIGTERM)
        throw ProviderProcessError(description: "provider.py did not start: " + ((try? String(contentsOf: log, encoding: .utf8)) ?? ""))
    }

    /// Sets the answer for `"METHOD /path"`; the provider reads it on the next request.
    func route(_ key: String, _ route: Route) throws {
        routes[key] = route
        let data = try JSONSerialization.data(withJSONObject: routes.mapValues(\.json))
        let file = spool.appendingPathComponent("routes.json")
        let temporary = spool.appendingPathComponent("routes.json.tmp")
        try data.write(to: temporary)
        guard rename(temporary.path, file.path) == 0 else { throw ProviderProcessError(description: "rename failed") }
    }

    /// Serves a discovery document for ``issuer`` (or `claimedIssuer`) with endpoints on this provider.
    func serveDiscovery(claimedIssuer: String? = nil, change: [String: Any] = [:]) throws {
        var document: [String: Any] = [
            "issuer": claimedIssuer ?? issuer,
            "authorization_endpoint": "\(issuer)/authorize",
            "token_endpoint": "\(issuer)/token",
            "jwks_uri": "\(issuer)/jwks",
            "end_session_endpoint": "\(issuer)/logout",
            "code_challenge_methods_supported": ["S256"],
        ]
        for (name, value) in change { document[name] = value }
        try route("GET /.well-known/openid-configuration", Route(body: Self.text(document)))
    }

    /// Serves `keys` as the JWKS.
    func serveKeys(_ keys: [TestKey], route extra: Route = Route()) throws {
        var answer = extra
        answer.body = String(decoding: TokenFactory.keySetJSON(keys.map { $0.jwk() }), as: UTF8.self)
        try route("GET /jwks", answer)
    }

    /// Answers the token endpoint with a token response holding `idToken`.
    func serveToken(_ idToken: String) throws {
        try route("POST /token", Route(body: Self.text(["token_type": "Bearer", "id_token": idToken, "access_token": "at-1", "expires_in": 300])))
    }

    /// The requests received so far, optionally only those for `"METHOD /path"`.
    func requests(_ key: String? = nil) throws -> [Request] {
        let file = spool.appendingPathComponent("requests.jsonl")
        guard FileManager.default.fileExists(atPath: file.path) else { return [] }
        return try String(contentsOf: file, encoding: .utf8).split(separator: "\n").compactMap { line in
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            let request = Request(
                method: object["method"] as? String ?? "", path: object["path"] as? String ?? "",
                headers: object["headers"] as? [String: String] ?? [:], body: object["body"] as? String ?? "")
            return key == nil || "\(request.method) \(request.path)" == key ? request : nil
        }
    }

    static func text(_ object: [String: Any]) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    /// A port nothing listens on: bound for a moment, then released.
    static func unusedPort() throws -> UInt16 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0 }
        }
        guard bound else { throw ProviderProcessError(description: "bind failed") }
        return UInt16(bigEndian: address.sin_port)
    }
}

struct ProviderProcessError: Error, CustomStringConvertible {
    let description: String
}
