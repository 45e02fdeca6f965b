extension Connection {
    /// Serialises a response into the output buffer: status line, `Date`, the security headers
    /// (those the response does not set itself), the response's own fields, `Content-Length`,
    /// `X-Request-Id`, `Connection`, then the body unless the request was HEAD or the status forbids one.
    func encode(_ response: HTTPResponse, omitBody: Bool, keepAliveHeader: Bool) {
        let context = loop.context
        let output = self.output
        output.reserve(512 + response.body.count)
        output.append("HTTP/1.1 ")
        output.append(decimal: response.status.code)
        output.append(" ")
        output.append(response.status.reason)
        output.append("\r\n")
        output.append(loop.dateLine)

        var overridden = false
        for field in response.headers where context.securityNames.contains(where: { HTTPHeaders.equalsIgnoringCase($0, field.name) }) {
            overridden = true
            break
        }
        if !overridden {
            output.append(context.securityBlock)
        } else {
            for field in context.configuration.securityHeaders where !response.headers.contains(field.name) {
                appendField(field.name, field.value)
            }
        }
        for field in response.headers {
            guard Self.isSafeField(field.name, field.value) else {
                context.logger.error("response field dropped: invalid name or value", metadata: [
                    "request.id": requestID, "http.field": Self.isSafeName(field.name) ? field.name : "(invalid)",
                ])
                continue
            }
            if HTTPHeaders.equalsIgnoringCase(field.name, "Content-Length") || HTTPHeaders.equalsIgnoringCase(field.name, "Connection") {
                continue  // ours to set
            }
            appendField(field.name, field.value)
        }
        let sendsBody = !response.status.forbidsBody
        if sendsBody {
            output.append("Content-Length: ")
            output.append(decimal: response.body.count)
            output.append("\r\n")
        }
        output.append("X-Request-Id: ")
        output.append(requestID)
        output.append("\r\n")
        if closingAfterResponse {
            output.append("Connection: close\r\n")
        } else if keepAliveHeader {
            output.append("Connection: keep-alive\r\n")
        }
        output.append("\r\n")
        if sendsBody, !omitBody { output.append(response.body) }
    }

    private func appendField(_ name: String, _ value: String) {
        output.append(name)
        output.append(": ")
        output.append(value)
        output.append("\r\n")
    }

    static func isSafeName(_ name: String) -> Bool { CharacterClass.isToken(name.utf8) }

    /// A handler's field must be a token name and a value without CR, LF or other controls, or it
    /// could split the response.
    static func isSafeField(_ name: String, _ value: String) -> Bool {
        guard isSafeName(name) else { return false }
        var value = value
        return value.withUTF8 { bytes in
            CharacterClass.table.withUnsafeBufferPointer { table in
                for byte in bytes where table[Int(byte)] & CharacterClass.fieldValue == 0 { return false }
                return true
            }
        }
    }
}
