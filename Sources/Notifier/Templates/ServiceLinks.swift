public import Foundation

/// The service's public addresses that notifications point to: deployment configuration, never
/// event data, so a link never says what happened.
///
/// Every employee- and support-side notification points to ``login``, the one start page where
/// everybody logs in and the service then shows what is theirs; a link per event would tell an
/// onlooker what the message is about. Manager reminders also link to the guide for asking the
/// question and to the manager's team page.
public struct ServiceLinks: Sendable, Equatable {
    /// The start page, e.g. `https://medarbetarstod.ostersund.se`.
    public let login: String
    /// The guide for managers on asking the question (*vägledning*).
    public let guide: String
    /// The manager's own team page, where talks are planned and recorded.
    public let team: String

    /// Default path of the managers' guide.
    public static let defaultGuidePath = "/chef/vagledning"
    /// Default path of the manager's team page.
    public static let defaultTeamPath = "/chef/team"

    /// Builds the links from the public base URL; `nil` unless `base` is an absolute `https` URL
    /// (or `http` on a loopback host, for a developer's machine) without user, query or fragment,
    /// and the paths are plain absolute paths.
    public init?(base: URL, guidePath: String = ServiceLinks.defaultGuidePath, teamPath: String = ServiceLinks.defaultTeamPath) {
        guard let components = URLComponents(url: base, resolvingAgainstBaseURL: false),
              let scheme = components.scheme?.lowercased(), let host = components.host, !host.isEmpty,
              components.user == nil, components.password == nil, components.query == nil, components.fragment == nil,
              scheme == "https" || (scheme == "http" && ServiceLinks.isLoopbackHost(host)),
              ServiceLinks.isPlainPath(guidePath), ServiceLinks.isPlainPath(teamPath)
        else { return nil }
        var root = base.absoluteString
        while root.hasSuffix("/") { root.removeLast() }
        guard root.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 0x20 && $0.value < 0x7F }) else { return nil }
        login = root
        guide = root + guidePath
        team = root + teamPath
    }

    static func isLoopbackHost(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }

    private static func isPlainPath(_ path: String) -> Bool {
        path.hasPrefix("/") && path.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "/-_.".unicodeScalars.contains(scalar))
        }
    }
}
