/// Strict percent-decoding: every `%` must start a two-digit hex escape and the result must be valid
/// UTF-8, so no two spellings of a path or form value can disagree about what they mean.
enum PercentDecoding {
    /// Decodes a path; also refuses an encoded NUL, which no path of ours contains.
    static func decodePath<C: Collection>(_ bytes: C) throws(HTTPParseError) -> String where C.Element == UInt8 {
        guard let decoded = decode(bytes, plusAsSpace: false), !decoded.contains(0) else {
            throw HTTPParseError(.invalidPathEncoding)
        }
        guard let text = String(validating: decoded, as: UTF8.self) else { throw HTTPParseError(.invalidPathEncoding) }
        return text
    }

    /// Decodes `application/x-www-form-urlencoded` or query text (`+` is a space); nil when malformed.
    static func decodeForm<C: Collection>(_ bytes: C) -> String? where C.Element == UInt8 {
        guard let decoded = decode(bytes, plusAsSpace: true) else { return nil }
        return String(validating: decoded, as: UTF8.self)
    }

    static func decode<C: Collection>(_ bytes: C, plusAsSpace: Bool) -> [UInt8]? where C.Element == UInt8 {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            if byte == 0x25 {
                let high = bytes.index(after: index)
                guard high != bytes.endIndex else { return nil }
                let low = bytes.index(after: high)
                guard low != bytes.endIndex,
                      let h = CharacterClass.hexValue(bytes[high]), let l = CharacterClass.hexValue(bytes[low]) else { return nil }
                out.append(h << 4 | l)
                index = bytes.index(after: low)
                continue
            }
            out.append(plusAsSpace && byte == 0x2B ? 0x20 : byte)
            index = bytes.index(after: index)
        }
        return out
    }
}
