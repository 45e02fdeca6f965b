import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HTTP
import Observability
import Postgres
import Testing
import TestSupport
@testable import WorkplaceRoutine

/// The real service — router, server, database with the demo organisation — on a free port, and a
/// small web client with a cookie jar that fills in the CSRF token the way a browser's form would.
final class AppFixture: Sendable {
    let database: DatabaseFixture
    let app: App
    let server: HTTPServer
    let port: Int
    private let running: Task<Void, any Error>
    /// Everything the service logged, for "never logs X" assertions.
    let logs: MemorySink

    static let demoPassword = "test-password-2026"
    static let contentKey = "test-content-key-0123456789abcdef0123456789"

    private init(database: DatabaseFixture, app: App, server: HTTPServer, port: Int, running: Task<Void, any Error>, logs: MemorySink) {
        self.database = database
        self.app = app
        self.server = server
        self.port = port
        self.running = running
        self.logs = logs
    }

    static func make() async throws -> AppFixture {
        let database = try await DatabaseFixture.make()
        var environment = ["WR_CONTENT_KEY": contentKey, "WR_MIGRATIONS_DIR": TestDatabase.repoMigrations.path, "WR_PORT": "8080"]
        environment["WR_QUICK_EXIT_URL"] = "https://www.smhi.se/"
        let configuration = try Configuration.fromEnvironment(environment)
        let logs = MemorySink()
        let logger = Logger(label: "test", level: .debug, sink: logs)
        let metrics = MetricsRegistry()
        let app = App(configuration: configuration, pool: database.app, logger: logger, metrics: metrics)
        let server = HTTPServer(configuration: .init(host: "127.0.0.1", port: 0), responder: app.makeRouter(), logger: logger, metrics: metrics)
        let port = try server.listen()
        try server.start()
        let running = Task { try await server.run() }
        return AppFixture(database: database, app: app, server: server, port: port, running: running, logs: logs)
    }

    func close() async {
        server.shutdown()
        _ = try? await running.value
        await database.close()
    }

    /// A new client with an empty cookie jar.
    func client() -> WebClient { WebClient(port: port) }

    /// A client logged in as a demo account.
    func client(loggedInAs login: String) async throws -> WebClient {
        let client = client()
        try await client.login(login, password: AppFixture.demoPassword)
        return client
    }
}

/// A minimal browser: cookies, no automatic redirects, and forms that carry the page's CSRF token.
final class WebClient: @unchecked Sendable {
    struct Response: Sendable {
        let status: Int
        let headers: [String: String]
        let setCookies: [String]
        let body: String
        var location: String? { headers["location"] }
        /// The `_csrf` value of the first form on the page.
        var csrfToken: String? {
            guard let range = body.range(of: "name=\"_csrf\" value=\"") else { return nil }
            let rest = body[range.upperBound...]
            return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
        }
    }

    let port: Int
    private(set) var cookies: [String: String] = [:]
    private(set) var lastToken: String?
    private let session: URLSession

    private final class NoRedirects: NSObject, URLSessionTaskDelegate {
        func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
            completionHandler(nil)
        }
    }

    init(port: Int) {
        self.port = port
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        configuration.timeoutIntervalForRequest = 20
        session = URLSession(configuration: configuration, delegate: NoRedirects(), delegateQueue: nil)
    }

    @discardableResult
    func get(_ path: String) async throws -> Response {
        try await send("GET", path, body: nil, contentType: nil)
    }

    /// Posts `fields` urlencoded, adding `_csrf` from the last page fetched unless given.
    @discardableResult
    func post(_ path: String, _ fields: [(String, String)], csrf: String? = nil) async throws -> Response {
        var all = fields
        if !all.contains(where: { $0.0 == "_csrf" }), let token = csrf ?? lastToken { all.append(("_csrf", token)) }
        let body = all.map { WebClient.encode($0.0) + "=" + WebClient.encode($0.1) }.joined(separator: "&")
        return try await send("POST", path, body: Data(body.utf8), contentType: "application/x-www-form-urlencoded")
    }

    /// Posts a multipart form with one file part.
    @discardableResult
    func postFile(_ path: String, fields: [(String, String)], fileField: String, filename: String, file: Data, contentType: String = "text/csv") async throws -> Response {
        let boundary = "----wrtest" + UUID().uuidString
        var body = Data()
        var all = fields
        if !all.contains(where: { $0.0 == "_csrf" }), let token = lastToken { all.append(("_csrf", token)) }
        for (name, value) in all {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(fileField)\"; filename=\"\(filename)\"\r\nContent-Type: \(contentType)\r\n\r\n".utf8))
        body.append(file)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        return try await send("POST", path, body: body, contentType: "multipart/form-data; boundary=\(boundary)")
    }

    /// Sets a cookie by hand (a copied cookie replayed by someone else).
    func setCookie(_ name: String, _ value: String) {
        cookies[name] = value
    }

    func login(_ login: String, password: String) async throws {
        try await get("/login")
        let response = try await post("/login", [("username", login), ("password", password), ("next", "/")])
        guard response.status == 303 else { throw WebClientError(description: "login as \(login) answered \(response.status)") }
    }

    private func send(_ method: String, _ path: String, body: Data?, contentType: String?) async throws -> Response {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        request.httpBody = body
        if let contentType { request.setValue(contentType, forHTTPHeaderField: "Content-Type") }
        if !cookies.isEmpty {
            request.setValue(cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; "), forHTTPHeaderField: "Cookie")
        }
        let (data, urlResponse) = try await session.data(for: request)
        let http = urlResponse as! HTTPURLResponse
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields {
            headers[String(describing: key).lowercased()] = String(describing: value)
        }
        let setCookies = WebClient.splitSetCookie(headers["set-cookie"])
        for cookie in setCookies {
            let pair = cookie.split(separator: ";", maxSplits: 1)[0]
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { continue }
            let name = String(parts[0]).trimmingCharacters(in: .whitespaces)
            let value = String(parts[1])
            if value.isEmpty || cookie.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
        let response = Response(status: http.statusCode, headers: headers, setCookies: setCookies, body: String(decoding: data, as: UTF8.self))
        if let token = response.csrfToken { lastToken = token }
        return response
    }

    /// Foundation joins several Set-Cookie fields with ", "; split them again at cookie starts.
    static func splitSetCookie(_ value: String?) -> [String] {
        guard let value, !value.isEmpty else { return [] }
        var result: [String] = []
        var current = ""
        for part in value.components(separatedBy: ", ") {
            // A part starts a new cookie when it begins with `name=` (an Expires date never does).
            if let equals = part.firstIndex(of: "="), !part[..<equals].contains(";"), !part[..<equals].contains(" "), !current.isEmpty {
                result.append(current)
                current = part
            } else {
                current = current.isEmpty ? part : current + ", " + part
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}

struct WebClientError: Error, CustomStringConvertible {
    let description: String
}
