import Foundation

/// base64url without padding (RFC 7515 section 2), strict: only the URL-safe alphabet, no `=`, no
/// white space, and only the canonical encoding of each byte string.
enum Base64URL {
    /// `bytes` as base64url without padding.
    static func encode(_ bytes: some Sequence<UInt8>) -> String {
        var text = Data(bytes).base64EncodedString()
        while text.last == "=" { text.removeLast() }
        return String(text.map { $0 == "+" ? "-" : $0 == "/" ? "_" : $0 })
    }

    /// The bytes `text` encodes, or nil when it is not strict base64url.
    static func decode(_ text: String) -> [UInt8]? {
        decode(text.utf8)
    }

    /// The bytes the base64url text `encoded` (its UTF-8) stands for, or nil when it is not strict base64url.
    static func decode(_ encoded: some Collection<UInt8>) -> [UInt8]? {
        let utf8 = Array(encoded)
        guard utf8.count % 4 != 1 else { return nil }
        var standard = [UInt8]()
        standard.reserveCapacity(utf8.count + 3)
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                standard.append(byte)
            case UInt8(ascii: "-"): standard.append(UInt8(ascii: "+"))
            case UInt8(ascii: "_"): standard.append(UInt8(ascii: "/"))
            default: return nil
            }
        }
        while standard.count % 4 != 0 { standard.append(UInt8(ascii: "=")) }
        guard let data = Data(base64Encoded: Data(standard)) else { return nil }
        let bytes = [UInt8](data)
        // Unused low bits of the last character must be zero: one byte string, one encoding.
        guard encode(bytes).utf8.elementsEqual(utf8) else { return nil }
        return bytes
    }
}
