public import HTML

/// Who is looking at a page, as far as the layout needs to know (navigation, logout form).
public struct Viewer: Sendable {
    /// Name shown in the header.
    public var displayName: String
    /// The roles the account holds, which decide the navigation.
    public var roles: Set<Role>
    /// The session's CSRF token for the logout form.
    public var csrfToken: String

    /// Makes a viewer.
    public init(displayName: String, roles: Set<Role>, csrfToken: String) {
        self.displayName = displayName
        self.roles = roles
        self.csrfToken = csrfToken
    }
}

/// The frame every page shares: skip link, quick exit, header with navigation and language switch,
/// the main landmark, and a footer with the safety advice.
///
/// Titles are neutral by design ("Kontakt – Medarbetarstöd"), because a title shows up in browser
/// history, tabs and screen sharing.
public struct Page: Sendable {
    /// The page's own title, shown before the service name.
    public var title: String
    /// The texts in the page's language.
    public var texts: Texts
    /// The logged-in person, if any.
    public var viewer: Viewer?
    /// The path of this page, so the language switch can come back here.
    public var path: String
    /// The main content.
    public var content: [Node]
    /// Asset URLs (fingerprinted for caching).
    public var assets: AssetURLs
    /// Where the browser goes on by itself at once (`<meta http-equiv="refresh">`), if anywhere: a
    /// navigation the page itself starts, after a sign-in returns from a provider (so same-site cookies
    /// are sent) or on the way to a provider's logout (which a form's redirect may not reach under
    /// the `form-action 'self'` policy). The page also shows a link there.
    public var refresh: String?

    /// Makes a page.
    public init(title: String, texts: Texts, viewer: Viewer?, path: String, assets: AssetURLs, refresh: String? = nil,
                @NodeBuilder content: () -> [Node]) {
        self.title = title
        self.texts = texts
        self.viewer = viewer
        self.path = path
        self.assets = assets
        self.refresh = refresh
        self.content = content()
    }

    /// Renders the whole document.
    public func render() -> String {
        let common = texts.common
        let document = Document(language: texts.language.code) {
            Node.meta(.charset("utf-8"))
            Node.meta(Attribute("name", "viewport"), .content("width=device-width, initial-scale=1"))
            Node.meta(Attribute("name", "referrer"), .content("no-referrer"))
            Node.meta(Attribute("name", "robots"), .content("noindex, nofollow"))
            if let refresh {
                Node.meta(Attribute("http-equiv", "refresh"), .content("0;url=" + refresh))
            }
            Node.title("\(title) – \(common.serviceName)")
            Node.link(.rel("stylesheet"), .href(assets.stylesheet))
            Node.script(src: assets.script, .defer)
        } body: {
            Node.a(.class("skip-link"), .href("#main"), text: common.skipToContent)
            QuickExit(texts: common)
            header
            Node.main(.id("main"), .tabindex(-1)) {
                content
            }
            footer
        }
        return document.render()
    }

    private var header: Node {
        let common = texts.common
        return Node.header(.class("site-header")) {
            Node.div(.class("site-header__inner")) {
                Node.a(.class("site-name"), .href("/"), text: common.serviceName)
                Node.a(.class("language-switch"), .href(LanguageSwitch.href(to: texts.language.other, returnTo: path)),
                       .lang(texts.language.other.code), .hreflang(texts.language.other.code),
                       text: common.otherLanguageName)
            }
            if let viewer {
                Node.nav(.class("main-nav"), .aria("label", common.mainNavigation)) {
                    Node.ul {
                        for item in Page.navigation(for: viewer.roles, texts: common) {
                            Node.li {
                                Node.a(.href(item.href), Page.isCurrent(item.href, path) ? .aria("current", "page") : Attribute("data-nav", "item"), text: item.label)
                            }
                        }
                    }
                }
                Node.div(.class("account-bar")) {
                    Node.p(.class("signed-in"), text: common.signedInAs(viewer.displayName))
                    Node.form(.method("post"), .action("/logout"), .class("inline-form")) {
                        CSRFField(token: viewer.csrfToken)
                        Node.button(.type("submit"), .class("button button--secondary"), text: common.logOut)
                    }
                }
            } else {
                Node.nav(.class("main-nav"), .aria("label", common.mainNavigation)) {
                    Node.ul {
                        Node.li { Node.a(.href("/stod"), Page.isCurrent("/stod", path) ? .aria("current", "page") : Attribute("data-nav", "item"), text: common.navContact) }
                    }
                }
            }
        }
    }

    private var footer: Node {
        Node.footer(.class("site-footer")) {
            Node.p { Node.a(.href("/stod/sakerhet"), text: texts.common.safetyAdvice) }
            Node.p(.class("footer-note"), text: texts.common.footerNote)
        }
    }

    struct NavigationItem {
        let href: String
        let label: String
    }

    static func navigation(for roles: Set<Role>, texts: CommonTexts) -> [NavigationItem] {
        var items: [NavigationItem] = []
        if roles.contains(.manager) {
            items.append(NavigationItem(href: "/team", label: texts.navTeam))
            items.append(NavigationItem(href: "/guide", label: texts.navGuide))
        }
        if roles.contains(.employee) { items.append(NavigationItem(href: "/mine", label: texts.navMine)) }
        if roles.contains(.support) { items.append(NavigationItem(href: "/inbox", label: texts.navInbox)) }
        if roles.contains(.director) { items.append(NavigationItem(href: "/overview", label: texts.navOverview)) }
        if roles.contains(.admin) { items.append(NavigationItem(href: "/admin", label: texts.navAdmin)) }
        if roles.contains(.overview) { items.append(NavigationItem(href: "/organisations", label: texts.navOrganisations)) }
        items.append(NavigationItem(href: "/stod", label: texts.navContact))
        return items
    }

    static func isCurrent(_ href: String, _ path: String) -> Bool {
        path == href || path.hasPrefix(href + "/")
    }
}

/// The URL that switches language and comes back to the same page.
enum LanguageSwitch {
    static func href(to language: Language, returnTo path: String) -> String {
        "/language?to=\(language.code)&return=\(percentEncode(safeReturnPath(path)))"
    }

    /// Only local absolute paths are followed back (no `//host`, no scheme), so the switch cannot be
    /// used to redirect anyone elsewhere.
    static func safeReturnPath(_ path: String) -> String {
        guard path.hasPrefix("/"), !path.hasPrefix("//"), !path.hasPrefix("/\\"),
              !path.unicodeScalars.contains(where: { $0.value < 0x20 || $0 == "\\" }) else { return "/" }
        return path
    }

    static func percentEncode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }
}

extension String {
    func leftPadded(to length: Int, with pad: Character = "0") -> String {
        count >= length ? self : String(repeating: pad, count: length - count) + self
    }
}
