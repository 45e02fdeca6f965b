public import Foundation

extension HTTPRequest {
    /// Decodes a JSON body. Throws `HTTPError` 415 unless the media type is `application/json` and
    /// 400 when the body does not decode (the decoder's message is not kept: it may quote the body).
    public func decodeJSON<Value: Decodable>(_ type: Value.Type, decoder: JSONDecoder = JSONDecoder()) throws(HTTPError) -> Value {
        guard mediaType == "application/json" else { throw HTTPError(.unsupportedMediaType, code: "json.mediaType") }
        do {
            return try decoder.decode(type, from: Data(body))
        } catch {
            throw HTTPError(.badRequest, code: "json.invalid")
        }
    }
}
