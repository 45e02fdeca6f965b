/// A strict JSON parser (RFC 8259) for what providers send: tokens' headers and claims, key sets,
/// token responses, discovery documents.
///
/// Strict where a lenient parser would let two readers of one document disagree: a member name
/// twice in one object, invalid UTF-8, a lone surrogate escape, control characters in strings, a
/// byte-order mark, anything after the value. Nesting is limited to ``maximumDepth``, so a hostile
/// document cannot exhaust the stack.
struct JSONParser {
    /// Objects and arrays nested deeper are refused (claims and key sets need 3 or 4).
    static let maximumDepth = 32

    private struct Failure: Error {}

    private let bytes: [UInt8]
    private var index = 0

    private init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The value `data` holds, or nil when it is not exactly one strict JSON value.
    static func parse(_ data: some Collection<UInt8>) -> JSONValue? {
        var parser = JSONParser(Array(data))
        do throws(Failure) {
            let value = try parser.value(depth: 0)
            parser.skipWhitespace()
            return parser.index == parser.bytes.count ? value : nil
        } catch {
            return nil
        }
    }

    private mutating func value(depth: Int) throws(Failure) -> JSONValue {
        skipWhitespace()
        guard index < bytes.count else { throw Failure() }
        switch bytes[index] {
        case UInt8(ascii: "{"): return .object(try object(depth: depth + 1))
        case UInt8(ascii: "["): return .array(try array(depth: depth + 1))
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        default: return try number()
        }
    }

    private mutating func object(depth: Int) throws(Failure) -> [String: JSONValue] {
        guard depth <= Self.maximumDepth else { throw Failure() }
        index += 1  // {
        var members: [String: JSONValue] = [:]
        skipWhitespace()
        if try peek() == UInt8(ascii: "}") { index += 1; return members }
        while true {
            skipWhitespace()
            guard try peek() == UInt8(ascii: "\"") else { throw Failure() }
            let name = try string()
            skipWhitespace()
            try expect(UInt8(ascii: ":"))
            let member = try value(depth: depth)
            // Names are compared as Swift strings (canonical equivalence), so two spellings of one
            // name count as a duplicate too.
            guard members.updateValue(member, forKey: name) == nil else { throw Failure() }
            skipWhitespace()
            switch try next() {
            case UInt8(ascii: ","): continue
            case UInt8(ascii: "}"): return members
            default: throw Failure()
            }
        }
    }

    private mutating func array(depth: Int) throws(Failure) -> [JSONValue] {
        guard depth <= Self.maximumDepth else { throw Failure() }
        index += 1  // [
        var elements: [JSONValue] = []
        skipWhitespace()
        if try peek() == UInt8(ascii: "]") { index += 1; return elements }
        while true {
            elements.append(try value(depth: depth))
            skipWhitespace()
            switch try next() {
            case UInt8(ascii: ","): continue
            case UInt8(ascii: "]"): return elements
            default: throw Failure()
            }
        }
    }

    private mutating func string() throws(Failure) -> String {
        index += 1  // "
        var utf8: [UInt8] = []
        while true {
            let byte = try next()
            switch byte {
            case UInt8(ascii: "\""):
                guard let text = String(validating: utf8, as: UTF8.self) else { throw Failure() }
                return text
            case UInt8(ascii: "\\"):
                let escaped: UInt8
                switch try next() {
                case UInt8(ascii: "\""): escaped = UInt8(ascii: "\"")
                case UInt8(ascii: "\\"): escaped = UInt8(ascii: "\\")
                case UInt8(ascii: "/"): escaped = UInt8(ascii: "/")
                case UInt8(ascii: "b"): escaped = 0x08
                case UInt8(ascii: "f"): escaped = 0x0C
                case UInt8(ascii: "n"): escaped = 0x0A
                case UInt8(ascii: "r"): escaped = 0x0D
                case UInt8(ascii: "t"): escaped = 0x09
                case UInt8(ascii: "u"):
                    utf8.append(contentsOf: String(try unicodeEscape()).utf8)
                    continue
                default: throw Failure()
                }
                utf8.append(escaped)
            case 0..<0x20:
                throw Failure()
            default:
                utf8.append(byte)
            }
        }
    }

    /// After `\u`: one scalar, from a surrogate pair where needed.
    private mutating func unicodeEscape() throws(Failure) -> Character {
        let unit = try hexQuad()
        var scalar: Unicode.Scalar?
        switch unit {
        case 0xD800...0xDBFF:
            guard try next() == UInt8(ascii: "\\"), try next() == UInt8(ascii: "u") else { throw Failure() }
            let low = try hexQuad()
            guard (0xDC00...0xDFFF).contains(low) else { throw Failure() }
            scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
        case 0xDC00...0xDFFF:
            throw Failure()
        default:
            scalar = Unicode.Scalar(unit)
        }
        guard let scalar else { throw Failure() }
        return Character(scalar)
    }

    private mutating func hexQuad() throws(Failure) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = try next()
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw Failure()
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`: an integer when it has neither
    /// fraction nor exponent and fits 64 bits, otherwise a finite double.
    private mutating func number() throws(Failure) -> JSONValue {
        let start = index
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count else { throw Failure() }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            guard try digits() > 0 else { throw Failure() }
        }
        var integral = true
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            integral = false
            guard try digits() > 0 else { throw Failure() }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            integral = false
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard try digits() > 0 else { throw Failure() }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if integral, let value = Int64(text) { return .integer(value) }
        guard let value = Double(text), value.isFinite else { throw Failure() }
        return .number(value)
    }

    /// Consumes decimal digits; returns how many.
    private mutating func digits() throws(Failure) -> Int {
        let start = index
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
        return index - start
    }

    private mutating func literal(_ word: StaticString) throws(Failure) {
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard bytes.count - index >= expected.count, bytes[index..<(index + expected.count)].elementsEqual(expected) else { throw Failure() }
        index += expected.count
    }

    private mutating func skipWhitespace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    private func peek() throws(Failure) -> UInt8 {
        guard index < bytes.count else { throw Failure() }
        return bytes[index]
    }

    private mutating func next() throws(Failure) -> UInt8 {
        let byte = try peek()
        index += 1
        return byte
    }

    private mutating func expect(_ byte: UInt8) throws(Failure) {
        guard try next() == byte else { throw Failure() }
    }
}
