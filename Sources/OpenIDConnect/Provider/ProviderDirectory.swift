import Foundation

/// The providers we have talked to: discovery documents and key sets cached per issuer with an
/// expiry, and the code exchange.
///
/// A provider rotates keys by publishing the new key, then signing with it. A token whose `kid` is
/// not in the cached set therefore refetches the key set, at most once per `refetchInterval` per
/// issuer (a flood of tokens with invented `kid`s cannot make us hammer the provider), so rotation
/// needs no restart. Concurrent requests for the same document share one fetch.
public actor ProviderDirectory {
    private struct Cached<Value: Sendable>: Sendable {
        let value: Value
        let expires: ContinuousClock.Instant
    }

    /// Everything known about one issuer; ``forget(issuer:)`` drops it whole.
    private struct Provider {
        var metadata: Cached<ProviderMetadata>?
        var keys: Cached<JSONWebKeySet>?
        /// When an unknown kid last forced a refetch: the rate limit's reference.
        var lastForcedKeysFetch: ContinuousClock.Instant?
        var metadataFetch: Task<Result<ProviderMetadata, OIDCError>, Never>?
        var keysFetch: Task<Result<JSONWebKeySet, OIDCError>, Never>?
    }

    let http: ProviderHTTP
    private let metadataLifetime: Duration
    private let keysLifetime: Duration
    private let refetchInterval: Duration
    /// The time for expiry and the rate limit: the continuous clock, moved forward in tests.
    private let now: @Sendable () -> ContinuousClock.Instant
    private var providers: [String: Provider] = [:]

    /// A directory with its own HTTP client following `policy`.
    public init(
        policy: ProviderHTTPPolicy, metadataLifetime: Duration = .seconds(3600), keysLifetime: Duration = .seconds(3600),
        refetchInterval: Duration = .seconds(30)
    ) {
        self.init(
            policy: policy, metadataLifetime: metadataLifetime, keysLifetime: keysLifetime, refetchInterval: refetchInterval,
            now: { ContinuousClock.now })
    }

    /// The same with another idea of the time, for tests of expiry and the rate limit.
    init(
        policy: ProviderHTTPPolicy, metadataLifetime: Duration, keysLifetime: Duration, refetchInterval: Duration,
        now: @escaping @Sendable () -> ContinuousClock.Instant
    ) {
        http = ProviderHTTP(policy: policy)
        self.metadataLifetime = metadataLifetime
        self.keysLifetime = keysLifetime
        self.refetchInterval = refetchInterval
        self.now = now
    }

    /// Fetches (or returns cached) discovery; the document's `issuer` must equal the configured issuer
    /// exactly, and every endpoint in it must be allowed by the policy.
    public func metadata(issuer: String) async throws(OIDCError) -> ProviderMetadata {
        if let cached = providers[issuer]?.metadata, cached.expires > now() { return cached.value }
        let fetch: Task<Result<ProviderMetadata, OIDCError>, Never>
        if let running = providers[issuer]?.metadataFetch {
            fetch = running
        } else {
            let http = self.http
            // Detached: parsing and OpenSSL's key checks run off this actor.
            fetch = Task.detached {
                do throws(OIDCError) {
                    let url = try Self.discoveryURL(issuer: issuer, policy: http.policy)
                    return .success(try ProviderMetadata.parse(try await http.get(url), issuer: issuer, policy: http.policy))
                } catch {
                    return .failure(error)
                }
            }
            providers[issuer, default: Provider()].metadataFetch = fetch
        }
        let result = await fetch.value
        // Only the first waiter stores, and nothing is stored after forget(issuer:) ran meanwhile.
        if providers[issuer]?.metadataFetch == fetch {
            providers[issuer]?.metadataFetch = nil
            if case .success(let metadata) = result {
                providers[issuer]?.metadata = Cached(value: metadata, expires: now() + metadataLifetime)
            }
        }
        return try result.get()
    }

    /// Cached key set; when `kid` is non-nil and absent from the cached set, refetches once
    /// (rate-limited), then returns whatever it has. An expired set is refetched; if that fails, the
    /// provider's failure is thrown rather than trusting keys past their lifetime.
    public func keys(issuer: String, needing kid: String?) async throws(OIDCError) -> JSONWebKeySet {
        let metadata = try await metadata(issuer: issuer)
        let current = now()
        var forced = false
        if let cached = providers[issuer]?.keys, cached.expires > current {
            guard let kid, !cached.value.contains(keyID: kid) else { return cached.value }
            // Only refetches that an unknown kid forced count against the interval: a key set fetched a
            // moment ago because it was missing or expired must not keep a rotation out for that long.
            if let last = providers[issuer]?.lastForcedKeysFetch, current - last < refetchInterval, providers[issuer]?.keysFetch == nil {
                return cached.value
            }
            forced = true
        }
        let fetch: Task<Result<JSONWebKeySet, OIDCError>, Never>
        if let running = providers[issuer]?.keysFetch {
            fetch = running
        } else {
            let http = self.http
            let url = metadata.jwksURI
            fetch = Task.detached {
                do throws(OIDCError) {
                    return .success(try JSONWebKeySet(json: try await http.get(url)))
                } catch {
                    return .failure(error)
                }
            }
            providers[issuer, default: Provider()].keysFetch = fetch
            if forced { providers[issuer]?.lastForcedKeysFetch = current }
        }
        let result = await fetch.value
        if providers[issuer]?.keysFetch == fetch {
            providers[issuer]?.keysFetch = nil
            if case .success(let keys) = result {
                providers[issuer]?.keys = Cached(value: keys, expires: now() + keysLifetime)
            }
        }
        return try result.get()
    }

    /// Drops everything cached for `issuer`, including the rate limit; a fetch still running is not
    /// stored when it ends.
    public func forget(issuer: String) {
        providers[issuer] = nil
    }

    /// `<issuer>/.well-known/openid-configuration` (OpenID Connect Discovery 4.1: a trailing `/` of the
    /// issuer is dropped first). The issuer must be a URL the policy allows, without query or fragment.
    static func discoveryURL(issuer: String, policy: ProviderHTTPPolicy) throws(OIDCError) -> URL {
        guard let issuerURL = URL(string: issuer), issuerURL.query == nil, issuerURL.fragment == nil else {
            throw OIDCError(.insecureTransport, detail: "issuer is not a URL without query: \(OIDCError.quote(issuer))")
        }
        try policy.check(issuerURL)
        let base = issuer.hasSuffix("/") ? String(issuer.dropLast()) : issuer
        guard let url = URL(string: base + "/.well-known/openid-configuration") else {
            throw OIDCError(.insecureTransport, detail: "no discovery URL for \(OIDCError.quote(issuer))")
        }
        return url
    }
}
