import CSystem
import Glibc
import Observability

/// One client connection: reads requests one at a time, runs the handler, writes the response, and
/// only then looks at the next pipelined request, so responses leave in request order. It belongs to
/// one event loop; every method runs on that loop's thread (handler completions are brought back
/// there), which is why it is `@unchecked Sendable`.
final class Connection: @unchecked Sendable {
    enum Phase {
        /// Between requests (or before the first): no byte of the next request yet.
        case idle
        /// Part of a request head has arrived.
        case head
        /// The head is complete; the body is being read.
        case body
        /// The handler runs.
        case handling
        /// The answer is out and our side is shut; we wait for the client's FIN.
        case lingering
        case closed
    }

    let descriptor: Int32
    let generation: UInt32
    let peer: String
    unowned(unsafe) let loop: EventLoop
    private let context: ServerContext

    private(set) var phase = Phase.idle
    /// Monotonic nanoseconds after which `deadlinePassed()` acts; 0 for none.
    var deadline: UInt64 = 0
    private let input = IOBuffer()
    let output = IOBuffer()
    private var parser: HTTPHeadParser
    private var chunked: ChunkedDecoder?
    /// Edge-triggered epoll: true until a read comes back short or with EAGAIN.
    private var readable = true
    private var waitingForWritable = false
    private var peerClosed = false
    private var closeAfterResponse = false
    var closingAfterResponse: Bool { closeAfterResponse }

    // The request in progress.
    private var head: HTTPRequestHead?
    private var route: HTTPRoute?
    private var body: [UInt8] = []
    private var bodyRemaining = 0
    private var requestStarted: UInt64 = 0
    private(set) var requestID = ""

    /// Stop working on pipelined requests while this much response data waits for the client.
    private static let outputHighWater = 256 * 1024
    private static let readChunk = 16 * 1024

    init(descriptor: Int32, generation: UInt32, peer: String, loop: EventLoop) {
        self.descriptor = descriptor
        self.generation = generation
        self.peer = peer
        self.loop = loop
        context = loop.context
        parser = HTTPHeadParser(limits: loop.context.configuration.limits)
    }

    func start() {
        // The first request gets the head timeout (a connection that never speaks is just closed).
        deadline = loop.now + min(context.headerTimeout, context.idleTimeout)
        if loop.shuttingDown { closeAfterResponse = true }
    }

    // MARK: Events

    func handle(events: UInt32) {
        if events & CSYSTEM_EPOLLOUT != 0, waitingForWritable {
            writeReady()
        }
        if events & (CSYSTEM_EPOLLIN | CSYSTEM_EPOLLHUP | CSYSTEM_EPOLLERR | CSYSTEM_EPOLLRDHUP) != 0 {
            readable = true
            switch phase {
            case .lingering: drainWhileLingering()
            case .idle, .head, .body: if !waitingForWritable { process() }
            case .handling, .closed: break
            }
        }
    }

    private func writeReady() {
        guard flush() else { return }
        if closeAfterResponse, phase != .handling {
            closeGracefully()
        } else if phase == .idle || phase == .head || phase == .body {
            process()
        }
    }

    // MARK: Reading requests

    /// Works through buffered and readable bytes until a handler runs, more bytes are needed, or the
    /// connection ends.
    private func process() {
        while true {
            switch phase {
            case .idle, .head:
                if !input.isEmpty {
                    if phase == .idle {
                        phase = .head
                        deadline = loop.now + context.headerTimeout
                    }
                    switch parser.parse(input.readable) {
                    case .complete(let length):
                        guard startRequest(headLength: length) else { return }
                        continue
                    case .failed(let error):
                        reject(error)
                        return
                    case .needMore:
                        break
                    }
                }
                guard readMore(limit: context.configuration.limits.maximumHeadSize) else { return }
            case .body:
                if !input.isEmpty, readBody() { return }
                if phase != .body { return }
                guard readMore(limit: Self.readChunk * 4) else { return }
            case .handling, .lingering, .closed:
                return
            }
        }
    }

    /// Reads into the input buffer; false when nothing more can be read now (or the connection ended).
    private func readMore(limit: Int) -> Bool {
        guard readable else { return false }
        if input.readableCount >= limit {
            // The parser fails a head before this; a body is consumed as it arrives.
            reject(HTTPParseError(.headersTooLarge))
            return false
        }
        input.reserve(min(Self.readChunk, limit - input.readableCount))
        let wanted = input.writableCount
        while true {
            let count = read(descriptor, input.writable, wanted)
            if count > 0 {
                input.writerIndex += count
                // A short read on a stream socket means the kernel buffer is empty for now.
                if count < wanted { readable = false }
                return true
            }
            if count == 0 {
                peerClosed = true
                readable = false
                endOfInput()
                return false
            }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK:
                readable = false
                input.releaseIfEmpty(keepingAtMost: 4096)
                return false
            default:
                close()
                return false
            }
        }
    }

    /// The client sent FIN. A request still to be answered is answered; a partial one is dropped.
    private func endOfInput() {
        switch phase {
        case .handling:
            closeAfterResponse = true
        case .idle, .head, .body, .lingering:
            close()
        case .closed:
            break
        }
    }

    /// A complete head: validate, choose the route, check the body against its limit.
    private func startRequest(headLength: Int) -> Bool {
        let parsed: Result<HTTPRequestHead, HTTPParseError> = {
            do throws(HTTPParseError) {
                return .success(try HTTPRequestHead(parsed: parser, bytes: input.readable))
            } catch {
                return .failure(error)
            }
        }()
        input.consume(headLength)
        parser.reset()
        let head: HTTPRequestHead
        switch parsed {
        case .success(let value): head = value
        case .failure(let error):
            reject(error)
            return false
        }
        requestStarted = loop.now
        let route = context.responder.route(for: head)
        self.head = head
        self.route = route
        if !head.keepAlive || loop.shuttingDown { closeAfterResponse = true }
        switch head.framing {
        case .none:
            dispatch()
            return true
        case .length(let length):
            guard length <= route.bodyLimit else {
                reject(HTTPParseError(.bodyTooLarge))
                return false
            }
            bodyRemaining = length
            body = []
            body.reserveCapacity(length)
        case .chunked:
            chunked = ChunkedDecoder(limits: context.configuration.limits)
            body = []
        }
        phase = .body
        deadline = loop.now + context.bodyTimeout
        if head.expectsContinue, input.isEmpty {
            output.append("HTTP/1.1 100 Continue\r\n\r\n")
            _ = flush()
        }
        return true
    }

    /// Moves body bytes out of the input buffer; true when processing must stop (dispatched or failed).
    private func readBody() -> Bool {
        if var decoder = chunked {
            let (consumed, result) = decoder.decode(input.readable, into: &body, limit: route?.bodyLimit ?? 0)
            chunked = decoder
            input.consume(consumed)
            switch result {
            case .needMore: return false
            case .failed(let error):
                reject(error)
                return true
            case .done:
                chunked = nil
                dispatch()
                return phase == .handling
            }
        }
        let take = min(bodyRemaining, input.readableCount)
        body.append(contentsOf: UnsafeBufferPointer(rebasing: input.readable[0..<take]))
        input.consume(take)
        bodyRemaining -= take
        guard bodyRemaining == 0 else { return false }
        dispatch()
        return phase == .handling
    }

    // MARK: Handling

    private func dispatch() {
        guard let head, let route else { return }
        phase = .handling
        deadline = 0
        requestID = loop.nextRequestID()
        var clientAddress = peer
        var isSecure = false
        if !context.configuration.trustedProxies.isEmpty, context.configuration.trustedProxies.contains(peer) {
            if let forwarded = head.headers.values(for: "X-Forwarded-For").last,
               let last = forwarded.split(separator: ",").last?.trimmingOWS(), !last.isEmpty {
                clientAddress = String(last)
            }
            isSecure = head.headers["X-Forwarded-Proto"]?.lowercased() == "https"
        }
        let request = HTTPRequest(
            head: head, body: body, pathParameters: route.pathParameters, routePattern: route.pattern,
            requestID: requestID, clientAddress: clientAddress, isSecure: isSecure
        )
        body = []
        let handler = route.handler
        let loop = self.loop
        Task(executorPreference: loop) {
            let response: HTTPResponse
            do {
                response = try await handler(request)
            } catch {
                response = self.answer(for: error)
            }
            if loop.inEventLoop {
                self.finish(response)
            } else {
                loop.execute { self.finish(response) }
            }
        }
    }

    /// A generic answer for a thrown error; the details go to the log only.
    private func answer(for error: any Error) -> HTTPResponse {
        if let error = error as? HTTPError {
            context.logger.debug("handler refused the request", metadata: [
                "request.id": requestID, "http.route": route?.pattern ?? "", "error.code": error.code,
            ])
            return .text("\(error.status.reason)\n", status: error.status)
        }
        context.logger.error("handler failed", metadata: [
            "request.id": requestID, "http.route": route?.pattern ?? "",
            "error.type": String(reflecting: type(of: error)), "error": String(describing: error),
        ])
        return .text("Internal Server Error\n", status: .internalServerError)
    }

    /// Writes the handler's response and moves on to the next request.
    private func finish(_ response: HTTPResponse) {
        guard phase == .handling, let head, let route else { return }
        if loop.shuttingDown { closeAfterResponse = true }
        let keepAliveHeader = head.version == .http10 && !closeAfterResponse
        encode(response, omitBody: head.method == .head, keepAliveHeader: keepAliveHeader)
        observe(method: head.method.rawValue, route: route.pattern, status: response.status.code)
        self.head = nil
        self.route = nil
        phase = .idle
        deadline = loop.now + context.idleTimeout
        guard flush() else { return }
        if closeAfterResponse {
            closeGracefully()
        } else {
            process()
        }
    }

    private func observe(method: String, route: String, status: Int) {
        let elapsed = loop.now > requestStarted ? loop.now - requestStarted : 0
        let seconds = Double(elapsed) / 1e9
        loop.record(route: route, status: status, seconds: seconds)
        context.logger.info("request", metadata: [
            "request.id": requestID, "http.method": method, "http.route": route, "http.status": String(status),
            "http.duration_ms": String(Double(elapsed / 1000) / 1000),
        ])
    }

    // MARK: Rejecting

    /// Answers a request that broke a rule and closes: the framing can no longer be trusted.
    private func reject(_ error: HTTPParseError) {
        guard phase != .closed, phase != .lingering else { return }
        closeAfterResponse = true
        if requestID.isEmpty || phase != .handling { requestID = loop.nextRequestID() }
        let status = error.status
        context.logger.info("request rejected", metadata: [
            "request.id": requestID, "http.status": String(status.code), "http.rule": error.code.rawValue,
        ])
        loop.record(route: "rejected", status: status.code, seconds: 0)
        encode(.text("\(status.reason)\n", status: status), omitBody: false, keepAliveHeader: false)
        phase = .idle
        head = nil
        route = nil
        chunked = nil
        body = []
        if flush() { closeGracefully() }
    }

    /// No complete request in time: 408 if some of it arrived, silence otherwise.
    func deadlinePassed() {
        switch phase {
        case .idle:
            if waitingForWritable || input.isEmpty { close() } else { reject(HTTPParseError(.requestTimeout)) }
        case .head, .body:
            if waitingForWritable { close() } else { reject(HTTPParseError(.requestTimeout)) }
        case .lingering, .handling:
            close()
        case .closed:
            break
        }
    }

    func shutdownRequested() {
        closeAfterResponse = true
        if phase == .idle, input.isEmpty, !waitingForWritable { close() }
    }

    // MARK: Writing and closing

    /// Sends buffered output; false when the socket is full (we wait for EPOLLOUT) or closed.
    private func flush() -> Bool {
        while !output.isEmpty {
            let count = csystem_send(descriptor, output.readable.baseAddress, output.readableCount)
            if count > 0 {
                output.consume(count)
                continue
            }
            if count < 0, errno == EINTR { continue }
            if count < 0, errno == EAGAIN || errno == EWOULDBLOCK {
                waitingForWritable = true
                deadline = loop.now + context.writeTimeout
                return false
            }
            close()
            return false
        }
        waitingForWritable = false
        output.releaseIfEmpty(keepingAtMost: 16 * 1024)
        return true
    }

    /// Sends FIN and waits (bounded) for the client's, reading and discarding, so that unread
    /// request bytes do not make the kernel reset the connection before the client reads our answer.
    private func closeGracefully() {
        guard phase != .closed else { return }
        if peerClosed {
            close()
            return
        }
        _ = csystem_shutdown_write(descriptor)
        phase = .lingering
        deadline = loop.now + context.lingerTimeout
        input.consume(input.readableCount)
        drainWhileLingering()
    }

    private func drainWhileLingering() {
        var scratch = [UInt8](repeating: 0, count: 4096)
        while phase == .lingering {
            let count = scratch.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 { continue }
            if count < 0, errno == EINTR { continue }
            if count < 0, errno == EAGAIN || errno == EWOULDBLOCK { return }
            close()
        }
    }

    func close() {
        guard phase != .closed else { return }
        phase = .closed
        deadline = 0
        Glibc.close(descriptor)
        input.consume(input.readableCount)
        output.consume(output.readableCount)
        input.releaseIfEmpty()
        output.releaseIfEmpty()
        loop.remove(self)
    }
}
