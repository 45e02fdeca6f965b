import CSystem
import Glibc

/// A blocking TCP client that sends raw bytes and reads raw responses, so tests see exactly what
/// goes over the wire. Every read has a timeout, so a broken server fails a test instead of hanging it.
final class RawClient {
    struct Response {
        var statusLine: String
        var headers: [(name: String, value: String)]
        var body: [UInt8]
        var status: Int { Int(statusLine.split(separator: " ")[1]) ?? 0 }
        var bodyText: String { String(decoding: body, as: UTF8.self) }
        func header(_ name: String) -> String? { headers.first { $0.name.lowercased() == name.lowercased() }?.value }
        func headers(_ name: String) -> [String] { headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value) }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let descriptor: Int32
    private var buffer: [UInt8] = []

    init(port: Int, timeoutMilliseconds: Int32 = 5000) throws {
        descriptor = csystem_connect_tcp("127.0.0.1", Int32(port))
        guard descriptor >= 0 else { throw Failure(description: "connect failed: errno \(errno)") }
        _ = csystem_set_io_timeout(descriptor, timeoutMilliseconds)
    }

    deinit { Glibc.close(descriptor) }

    func send(_ text: String) throws { try send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { csystem_send(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { throw Failure(description: "send failed: errno \(errno)") }
            offset += count
        }
    }

    /// Reads more bytes; nil on EOF, throws on timeout or error.
    private func fill() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        if count > 0 {
            buffer.append(contentsOf: chunk[0..<count])
            return true
        }
        if count == 0 { return false }
        throw Failure(description: "recv failed or timed out: errno \(errno)")
    }

    /// Reads one response; `bodyless` for answers to HEAD (Content-Length without a body).
    func readResponse(bodyless: Bool = false) throws -> Response {
        while true {
            if let end = find([13, 10, 13, 10]) {
                let headText = String(decoding: buffer[0..<end], as: UTF8.self)
                var lines = headText.components(separatedBy: "\r\n")
                let statusLine = lines.removeFirst()
                let headers = lines.map { line -> (name: String, value: String) in
                    let parts = line.split(separator: ":", maxSplits: 1)
                    return (String(parts[0]), parts.count > 1 ? String(parts[1].drop { $0 == " " }) : "")
                }
                var response = Response(statusLine: statusLine, headers: headers, body: [])
                let length = bodyless || response.status == 100 || response.status == 204 || response.status == 304
                    ? 0 : Int(response.header("Content-Length") ?? "0") ?? 0
                while buffer.count < end + 4 + length {
                    guard try fill() else { throw Failure(description: "EOF inside a body") }
                }
                response.body = Array(buffer[(end + 4)..<(end + 4 + length)])
                buffer.removeFirst(end + 4 + length)
                return response
            }
            guard try fill() else { throw Failure(description: "EOF before a response (\(buffer.count) bytes buffered)") }
        }
    }

    /// Whether the server has closed the connection (EOF) with no further bytes.
    func isClosedByServer() -> Bool {
        guard buffer.isEmpty else { return false }
        do { return try !fill() } catch { return false }
    }

    /// Whether nothing at all arrives before the read timeout (the connection is open and quiet).
    func staysQuiet() -> Bool {
        do {
            _ = try fill()  // data or EOF: not quiet
            return false
        } catch {
            return buffer.isEmpty
        }
    }

    /// Everything until EOF (or the timeout).
    func readToEnd() -> [UInt8] {
        while (try? fill()) == true {}
        defer { buffer.removeAll() }
        return buffer
    }

    private func find(_ needle: [UInt8]) -> Int? {
        guard buffer.count >= needle.count else { return nil }
        for index in 0...(buffer.count - needle.count) where buffer[index] == needle[0] {
            if Array(buffer[index..<(index + needle.count)]) == needle { return index }
        }
        return nil
    }
}
