import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
public import Observability

/// Sends SMS through the operator's HTTP gateway: one JSON POST per message.
///
/// Built on URLSession from the toolchain's FoundationNetworking rather than our own socket
/// client, because gateways are on the internet and need HTTPS, and the product ships no TLS code
/// of its own: URLSession's libcurl and OpenSSL come with the toolchain and Debian. The session is
/// ephemeral (no cookies, no cache, no stored credentials) and never follows a redirect, so the
/// token goes to the configured URL only. URLSession does its own I/O on its own threads; nothing
/// here blocks the concurrency pool.
public final class SMSGateway: Sendable {
    /// The gateway and how to talk to it.
    public let configuration: SMSGatewayConfiguration
    private let session: URLSession
    private let logger: Logger

    /// Creates the gateway client after checking the configuration; throws
    /// ``SMSGatewayError/Code/invalidConfiguration``.
    public init(configuration: SMSGatewayConfiguration, logger: Logger) throws(SMSGatewayError) {
        try configuration.validate()
        self.configuration = configuration
        self.logger = logger
        let sessionConfiguration = URLSessionConfiguration.ephemeral
        // FoundationNetworking on Linux counts timeouts in whole seconds and treats anything under
        // one second as "already expired"; round up so the configured time is a lower bound.
        let seconds = max(1, Double(configuration.timeout.components.seconds) + (configuration.timeout.components.attoseconds > 0 ? 1 : 0))
        sessionConfiguration.timeoutIntervalForRequest = seconds
        sessionConfiguration.timeoutIntervalForResource = seconds
        sessionConfiguration.httpCookieStorage = nil
        sessionConfiguration.httpShouldSetCookies = false
        sessionConfiguration.urlCache = nil
        sessionConfiguration.urlCredentialStorage = nil
        sessionConfiguration.requestCachePolicy = .reloadIgnoringLocalCacheData
        session = URLSession(configuration: sessionConfiguration, delegate: RefuseRedirects(), delegateQueue: nil)
    }

    deinit {
        session.finishTasksAndInvalidate()
    }

    /// Sends `text` to `number`; returns once the gateway answered 2xx.
    public func send(_ text: String, to number: PhoneNumber) async throws(SMSGatewayError) {
        guard !text.isEmpty else { throw SMSGatewayError(.invalidMessage, detail: "empty text") }
        var request = URLRequest(url: configuration.url)
        request.httpMethod = "POST"
        request.timeoutInterval = session.configuration.timeoutIntervalForRequest
        request.setValue("application/json; charset=utf-8", forHTTPHeaderField: "Content-Type")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        request.setValue(configuration.tokenPrefix + configuration.token, forHTTPHeaderField: configuration.tokenHeader)
        request.httpBody = configuration.body.render(to: number.e164, text: text, from: configuration.sender)

        let response: URLResponse
        do {
            (_, response) = try await session.data(for: request)
        } catch let error as URLError {
            throw SMSGatewayError.classify(error)
        } catch is CancellationError {
            throw SMSGatewayError(.cancelled)
        } catch {
            throw SMSGatewayError(.transportFailed, detail: String(describing: type(of: error)))
        }
        guard let http = response as? HTTPURLResponse else {
            throw SMSGatewayError(.transportFailed, detail: "response is not HTTP")
        }
        logger.debug("SMS gateway answered", metadata: ["sms.status": String(http.statusCode)])
        let retryAfter = (http.value(forHTTPHeaderField: "Retry-After")).flatMap(SMSGateway.retryAfter)
        if let failure = SMSGatewayError.classify(status: http.statusCode, retryAfter: retryAfter) {
            throw failure
        }
    }

    /// `Retry-After` in seconds (the HTTP-date form is ignored), at most a day.
    static func retryAfter(_ value: String) -> Duration? {
        guard let seconds = Int(value.trimmingCharacters(in: .whitespaces)), seconds >= 0 else { return nil }
        return .seconds(min(seconds, 86_400))
    }
}

/// Answers every redirect with "do not follow": the 3xx comes back as the response and is
/// classified as a wrong endpoint.
private final class RefuseRedirects: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(
        _ session: URLSession,
        task: URLSessionTask,
        willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest,
        completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}
