extension HTTPRequest {
    /// The media type of the body without parameters, lowercased (`multipart/form-data`), or nil.
    public var mediaType: String? {
        guard let value = headers["Content-Type"] else { return nil }
        let type = value.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return type.trimmingOWS().lowercased()
    }

    /// The body as a URL-encoded form. Throws `HTTPError` 415 for another media type and 400 for
    /// malformed encoding, so a handler's `try` answers the client correctly.
    public func form() throws(HTTPError) -> FormData {
        guard mediaType == "application/x-www-form-urlencoded" else {
            throw HTTPError(.unsupportedMediaType, code: "form.mediaType")
        }
        return try FormData(parsing: body)
    }
}
