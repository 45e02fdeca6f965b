public import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How we talk HTTP to providers (discovery, JWKS, the token endpoint): https only, bounded in time
/// and size, never following a redirect.
public struct ProviderHTTPPolicy: Sendable {
    /// Allows plain http to a loopback address literal (127.0.0.0/8, ::1), for development and tests.
    /// A host name such as `localhost` never counts: its resolution is not ours to trust.
    public let allowInsecureLoopback: Bool
    /// Seconds a whole request may take (rounded up to whole seconds, at least one).
    public let timeout: TimeInterval
    /// Larger answers are refused (``OIDCError/Code/providerResponseTooLarge``) without being read
    /// further.
    public let maximumResponseBytes: Int

    /// A policy; the defaults suit production.
    public init(allowInsecureLoopback: Bool, timeout: TimeInterval = 10, maximumResponseBytes: Int = 1 << 20) {
        self.allowInsecureLoopback = allowInsecureLoopback
        self.timeout = max(1, timeout.rounded(.up))
        self.maximumResponseBytes = max(1, maximumResponseBytes)
    }

    /// Throws ``OIDCError/Code/insecureTransport`` unless `url` is https with a host (or, when
    /// allowed, http to a loopback address literal), without user information or fragment.
    public func check(_ url: URL) throws(OIDCError) {
        guard let host = url.host, !host.isEmpty, url.user == nil, url.password == nil, url.fragment == nil else {
            throw OIDCError(.insecureTransport, detail: "not an absolute URL with a host: \(OIDCError.quote(url.absoluteString))")
        }
        switch url.scheme?.lowercased() {
        case "https":
            return
        case "http" where allowInsecureLoopback && Self.isLoopbackLiteral(host):
            return
        default:
            throw OIDCError(.insecureTransport, detail: "not https: \(OIDCError.quote(url.absoluteString))")
        }
    }

    /// Whether `host` is an IPv4 address in 127.0.0.0/8 or the IPv6 address ::1, written as such.
    static func isLoopbackLiteral(_ host: String) -> Bool {
        var bare = host
        if bare.hasPrefix("["), bare.hasSuffix("]") { bare = String(bare.dropFirst().dropLast()) }
        var v4 = in_addr()
        if inet_pton(AF_INET, bare, &v4) == 1 {
            return UInt32(bigEndian: v4.s_addr) >> 24 == 127
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, bare, &v6) == 1 {
            return withUnsafeBytes(of: &v6) { $0.elementsEqual([UInt8](repeating: 0, count: 15) + [1]) }
        }
        return false
    }
}
