import Foundation

/// How we prove to the token endpoint that we are the client (OpenID Connect Core section 9).
public enum ClientAuthentication: String, Sendable, CaseIterable {
    /// `client_id` and `client_secret` in the form body.
    case post = "client_secret_post"
    /// `Authorization: Basic base64(urlencode(client_id):urlencode(client_secret))` (RFC 6749 2.3.1).
    case basic = "client_secret_basic"

    /// The form fields and headers that carry the credentials.
    func credentials(clientID: String, clientSecret: String) -> (form: [(String, String)], headers: [String: String]) {
        switch self {
        case .post:
            return ([("client_id", clientID), ("client_secret", clientSecret)], [:])
        case .basic:
            let pair = FormEncoding.component(clientID) + ":" + FormEncoding.component(clientSecret)
            return ([], ["Authorization": "Basic " + Data(pair.utf8).base64EncodedString()])
        }
    }
}
