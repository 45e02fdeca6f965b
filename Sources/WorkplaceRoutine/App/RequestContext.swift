import Foundation
import HTML
import HTTP

/// What a handler knows about the request it is answering: the language, the session (if any), the
/// parsed form of a POST, and how to render a page in the frame every page shares.
struct RequestContext: Sendable {
    /// The request.
    let request: HTTPRequest
    /// The page language.
    let language: Language
    /// The logged-in session, if any.
    let session: Session?
    /// The POST form, already parsed and CSRF-checked.
    let form: FormData?
    /// The token public forms echo (double-submit cookie) when there is no session.
    let publicFormToken: String?
    /// Asset URLs.
    let assets: AssetURLs

    /// Texts in the page language.
    var texts: Texts { .of(language) }

    /// The token to put in a form's `_csrf` field.
    var csrfToken: String { session?.csrfToken ?? publicFormToken ?? "" }

    /// The viewer for the layout.
    var viewer: Viewer? {
        session.map { Viewer(displayName: $0.displayName, roles: $0.roles, csrfToken: $0.csrfToken) }
    }

    /// A new form state for re-showing a form, with the language's screen-reader error prefix.
    func formState(_ form: FormData? = nil) -> FormState {
        var values: [String: [String]] = [:]
        for pair in (form ?? self.form)?.pairs ?? [] where pair.name != CSRFField.fieldName {
            values[pair.name, default: []].append(pair.value)
        }
        return FormState(values: values, errorPrefix: texts.common.errorPrefix)
    }

    /// Renders `content` in the shared frame.
    func page(_ title: String, status: HTTPStatus = .ok, refresh: String? = nil, @NodeBuilder content: () -> [Node]) -> HTTPResponse {
        let page = Page(title: title, texts: texts, viewer: viewer, path: request.path, assets: assets, refresh: refresh,
                        content: content)
        return .html(page.render(), status: status)
    }

    /// A page with only a heading, a text and a link home (errors, confirmations).
    func message(_ title: String, _ text: String, status: HTTPStatus = .ok) -> HTTPResponse {
        page(title, status: status) {
            Node.h1(title)
            Node.p(text)
            Node.p { Node.a(.href("/"), text: texts.common.backToStart) }
        }
    }
}
