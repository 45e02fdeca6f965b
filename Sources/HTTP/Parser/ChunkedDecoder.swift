/// The incremental state machine for a `Transfer-Encoding: chunked` request body (RFC 9112 §7.1).
///
/// Chunk sizes are 1 to 16 hex digits with no whitespace; chunk extensions are parsed by their
/// grammar (`;name` or `;name=token|"quoted"`) and ignored; every line must end in CRLF; trailer
/// fields are checked like header fields and skipped, within the header limits. The decoded size is
/// held to the route's body limit before the data is copied.
struct ChunkedDecoder {
    enum Result: Equatable {
        case needMore
        case done
        case failed(HTTPParseError)
    }

    private enum State {
        case size, extensionName, extensionValueStart, extensionToken, extensionQuoted, extensionQuotedPair
        case afterQuoted, sizeLF, data, dataCR, dataLF
        case trailerLineStart, trailerName, trailerValue, trailerLF, finalLF, done
    }

    private static let maximumChunkLine = 4 * 1024

    let limits: HTTPParserLimits
    private var state = State.size
    private var digits = 0
    private var size: UInt64 = 0
    private var remaining = 0
    private var lineLength = 0
    private var extensionNameLength = 0
    private var trailerBytes = 0
    private var trailerFields = 0

    init(limits: HTTPParserLimits = HTTPParserLimits()) { self.limits = limits }

    /// Decodes from `input`, appending data to `body`; returns how many input bytes were consumed.
    mutating func decode(_ input: UnsafeBufferPointer<UInt8>, into body: inout [UInt8], limit: Int) -> (consumed: Int, result: Result) {
        CharacterClass.table.withUnsafeBufferPointer { table in
            var i = 0
            let n = input.count
            while i < n {
                let byte = input[i]
                switch state {
                case .size:
                    if let value = CharacterClass.hexValue(byte) {
                        digits += 1
                        guard digits <= 16, size >> 60 == 0 else { return (i, .failed(HTTPParseError(.invalidChunkSize))) }
                        size = size << 4 | UInt64(value)
                        i += 1
                        continue
                    }
                    guard digits > 0 else { return (i, .failed(HTTPParseError(.invalidChunkSize))) }
                    if byte == 0x0D {
                        state = .sizeLF
                    } else if byte == 0x0A {
                        return (i, .failed(HTTPParseError(.missingChunkLineEnd)))
                    } else if byte == 0x3B {
                        state = .extensionName
                        lineLength = digits + 1
                        extensionNameLength = 0
                    } else {
                        return (i, .failed(HTTPParseError(.invalidChunkSize)))
                    }
                    i += 1
                case .extensionName, .extensionValueStart, .extensionToken, .extensionQuoted, .extensionQuotedPair, .afterQuoted:
                    lineLength += 1
                    guard lineLength <= Self.maximumChunkLine, advanceExtension(byte, table) else {
                        return (i, .failed(HTTPParseError(.invalidChunkExtension)))
                    }
                    i += 1
                case .sizeLF:
                    guard byte == 0x0A else { return (i, .failed(HTTPParseError(.missingChunkLineEnd))) }
                    i += 1
                    if size == 0 {
                        state = .trailerLineStart
                    } else {
                        guard size <= UInt64(max(0, limit - body.count)) else { return (i, .failed(HTTPParseError(.bodyTooLarge))) }
                        remaining = Int(size)
                        state = .data
                    }
                case .data:
                    let take = min(remaining, n - i)
                    body.append(contentsOf: UnsafeBufferPointer(rebasing: input[i..<(i + take)]))
                    remaining -= take
                    i += take
                    if remaining == 0 { state = .dataCR }
                case .dataCR:
                    guard byte == 0x0D else { return (i, .failed(HTTPParseError(.missingChunkLineEnd))) }
                    i += 1
                    state = .dataLF
                case .dataLF:
                    guard byte == 0x0A else { return (i, .failed(HTTPParseError(.missingChunkLineEnd))) }
                    i += 1
                    digits = 0
                    size = 0
                    state = .size
                case .trailerLineStart:
                    if byte == 0x0D {
                        state = .finalLF
                    } else if table[Int(byte)] & CharacterClass.token != 0 {
                        trailerFields += 1
                        guard trailerFields <= limits.fieldCount else { return (i, .failed(HTTPParseError(.tooManyHeaderFields))) }
                        state = .trailerName
                    } else {
                        return (i, .failed(HTTPParseError(.invalidTrailer)))
                    }
                    i += 1
                    trailerBytes += 1
                case .trailerName:
                    if byte == 0x3A {
                        state = .trailerValue
                    } else if table[Int(byte)] & CharacterClass.token == 0 {
                        return (i, .failed(HTTPParseError(.invalidTrailer)))
                    }
                    i += 1
                    trailerBytes += 1
                case .trailerValue:
                    if byte == 0x0D {
                        state = .trailerLF
                    } else if table[Int(byte)] & CharacterClass.fieldValue == 0 {
                        return (i, .failed(HTTPParseError(.invalidTrailer)))
                    }
                    i += 1
                    trailerBytes += 1
                case .trailerLF:
                    guard byte == 0x0A else { return (i, .failed(HTTPParseError(.invalidTrailer))) }
                    i += 1
                    trailerBytes += 1
                    state = .trailerLineStart
                case .finalLF:
                    guard byte == 0x0A else { return (i, .failed(HTTPParseError(.missingChunkLineEnd))) }
                    state = .done
                    return (i + 1, .done)
                case .done:
                    return (i, .done)
                }
                if trailerBytes > limits.headerSection { return (i, .failed(HTTPParseError(.headersTooLarge))) }
            }
            return (i, state == .done ? .done : .needMore)
        }
    }

    /// One byte of `chunk-ext = *( ";" token [ "=" ( token / quoted-string ) ] )`, whitespace refused.
    private mutating func advanceExtension(_ byte: UInt8, _ table: UnsafeBufferPointer<UInt8>) -> Bool {
        let isToken = table[Int(byte)] & CharacterClass.token != 0
        switch state {
        case .extensionName:
            if isToken {
                extensionNameLength += 1
                return true
            }
            guard extensionNameLength > 0 else { return false }
            return endOfToken(byte, allowEquals: true)
        case .extensionValueStart:
            if byte == 0x22 {
                state = .extensionQuoted
                return true
            }
            guard isToken else { return false }
            state = .extensionToken
            return true
        case .extensionToken:
            if isToken { return true }
            return endOfToken(byte, allowEquals: false)
        case .extensionQuoted:
            if byte == 0x22 {
                state = .afterQuoted
                return true
            }
            if byte == 0x5C {
                state = .extensionQuotedPair
                return true
            }
            return byte == 0x09 || byte == 0x20 || byte == 0x21 || (0x23...0x7E).contains(byte) || byte >= 0x80
        case .extensionQuotedPair:
            guard byte == 0x09 || byte == 0x20 || (0x21...0x7E).contains(byte) || byte >= 0x80 else { return false }
            state = .extensionQuoted
            return true
        case .afterQuoted:
            return endOfToken(byte, allowEquals: false)
        default:
            return false
        }
    }

    private mutating func endOfToken(_ byte: UInt8, allowEquals: Bool) -> Bool {
        switch byte {
        case 0x3B:
            state = .extensionName
            extensionNameLength = 0
            return true
        case 0x3D where allowEquals:
            state = .extensionValueStart
            return true
        case 0x0D:
            state = .sizeLF
            return true
        default:
            return false
        }
    }
}
