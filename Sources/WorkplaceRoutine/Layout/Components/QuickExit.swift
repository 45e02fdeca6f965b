import HTML

/// The quick-exit control on every page (GOV.UK "Exit this page" pattern).
///
/// Without script it is a plain link to `/exit`, which ends the session and redirects to a neutral
/// site. With `app.js` a click or three presses of Shift blank the page at once before leaving.
/// The hint is visually hidden but read by screen readers, so keyboard users learn the shortcut.
struct QuickExit: Component {
    let texts: CommonTexts

    var body: [Node] {
        Node.div(.class("quick-exit")) {
            Node.a(.href("/exit"), .class("quick-exit__button"), .data("quick-exit", ""), .rel("nofollow noreferrer"), text: texts.quickExit)
            Node.p(.class("visually-hidden"), text: texts.quickExitHint)
        }
    }
}
