import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Resolves host names before libpq sees them. `PQconnectPoll` would call the blocking
/// `getaddrinfo` on the event loop thread; instead the name is resolved on a thread of its own and
/// libpq gets the addresses as `hostaddr` (the name stays in `host` for TLS verification).
enum HostResolver {
    /// True when the host is a name (not a socket directory, not a numeric address).
    static func needsResolution(_ configuration: PostgresConfiguration) -> Bool {
        guard let host = configuration.host, !configuration.usesUnixSocket else { return false }
        return !isNumericAddress(host)
    }

    static func isNumericAddress(_ host: String) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 16)
        return inet_pton(AF_INET, host, &buffer) == 1 || inet_pton(AF_INET6, host, &buffer) == 1
    }

    /// The libpq parameters, with names resolved off the concurrency pool when needed.
    static func parameters(for configuration: PostgresConfiguration) async throws -> [(String, String)] {
        guard needsResolution(configuration) else { return configuration.libpqParameters() }
        return try await withCheckedThrowingContinuation { continuation in
            resolveOnThread(configuration) { continuation.resume(with: $0) }
        }
    }

    static func resolveOnThread(
        _ configuration: PostgresConfiguration, completion: @escaping @Sendable (Result<[(String, String)], any Error>) -> Void
    ) {
        Thread.detachNewThread { completion(resolve(configuration)) }
    }

    private static func resolve(_ configuration: PostgresConfiguration) -> Result<[(String, String)], any Error> {
        guard let host = configuration.host else { return .success(configuration.libpqParameters()) }
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, nil, &hints, &list)
        guard status == 0, let first = list else {
            var error = PostgresError(code: .connectionFailed, operation: .connect, reason: "could not resolve host name")
            error.clientMessage = String(cString: gai_strerror(status))
            return .failure(error)
        }
        defer { freeaddrinfo(list) }
        var addresses: [String] = []
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let entry = cursor {
            var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
            if entry.pointee.ai_family == AF_INET {
                entry.pointee.ai_addr.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { address in
                    var raw = address.pointee.sin_addr
                    _ = inet_ntop(AF_INET, &raw, &text, socklen_t(text.count))
                }
            } else if entry.pointee.ai_family == AF_INET6 {
                entry.pointee.ai_addr.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { address in
                    var raw = address.pointee.sin6_addr
                    _ = inet_ntop(AF_INET6, &raw, &text, socklen_t(text.count))
                }
            }
            let address = String(decoding: text.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if !address.isEmpty, !addresses.contains(address) { addresses.append(address) }
            cursor = entry.pointee.ai_next
        }
        guard !addresses.isEmpty else {
            return .failure(PostgresError(code: .connectionFailed, operation: .connect, reason: "host name has no address"))
        }
        var parameters = configuration.libpqParameters().filter { $0.0 != "host" }
        // libpq pairs the n-th host with the n-th hostaddr and tries them in order.
        parameters.append(("host", Array(repeating: host, count: addresses.count).joined(separator: ",")))
        parameters.append(("hostaddr", addresses.joined(separator: ",")))
        return .success(parameters)
    }
}
