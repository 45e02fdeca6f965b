/// The static files of the interface, compiled into the binary so a deployment is one file and the
/// assets can never drift from the code. Each is served under a fingerprinted name
/// (`/assets/app.3f2a….css`) with a long cache lifetime; pages are never cached.
public struct Assets: Sendable {
    /// One static file.
    public struct Asset: Sendable {
        /// The fingerprinted path it is served under.
        public let path: String
        /// Its media type.
        public let contentType: String
        /// Its bytes.
        public let body: [UInt8]
    }

    /// The stylesheet.
    public let stylesheet: Asset
    /// The script (quick exit, error summary focus, upload progress).
    public let script: Asset

    /// Every asset by its path.
    public var all: [Asset] { [stylesheet, script] }

    /// The URLs pages link to.
    public var urls: AssetURLs { AssetURLs(stylesheet: stylesheet.path, script: script.path) }

    /// The assets of this build.
    public static let bundled = Assets(
        stylesheet: Assets.make(name: "app", ext: "css", contentType: "text/css; charset=utf-8", text: Stylesheet.text),
        script: Assets.make(name: "app", ext: "js", contentType: "text/javascript; charset=utf-8", text: Script.text)
    )

    static func make(name: String, ext: String, contentType: String, text: String) -> Asset {
        let bytes = Array(text.utf8)
        return Asset(path: "/assets/\(name).\(fingerprint(bytes)).\(ext)", contentType: contentType, body: bytes)
    }

    /// FNV-1a (64 bit) of the content: a cache key, not a security measure.
    static func fingerprint(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return String(String(hash, radix: 16).leftPadded(to: 16).prefix(12))
    }
}

/// Where pages find the assets.
public struct AssetURLs: Sendable {
    /// The stylesheet's URL.
    public let stylesheet: String
    /// The script's URL.
    public let script: String
}
