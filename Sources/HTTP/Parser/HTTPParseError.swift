/// Why a request was refused before it reached a handler. Each case maps to the status the server
/// answers with; the connection is closed afterwards, because the framing can no longer be trusted.
///
/// `description` names the rule only; it never contains request bytes.
public struct HTTPParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The rule that was broken.
    public enum Code: String, Sendable {
        case requestLineTooLong, headerFieldTooLong, headersTooLarge, tooManyHeaderFields
        case invalidMethod, unknownMethod, invalidTarget, invalidVersion, unsupportedVersion
        case bareCarriageReturn, bareLineFeed, invalidCharacter, obsoleteLineFolding
        case whitespaceBeforeColon, invalidFieldName, missingHost, duplicateHost, invalidHost
        case invalidContentLength, duplicateContentLength, contentLengthWithTransferEncoding
        case unsupportedTransferEncoding, transferEncodingInHTTP10
        case invalidChunkSize, invalidChunkExtension, missingChunkLineEnd, invalidTrailer
        case bodyTooLarge, unsupportedExpectation, invalidPathEncoding, requestTimeout
    }

    /// The rule that was broken.
    public let code: Code

    /// Creates an error for `code`.
    public init(_ code: Code) { self.code = code }

    /// The status the server answers with.
    public var status: HTTPStatus {
        switch code {
        case .requestLineTooLong: .uriTooLong
        case .headerFieldTooLong, .headersTooLarge, .tooManyHeaderFields: .requestHeaderFieldsTooLarge
        case .unknownMethod: .notImplemented
        case .unsupportedVersion: .httpVersionNotSupported
        case .bodyTooLarge: .contentTooLarge
        case .unsupportedExpectation: .expectationFailed
        case .requestTimeout: .requestTimeout
        default: .badRequest
        }
    }

    /// The rule's name, safe to log.
    public var description: String { "HTTP request rejected: \(code.rawValue)" }
}
