import Glibc

/// A TCP connection to the relay for one conversation, used from one dedicated thread.
///
/// The socket is non-blocking and every wait is a `poll(2)` bounded by a deadline and woken by the
/// task's ``CancellationSignal``, so a silent relay costs at most its timeout and a shutting-down
/// worker is never held up. Reads go through a buffer; a line longer than the caller's limit is a
/// protocol error before it can use up memory.
final class SMTPSocket {
    private var descriptor: Int32
    private let cancellation: CancellationSignal
    private var buffer: [UInt8] = []
    private var bufferStart = 0
    /// Whether the connected address is on this machine (127.0.0.0/8, ::1 or ::ffff:127.x).
    let peerIsLoopback: Bool

    private init(descriptor: Int32, cancellation: CancellationSignal, peerIsLoopback: Bool) {
        self.descriptor = descriptor
        self.cancellation = cancellation
        self.peerIsLoopback = peerIsLoopback
    }

    deinit { close() }

    /// Resolves `host` and connects to the first address that answers before `deadline`.
    ///
    /// Name resolution (`getaddrinfo`) cannot be interrupted and is not bounded by the deadline; the
    /// relay is expected to be given as an address or a name in `/etc/hosts`.
    static func connect(
        host: String,
        port: UInt16,
        deadline: ContinuousClock.Instant,
        cancellation: CancellationSignal
    ) throws(SMTPError) -> SMTPSocket {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            throw SMTPError(.connectFailed, stage: .connect, detail: "name resolution failed: \(String(cString: gai_strerror(status)))")
        }
        defer { freeaddrinfo(list) }

        var lastError: SMTPError = SMTPError(.connectFailed, stage: .connect, detail: "no address to connect to")
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let info = entry {
            entry = info.pointee.ai_next
            guard let address = info.pointee.ai_addr else { continue }
            let kind = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
            let descriptor = socket(info.pointee.ai_family, kind, info.pointee.ai_protocol)
            guard descriptor >= 0 else {
                lastError = SMTPError(.connectFailed, stage: .connect, systemErrorNumber: errno, detail: "socket")
                continue
            }
            let socket = SMTPSocket(descriptor: descriptor, cancellation: cancellation, peerIsLoopback: isLoopback(address))
            do {
                try socket.finishConnect(address, length: info.pointee.ai_addrlen, deadline: deadline)
                return socket
            } catch {
                socket.close()
                // A timeout or cancellation ends the attempt; a refusal tries the next address.
                if error.code == .timeout || error.code == .cancelled { throw error }
                lastError = error
            }
        }
        throw lastError
    }

    private func finishConnect(_ address: UnsafePointer<sockaddr>, length: socklen_t, deadline: ContinuousClock.Instant) throws(SMTPError) {
        if Glibc.connect(descriptor, address, length) == 0 { return }
        let failure = errno
        guard failure == EINPROGRESS || failure == EINTR else {
            throw SMTPError(.connectFailed, stage: .connect, systemErrorNumber: failure)
        }
        try wait(for: Int16(POLLOUT), deadline: deadline, stage: .connect)
        var result: Int32 = 0
        var resultLength = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &result, &resultLength) == 0 else {
            throw SMTPError(.connectFailed, stage: .connect, systemErrorNumber: errno, detail: "getsockopt")
        }
        guard result == 0 else {
            throw SMTPError(.connectFailed, stage: .connect, systemErrorNumber: result)
        }
    }

    /// Closes the connection; further calls fail as dropped.
    func close() {
        if descriptor >= 0 {
            Glibc.close(descriptor)
            descriptor = -1
        }
    }

    /// Reads one line, without its line break (CRLF, or a bare LF from a lax relay).
    func readLine(limit: Int, deadline: ContinuousClock.Instant, stage: SMTPError.Stage) throws(SMTPError) -> [UInt8] {
        while true {
            if let newline = buffer[bufferStart...].firstIndex(of: UInt8(ascii: "\n")) {
                var end = newline
                if end > bufferStart, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                let line = Array(buffer[bufferStart..<end])
                bufferStart = newline + 1
                if bufferStart == buffer.count {
                    buffer.removeAll(keepingCapacity: true)
                    bufferStart = 0
                }
                guard line.count <= limit else {
                    throw SMTPError(.protocolError, stage: stage, detail: "reply line longer than \(limit) octets")
                }
                return line
            }
            guard buffer.count - bufferStart <= limit + 2 else {
                throw SMTPError(.protocolError, stage: stage, detail: "reply line longer than \(limit) octets")
            }
            try fill(deadline: deadline, stage: stage)
        }
    }

    /// Writes all of `bytes` before `deadline`.
    func write(_ bytes: [UInt8], deadline: ContinuousClock.Instant, stage: SMTPError.Stage) throws(SMTPError) {
        var offset = 0
        while offset < bytes.count {
            guard descriptor >= 0 else { throw SMTPError(.connectionDropped, stage: stage, detail: "connection closed") }
            let sent = bytes.withUnsafeBytes { raw in
                Glibc.send(descriptor, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
            }
            if sent > 0 {
                offset += sent
                continue
            }
            let failure = errno
            switch failure {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: try wait(for: Int16(POLLOUT), deadline: deadline, stage: stage)
            default: throw SMTPError(.connectionDropped, stage: stage, systemErrorNumber: failure)
            }
        }
    }

    private func fill(deadline: ContinuousClock.Instant, stage: SMTPError.Stage) throws(SMTPError) {
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            guard descriptor >= 0 else { throw SMTPError(.connectionDropped, stage: stage, detail: "connection closed") }
            let received = chunk.withUnsafeMutableBytes { raw in recv(descriptor, raw.baseAddress, raw.count, 0) }
            if received > 0 {
                if bufferStart > 0 {
                    buffer.removeFirst(bufferStart)
                    bufferStart = 0
                }
                buffer += chunk[0..<received]
                return
            }
            if received == 0 {
                throw SMTPError(.connectionDropped, stage: stage, detail: "closed by the relay")
            }
            let failure = errno
            switch failure {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: try wait(for: Int16(POLLIN), deadline: deadline, stage: stage)
            default: throw SMTPError(.connectionDropped, stage: stage, systemErrorNumber: failure)
            }
        }
    }

    /// Waits until the socket is ready for `events` (or has failed, which the next call reports),
    /// the deadline passes, or the task is cancelled.
    private func wait(for events: Int16, deadline: ContinuousClock.Instant, stage: SMTPError.Stage) throws(SMTPError) {
        while true {
            if cancellation.isFired { throw SMTPError(.cancelled, stage: stage) }
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else { throw SMTPError(.timeout, stage: stage) }
            let (seconds, attoseconds) = remaining.components
            let milliseconds = min(Int64(Int32.max), seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1)
            var descriptors = [
                pollfd(fd: descriptor, events: events, revents: 0),
                pollfd(fd: cancellation.descriptor, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&descriptors, cancellation.descriptor >= 0 ? 2 : 1, Int32(milliseconds))
            if ready < 0 {
                let failure = errno
                if failure == EINTR { continue }
                throw SMTPError(.connectionDropped, stage: stage, systemErrorNumber: failure, detail: "poll")
            }
            if descriptors[1].revents != 0 { throw SMTPError(.cancelled, stage: stage) }
            if descriptors[0].revents != 0 { return }
        }
    }
}

extension SMTPSocket {
    /// Whether `address` (IPv4 or IPv6) is a loopback address.
    static func isLoopback(_ address: UnsafePointer<sockaddr>) -> Bool {
        switch Int32(address.pointee.sa_family) {
        case AF_INET:
            return address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { pointer in
                var value = pointer.pointee.sin_addr
                return isLoopback(addressBytes: withUnsafeBytes(of: &value) { Array($0) })
            }
        case AF_INET6:
            return address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { pointer in
                var value = pointer.pointee.sin6_addr
                return isLoopback(addressBytes: withUnsafeBytes(of: &value) { Array($0) })
            }
        default:
            return false
        }
    }

    /// Whether the address in network byte order (4 bytes for IPv4, 16 for IPv6) is loopback:
    /// 127.0.0.0/8, ::1, or ::ffff:127.0.0.0/104 (IPv4-mapped).
    static func isLoopback(addressBytes bytes: [UInt8]) -> Bool {
        switch bytes.count {
        case 4:
            return bytes[0] == 127
        case 16:
            if bytes[0..<15].allSatisfy({ $0 == 0 }) && bytes[15] == 1 { return true }
            return bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF && bytes[12] == 127
        default:
            return false
        }
    }

    /// Whether a numeric IPv4 or IPv6 address is loopback; `nil` when `text` is not a numeric address.
    static func isLoopback(numericAddress text: String) -> Bool? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            return isLoopback(addressBytes: withUnsafeBytes(of: &v4) { Array($0) })
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 {
            return isLoopback(addressBytes: withUnsafeBytes(of: &v6) { Array($0) })
        }
        return nil
    }
}
