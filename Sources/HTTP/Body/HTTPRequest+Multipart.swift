import Glibc

extension HTTPRequest {
    /// Parses a `multipart/form-data` body (the CSV upload) into its parts, strictly: the body must
    /// start with the boundary, every part needs `Content-Disposition: form-data; name=…`, part
    /// headers are bounded, and at most `maximumParts` parts are accepted. The whole body is already
    /// held to the route's limit. Throws `HTTPError` 415 for another media type, 400 when malformed.
    public func multipart(maximumParts: Int = 32) throws(HTTPError) -> [MultipartPart] {
        guard mediaType == "multipart/form-data", let contentType = headers["Content-Type"] else {
            throw HTTPError(.unsupportedMediaType, code: "multipart.mediaType")
        }
        guard let boundary = Self.boundary(in: contentType) else { throw HTTPError(.badRequest, code: "multipart.boundary") }
        return try MultipartParser(body: body, boundary: Array(boundary.utf8), maximumParts: maximumParts).parse()
    }

    static func boundary(in contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2, pair[0].trimmingOWS().lowercased() == "boundary" else { continue }
            var value = String(pair[1].trimmingOWS())
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            // RFC 2046 §5.1.1: 1 to 70 printable characters, not ending in a space.
            guard (1...70).contains(value.utf8.count), value.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }), value.utf8.last != 0x20 else {
                return nil
            }
            return value
        }
        return nil
    }
}

/// The parser behind `HTTPRequest.multipart()`.
struct MultipartParser {
    let body: [UInt8]
    let boundary: [UInt8]
    let maximumParts: Int
    static let maximumPartHead = 8 * 1024

    func parse() throws(HTTPError) -> [MultipartPart] {
        let dashBoundary = Array("--".utf8) + boundary
        let delimiter = Array("\r\n--".utf8) + boundary
        guard body.starts(with: dashBoundary) else { throw Self.malformed("start") }
        var index = dashBoundary.count
        var parts: [MultipartPart] = []
        while true {
            // After a boundary: `--` ends the body, CRLF starts a part.
            if body[index...].starts(with: [0x2D, 0x2D]) { return parts }
            guard body[index...].starts(with: [0x0D, 0x0A]) else { throw Self.malformed("boundaryLine") }
            index += 2
            guard parts.count < maximumParts else { throw HTTPError(.contentTooLarge, code: "multipart.tooManyParts") }
            guard let headEnd = find([0x0D, 0x0A, 0x0D, 0x0A], from: index, within: Self.maximumPartHead + 4) else {
                throw Self.malformed("partHead")
            }
            let headers = try parseHeaders(body[index..<headEnd])
            let contentStart = headEnd + 4
            guard let contentEnd = find(delimiter, from: contentStart, within: nil) else { throw Self.malformed("unterminated") }
            guard let disposition = headers["Content-Disposition"] else { throw Self.malformed("disposition") }
            let parameters = Self.dispositionParameters(disposition)
            guard parameters.type == "form-data", let name = parameters.values["name"] else { throw Self.malformed("disposition") }
            parts.append(MultipartPart(
                name: name, filename: parameters.values["filename"], contentType: headers["Content-Type"],
                headers: headers, body: Array(body[contentStart..<contentEnd])
            ))
            index = contentEnd + delimiter.count
        }
    }

    private static func malformed(_ what: String) -> HTTPError { HTTPError(.badRequest, code: "multipart.\(what)") }

    private func find(_ needle: [UInt8], from start: Int, within window: Int?) -> Int? {
        let end = window.map { min(body.count, start + $0) } ?? body.count
        guard start <= end, end - start >= needle.count else { return nil }
        return body.withUnsafeBufferPointer { haystack -> Int? in
            needle.withUnsafeBufferPointer { pattern -> Int? in
                let first = pattern[0]
                var index = start
                let last = end - pattern.count
                while index <= last {
                    if haystack[index] == first,
                       memcmp(haystack.baseAddress! + index, pattern.baseAddress!, pattern.count) == 0 {
                        return index
                    }
                    index += 1
                }
                return nil
            }
        }
    }

    private func parseHeaders(_ bytes: ArraySlice<UInt8>) throws(HTTPError) -> HTTPHeaders {
        var headers = HTTPHeaders()
        guard !bytes.isEmpty else { return headers }
        var lines: [ArraySlice<UInt8>] = []
        var lineStart = bytes.startIndex
        var i = bytes.startIndex
        while i < bytes.endIndex {
            if bytes[i] == 0x0D {
                guard i + 1 < bytes.endIndex, bytes[i + 1] == 0x0A else { throw Self.malformed("partHeader") }
                lines.append(bytes[lineStart..<i])
                i += 2
                lineStart = i
                continue
            }
            guard bytes[i] != 0x0A else { throw Self.malformed("partHeader") }
            i += 1
        }
        lines.append(bytes[lineStart..<bytes.endIndex])
        for line in lines {
            guard let colon = line.firstIndex(of: 0x3A), CharacterClass.isToken(line[line.startIndex..<colon]) else {
                throw Self.malformed("partHeader")
            }
            let value = line[(colon + 1)...]
            guard value.allSatisfy({ CharacterClass.table[Int($0)] & CharacterClass.fieldValue != 0 }) else { throw Self.malformed("partHeader") }
            headers.add(String(decoding: line[line.startIndex..<colon], as: UTF8.self),
                        String(String(decoding: value, as: UTF8.self)[...].trimmingOWS()))
        }
        return headers
    }

    /// `form-data; name="field"; filename="list.csv"` → type and parameters (quoted-string unescaped).
    static func dispositionParameters(_ value: String) -> (type: String, values: [String: String]) {
        var values: [String: String] = [:]
        var scalars = Substring(value)
        let type = String(scalars.prefix { $0 != ";" }.trimmingOWS()).lowercased()
        scalars = scalars.drop { $0 != ";" }
        while scalars.first == ";" {
            scalars = scalars.dropFirst().drop { $0 == " " || $0 == "\t" }
            let key = String(scalars.prefix { $0 != "=" && $0 != ";" }.trimmingOWS()).lowercased()
            scalars = scalars.drop { $0 != "=" && $0 != ";" }
            guard scalars.first == "=" else { continue }
            scalars = scalars.dropFirst()
            var parsed = ""
            if scalars.first == "\"" {
                scalars = scalars.dropFirst()
                while let character = scalars.first, character != "\"" {
                    if character == "\\", scalars.count > 1 {
                        scalars = scalars.dropFirst()
                    }
                    parsed.append(scalars.first!)
                    scalars = scalars.dropFirst()
                }
                scalars = scalars.dropFirst()
                scalars = scalars.drop { $0 != ";" }
            } else {
                parsed = String(scalars.prefix { $0 != ";" }.trimmingOWS())
                scalars = scalars.drop { $0 != ";" }
            }
            if values[key] == nil { values[key] = parsed }
        }
        return (type, values)
    }
}
