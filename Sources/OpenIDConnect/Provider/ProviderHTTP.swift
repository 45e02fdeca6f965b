import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Synchronization

/// The HTTP client for provider calls, over FoundationNetworking's URLSession (libcurl and OpenSSL
/// from the toolchain and Debian; no TLS code of ours).
///
/// The session is ephemeral (no cookies, no cache, no stored credentials). Every answer is read
/// through ``Transfers``, which refuses redirects, counts bytes as they arrive and cancels a transfer
/// the moment it exceeds the policy's size, so a hostile provider cannot make us buffer gigabytes.
/// URLSession does its I/O on its own threads; callers await without blocking the concurrency pool.
final class ProviderHTTP: Sendable {
    /// The rules every call follows.
    let policy: ProviderHTTPPolicy
    private let session: URLSession
    private let transfers: Transfers

    init(policy: ProviderHTTPPolicy) {
        self.policy = policy
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = policy.timeout
        configuration.timeoutIntervalForResource = policy.timeout
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.urlCache = nil
        configuration.urlCredentialStorage = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        transfers = Transfers(maximumBytes: policy.maximumResponseBytes)
        session = URLSession(configuration: configuration, delegate: transfers, delegateQueue: nil)
    }

    deinit {
        // The session holds its delegate until invalidated.
        session.finishTasksAndInvalidate()
    }

    /// GETs a JSON document; anything but 200 is an error.
    func get(_ url: URL) async throws(OIDCError) -> Data {
        try policy.check(url)
        var request = URLRequest(url: url)
        request.httpMethod = "GET"
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        let (response, body) = try await perform(request)
        guard response.statusCode == 200 else {
            throw OIDCError(.providerHTTPStatus, httpStatus: response.statusCode, detail: "GET \(Self.endpoint(url))")
        }
        return body
    }

    /// POSTs `form` as `application/x-www-form-urlencoded` with `headers`; returns any status but a
    /// redirect, with the body.
    func post(_ url: URL, form: [(String, String)], headers: [String: String]) async throws(OIDCError) -> (status: Int, body: Data) {
        try policy.check(url)
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.httpBody = Data(FormEncoding.encode(form).utf8)
        let (response, body) = try await perform(request)
        return (response.statusCode, body)
    }

    private func perform(_ request: URLRequest) async throws(OIDCError) -> (HTTPURLResponse, Data) {
        var request = request
        request.timeoutInterval = policy.timeout
        request.httpShouldHandleCookies = false
        let task = session.dataTask(with: request)
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                transfers.start(task, continuation: continuation)
            }
        } onCancel: {
            task.cancel()
        }
        let (response, body) = try result.get()
        if (300..<400).contains(response.statusCode) {
            throw OIDCError(.providerRedirected, httpStatus: response.statusCode, detail: "\(request.httpMethod ?? "") \(Self.endpoint(request.url))")
        }
        return (response, body)
    }

    /// Scheme, host, port and path of `url`: never its query, which could carry a value.
    static func endpoint(_ url: URL?) -> String {
        guard let url, let scheme = url.scheme, let host = url.host else { return "?" }
        return OIDCError.quote("\(scheme)://\(host)\(url.port.map { ":\($0)" } ?? "")\(url.path)")
    }
}

/// The session's delegate: one record per running transfer, the size limit, no redirects.
private final class Transfers: NSObject, URLSessionDataDelegate, Sendable {
    typealias Outcome = Result<(HTTPURLResponse, Data), OIDCError>

    private struct Transfer {
        let continuation: CheckedContinuation<Outcome, Never>
        var response: HTTPURLResponse?
        var body = Data()
        /// Set when we cancelled the transfer ourselves, so the completion reports why.
        var failure: OIDCError?
    }

    private let maximumBytes: Int
    private let running = Mutex<[Int: Transfer]>([:])

    init(maximumBytes: Int) {
        self.maximumBytes = maximumBytes
    }

    /// Registers `task` before it starts, so no callback can arrive for an unknown transfer.
    func start(_ task: URLSessionDataTask, continuation: CheckedContinuation<Outcome, Never>) {
        running.withLock { $0[task.taskIdentifier] = Transfer(continuation: continuation) }
        task.resume()
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        // Never follow: the 3xx itself comes back as the answer and is refused.
        completionHandler(nil)
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        let tooLarge = response.expectedContentLength > Int64(maximumBytes)
        running.withLock { running in
            running[dataTask.taskIdentifier]?.response = response as? HTTPURLResponse
            if tooLarge { running[dataTask.taskIdentifier]?.failure = Self.tooLarge(declared: true) }
        }
        completionHandler(tooLarge ? .cancel : .allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let exceeded = running.withLock { running -> Bool in
            guard var transfer = running[dataTask.taskIdentifier], transfer.failure == nil else { return false }
            guard transfer.body.count + data.count <= maximumBytes else {
                transfer.failure = Self.tooLarge(declared: false)
                transfer.body = Data()
                running[dataTask.taskIdentifier] = transfer
                return true
            }
            running[dataTask.taskIdentifier] = nil  // no copy of the body while appending
            transfer.body.append(data)
            running[dataTask.taskIdentifier] = transfer
            return false
        }
        if exceeded { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        guard let transfer = running.withLock({ $0.removeValue(forKey: task.taskIdentifier) }) else { return }
        transfer.continuation.resume(returning: Self.outcome(transfer, error: error, response: task.response))
    }

    private static func outcome(_ transfer: Transfer, error: (any Error)?, response: URLResponse?) -> Outcome {
        if let failure = transfer.failure { return .failure(failure) }
        if let error { return .failure(classify(error)) }
        guard let http = transfer.response ?? response as? HTTPURLResponse else {
            return .failure(OIDCError(.providerUnreachable, detail: "no HTTP response"))
        }
        return .success((http, transfer.body))
    }

    private static func tooLarge(declared: Bool) -> OIDCError {
        OIDCError(.providerResponseTooLarge, detail: declared ? "declared Content-Length over the limit" : "body over the limit")
    }

    /// A transport failure as a provider failure: a timeout, or unreachable with URLError's code.
    private static func classify(_ error: any Error) -> OIDCError {
        guard let error = error as? URLError else {
            return OIDCError(.providerUnreachable, detail: String(describing: type(of: error)))
        }
        // libcurl's own text ("SSL certificate problem: unable to get local issuer certificate",
        // "Couldn't connect to server") tells an operator what is wrong; it never holds a request body.
        let reason = (error.userInfo[NSLocalizedDescriptionKey] as? String).map { ": " + OIDCError.quote($0) } ?? ""
        switch error.code {
        case .timedOut: return OIDCError(.providerTimeout, detail: "URLError \(error.errorCode)\(reason)")
        default: return OIDCError(.providerUnreachable, detail: "URLError \(error.errorCode)\(reason)")
        }
    }
}
