/// The incremental state machine that finds and checks the syntax of one request head.
///
/// It is handed the bytes of the current request from its first byte on, as many as have arrived,
/// and resumes where it stopped; it never copies, it records where the method, target, version and
/// each field lie. Every byte is checked as it is scanned, so a smuggling attempt (bare CR or LF,
/// obs-fold, whitespace before a colon, controls) fails at the offending byte and an overlong line
/// fails as soon as it passes its limit, without waiting for the rest. Semantic checks
/// (Content-Length, Transfer-Encoding, Host…) follow in `HTTPRequestHead.init(parsed:bytes:)`.
struct HTTPHeadParser {
    enum Result: Equatable {
        /// More bytes are needed.
        case needMore
        /// The head ends after this many bytes (counted from the start of the buffer).
        case complete(headLength: Int)
        /// The head is malformed.
        case failed(HTTPParseError)
    }

    struct Field {
        var nameStart: Int
        var nameEnd: Int
        var valueStart: Int
        var valueEnd: Int
    }

    private enum State {
        case start, startLF, method, target, version, versionLF, lineStart, name, valueStart, value, valueLF, finalLF, done
    }

    let limits: HTTPParserLimits
    private var state = State.start
    private var position = 0
    private(set) var requestStart = 0
    private(set) var methodEnd = 0
    private(set) var targetStart = 0
    private(set) var targetEnd = 0
    private(set) var versionStart = 0
    private(set) var versionEnd = 0
    private var headerStart = 0
    private var lineStart = 0
    private var current = Field(nameStart: 0, nameEnd: 0, valueStart: 0, valueEnd: 0)
    private(set) var fields: [Field] = []

    init(limits: HTTPParserLimits = HTTPParserLimits()) {
        self.limits = limits
        fields.reserveCapacity(16)
    }

    /// Whether any byte of a request has been scanned (a timeout then answers 408, not silence).
    var hasStarted: Bool { position > 0 }

    /// Forgets the last request, keeping allocated capacity.
    mutating func reset() {
        state = .start
        position = 0
        requestStart = 0
        fields.removeAll(keepingCapacity: true)
    }

    private static let cr: UInt8 = 0x0D
    private static let lf: UInt8 = 0x0A
    private static let sp: UInt8 = 0x20
    private static let tab: UInt8 = 0x09
    private static let colon: UInt8 = 0x3A

    /// Scans `buffer` (the current request from its first byte) from where the last call stopped.
    mutating func parse(_ buffer: UnsafeBufferPointer<UInt8>) -> Result {
        if state == .done { return .complete(headLength: position) }
        return CharacterClass.table.withUnsafeBufferPointer { table in
            scan(buffer, table)
        }
    }

    private mutating func scan(_ buffer: UnsafeBufferPointer<UInt8>, _ table: UnsafeBufferPointer<UInt8>) -> Result {
        let cr = Self.cr, lf = Self.lf, sp = Self.sp
        let n = buffer.count
        var i = position
        defer { position = i }
        while i < n {
            switch state {
            case .start:
                let byte = buffer[i]
                if byte == cr {
                    i += 1
                    state = .startLF
                } else if byte == lf {
                    return .failed(HTTPParseError(.bareLineFeed))
                } else {
                    requestStart = i
                    state = .method
                }
            case .startLF:
                guard buffer[i] == lf else { return .failed(HTTPParseError(.bareCarriageReturn)) }
                i += 1
                // Empty lines before a request are tolerated (RFC 9112 §2.2), within the line limit.
                if i > limits.requestLine { return .failed(HTTPParseError(.requestLineTooLong)) }
                state = .start
            case .method:
                while i < n, table[Int(buffer[i])] & CharacterClass.token != 0 { i += 1 }
                if i - requestStart > limits.requestLine { return .failed(HTTPParseError(.requestLineTooLong)) }
                guard i < n else { break }
                guard buffer[i] == sp, i > requestStart else { return .failed(HTTPParseError(.invalidMethod)) }
                methodEnd = i
                i += 1
                targetStart = i
                state = .target
            case .target:
                while i < n, table[Int(buffer[i])] & CharacterClass.target != 0 { i += 1 }
                if i - requestStart > limits.requestLine { return .failed(HTTPParseError(.requestLineTooLong)) }
                guard i < n else { break }
                guard buffer[i] == sp, i > targetStart else { return .failed(HTTPParseError(.invalidTarget)) }
                targetEnd = i
                i += 1
                versionStart = i
                state = .version
            case .version:
                while i < n, table[Int(buffer[i])] & CharacterClass.target != 0 { i += 1 }
                if i - requestStart > limits.requestLine { return .failed(HTTPParseError(.requestLineTooLong)) }
                guard i < n else { break }
                let byte = buffer[i]
                if byte == lf { return .failed(HTTPParseError(.bareLineFeed)) }
                guard byte == cr, i > versionStart else { return .failed(HTTPParseError(.invalidVersion)) }
                versionEnd = i
                i += 1
                state = .versionLF
            case .versionLF:
                guard buffer[i] == lf else { return .failed(HTTPParseError(.bareCarriageReturn)) }
                i += 1
                headerStart = i
                lineStart = i
                state = .lineStart
            case .lineStart:
                let byte = buffer[i]
                if byte == cr {
                    i += 1
                    state = .finalLF
                } else if byte == sp || byte == Self.tab {
                    // A continuation line (obs-fold), or whitespace before the first field.
                    return .failed(HTTPParseError(.obsoleteLineFolding))
                } else if byte == lf {
                    return .failed(HTTPParseError(.bareLineFeed))
                } else {
                    if fields.count >= limits.fieldCount { return .failed(HTTPParseError(.tooManyHeaderFields)) }
                    current.nameStart = i
                    state = .name
                }
            case .name:
                while i < n, table[Int(buffer[i])] & CharacterClass.token != 0 { i += 1 }
                if let failure = checkFieldLimits(i) { return .failed(failure) }
                guard i < n else { break }
                let byte = buffer[i]
                if byte == Self.colon, i > current.nameStart {
                    current.nameEnd = i
                    i += 1
                    state = .valueStart
                } else if byte == sp || byte == Self.tab {
                    return .failed(HTTPParseError(.whitespaceBeforeColon))
                } else if byte == lf {
                    return .failed(HTTPParseError(.bareLineFeed))
                } else {
                    return .failed(HTTPParseError(.invalidFieldName))
                }
            case .valueStart:
                while i < n, buffer[i] == sp || buffer[i] == Self.tab { i += 1 }
                if let failure = checkFieldLimits(i) { return .failed(failure) }
                guard i < n else { break }
                current.valueStart = i
                current.valueEnd = i
                state = .value
            case .value:
                while i < n, table[Int(buffer[i])] & CharacterClass.fieldValue != 0 { i += 1 }
                if let failure = checkFieldLimits(i) { return .failed(failure) }
                guard i < n else { break }
                let byte = buffer[i]
                if byte == cr {
                    // Trailing OWS is not part of the value.
                    var end = i
                    while end > current.valueStart, buffer[end - 1] == sp || buffer[end - 1] == Self.tab { end -= 1 }
                    current.valueEnd = end
                    i += 1
                    state = .valueLF
                } else if byte == lf {
                    return .failed(HTTPParseError(.bareLineFeed))
                } else {
                    return .failed(HTTPParseError(.invalidCharacter))
                }
            case .valueLF:
                guard buffer[i] == lf else { return .failed(HTTPParseError(.bareCarriageReturn)) }
                i += 1
                fields.append(current)
                lineStart = i
                state = .lineStart
            case .finalLF:
                guard buffer[i] == lf else { return .failed(HTTPParseError(.bareCarriageReturn)) }
                i += 1
                state = .done
                return .complete(headLength: i)
            case .done:
                return .complete(headLength: i)
            }
        }
        if state == .lineStart || state == .valueLF || state == .finalLF, let failure = checkFieldLimits(i) {
            return .failed(failure)
        }
        return .needMore
    }

    @inline(__always)
    private func checkFieldLimits(_ i: Int) -> HTTPParseError? {
        if i - headerStart > limits.headerSection { return HTTPParseError(.headersTooLarge) }
        if i - lineStart > limits.fieldLine { return HTTPParseError(.headerFieldTooLong) }
        return nil
    }
}
