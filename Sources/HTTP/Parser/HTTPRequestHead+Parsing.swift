extension HTTPRequestHead {
    /// Builds the head from what `parser` found in `bytes`, applying the semantic rules of
    /// RFC 9112 that llhttp applies by default: one valid Content-Length at most, never together with
    /// Transfer-Encoding, `chunked` as the only transfer coding, exactly one Host on HTTP/1.1.
    init(parsed parser: HTTPHeadParser, bytes: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) {
        let versionBytes = UnsafeBufferPointer(rebasing: bytes[parser.versionStart..<parser.versionEnd])
        version = try Self.parseVersion(versionBytes)

        let methodBytes = UnsafeBufferPointer(rebasing: bytes[parser.requestStart..<parser.methodEnd])
        guard let known = HTTPMethod.known(methodBytes) else { throw HTTPParseError(.unknownMethod) }
        method = known

        let targetBytes = UnsafeBufferPointer(rebasing: bytes[parser.targetStart..<parser.targetEnd])
        target = String(decoding: targetBytes, as: UTF8.self)
        let (pathBytes, queryBytes) = try Self.splitTarget(targetBytes, method: known)
        rawPath = String(decoding: pathBytes, as: UTF8.self)
        query = queryBytes.map { String(decoding: $0, as: UTF8.self) }
        path = try PercentDecoding.decodePath(pathBytes)

        var fields: [HTTPHeaders.Field] = []
        fields.reserveCapacity(parser.fields.count)
        var hostCount = 0
        var contentLength: Int?
        var transferCodings: [String] = []
        var sawTransferEncoding = false
        var closeRequested = false
        var keepAliveRequested = false
        var expectsContinue = false
        for field in parser.fields {
            let name = UnsafeBufferPointer(rebasing: bytes[field.nameStart..<field.nameEnd])
            let value = UnsafeBufferPointer(rebasing: bytes[field.valueStart..<field.valueEnd])
            let valueText = String(decoding: value, as: UTF8.self)
            switch Self.special(name) {
            case .host:
                hostCount += 1
                guard hostCount == 1 else { throw HTTPParseError(.duplicateHost) }
                guard Self.isValidHost(value) else { throw HTTPParseError(.invalidHost) }
            case .contentLength:
                guard contentLength == nil else { throw HTTPParseError(.duplicateContentLength) }
                contentLength = try Self.parseContentLength(value)
            case .transferEncoding:
                sawTransferEncoding = true
                for coding in valueText.split(separator: ",", omittingEmptySubsequences: false) {
                    transferCodings.append(coding.trimmingOWS().lowercased())
                }
            case .connection:
                for option in valueText.split(separator: ",") {
                    let token = option.trimmingOWS().lowercased()
                    if token == "close" { closeRequested = true }
                    if token == "keep-alive" { keepAliveRequested = true }
                }
            case .expect:
                guard valueText.lowercased() == "100-continue" else { throw HTTPParseError(.unsupportedExpectation) }
                expectsContinue = true
            case .other:
                break
            }
            fields.append((name: String(decoding: name, as: UTF8.self), value: valueText))
        }
        headers = HTTPHeaders(fields: fields)

        if version == .http11, hostCount == 0 { throw HTTPParseError(.missingHost) }
        if sawTransferEncoding {
            if version == .http10 { throw HTTPParseError(.transferEncodingInHTTP10) }
            if contentLength != nil { throw HTTPParseError(.contentLengthWithTransferEncoding) }
            // We decode no other coding, so anything but exactly `chunked` would be misframed.
            guard transferCodings == ["chunked"] else { throw HTTPParseError(.unsupportedTransferEncoding) }
            framing = .chunked
        } else if let contentLength, contentLength > 0 {
            framing = .length(contentLength)
        } else {
            framing = .none
        }
        keepAlive = version == .http11 ? !closeRequested : (keepAliveRequested && !closeRequested)
        self.expectsContinue = expectsContinue && framing != .none
    }

    private enum SpecialField { case host, contentLength, transferEncoding, connection, expect, other }

    private static func special(_ name: UnsafeBufferPointer<UInt8>) -> SpecialField {
        switch name.count {
        case 4 where equalsLowercase(name, "host"): .host
        case 6 where equalsLowercase(name, "expect"): .expect
        case 10 where equalsLowercase(name, "connection"): .connection
        case 14 where equalsLowercase(name, "content-length"): .contentLength
        case 17 where equalsLowercase(name, "transfer-encoding"): .transferEncoding
        default: .other
        }
    }

    private static func equalsLowercase(_ bytes: UnsafeBufferPointer<UInt8>, _ lowercase: StaticString) -> Bool {
        let expected = UnsafeBufferPointer(start: lowercase.utf8Start, count: lowercase.utf8CodeUnitCount)
        guard bytes.count == expected.count else { return false }
        for index in 0..<bytes.count {
            var byte = bytes[index]
            if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            if byte != expected[index] { return false }
        }
        return true
    }

    private static func parseVersion(_ bytes: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> HTTPVersion {
        // Exactly `HTTP/` DIGIT `.` DIGIT (RFC 9112 §2.3); the name is case-sensitive.
        guard bytes.count == 8, equalsExactly(bytes, "HTTP/"), isDigit(bytes[5]), bytes[6] == 0x2E, isDigit(bytes[7]) else {
            throw HTTPParseError(.invalidVersion)
        }
        switch (bytes[5], bytes[7]) {
        case (0x31, 0x31): return .http11
        case (0x31, 0x30): return .http10
        default: throw HTTPParseError(.unsupportedVersion)
        }
    }

    private static func equalsExactly(_ bytes: UnsafeBufferPointer<UInt8>, _ prefix: StaticString) -> Bool {
        let expected = UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
        guard bytes.count >= expected.count else { return false }
        for index in 0..<expected.count where bytes[index] != expected[index] { return false }
        return true
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// Splits origin-form (`/path?query`) or absolute-form (`http://authority/path?query`); `*` only
    /// for OPTIONS. Authority-form belongs to CONNECT, which is not implemented.
    private static func splitTarget(
        _ target: UnsafeBufferPointer<UInt8>, method: HTTPMethod
    ) throws(HTTPParseError) -> (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>?) {
        var pathStart = 0
        if target.count == 1, target[0] == 0x2A {
            guard method == .options else { throw HTTPParseError(.invalidTarget) }
            return (target, nil)
        }
        if target.first != 0x2F {
            let lower = String(decoding: target.prefix(8), as: UTF8.self).lowercased()
            let schemeLength = lower.hasPrefix("http://") ? 7 : lower.hasPrefix("https://") ? 8 : 0
            guard schemeLength > 0 else { throw HTTPParseError(.invalidTarget) }
            var index = schemeLength
            while index < target.count, target[index] != 0x2F, target[index] != 0x3F { index += 1 }
            guard index > schemeLength, index < target.count, target[index] == 0x2F else { throw HTTPParseError(.invalidTarget) }
            pathStart = index
        }
        var queryStart: Int?
        for index in pathStart..<target.count where target[index] == 0x3F {
            queryStart = index
            break
        }
        guard let queryStart else { return (UnsafeBufferPointer(rebasing: target[pathStart...]), nil) }
        return (
            UnsafeBufferPointer(rebasing: target[pathStart..<queryStart]),
            UnsafeBufferPointer(rebasing: target[(queryStart + 1)...])
        )
    }

    /// Content-Length is 1*DIGIT: no sign, no inner space, no list, and small enough to be real.
    private static func parseContentLength(_ value: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> Int {
        guard !value.isEmpty, value.count <= 15 else { throw HTTPParseError(.invalidContentLength) }
        var result = 0
        for byte in value {
            guard isDigit(byte) else { throw HTTPParseError(.invalidContentLength) }
            result = result * 10 + Int(byte - 0x30)
        }
        return result
    }

    /// `uri-host [":" port]`: reg-name, IPv4 or an IP-literal in brackets; never empty.
    private static func isValidHost(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !value.isEmpty else { return false }
        for byte in value {
            switch byte {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: continue
            case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "!"),
                UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"),
                UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="),
                UInt8(ascii: ":"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "%"):
                continue
            default: return false
            }
        }
        return true
    }
}

extension HTTPHeaders {
    init(fields: [Field]) { self.fields = fields }
}

extension Substring {
    /// Without leading and trailing SP / HTAB (optional whitespace).
    func trimmingOWS() -> Substring {
        var result = self
        while let first = result.first, first == " " || first == "\t" { result = result.dropFirst() }
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}
