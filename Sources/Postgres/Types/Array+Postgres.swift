/// A type that can be an element of a one-dimensional array bind (`= ANY($1)`, `unnest($1, $2)`).
public protocol PostgresArrayElement: PostgresEncodable, PostgresDecodable {
    /// The array type, e.g. `text[]`.
    static var postgresArrayDataType: PostgresDataType { get }
    /// The element type written in the array header; the scalar type by default.
    static var postgresElementDataType: PostgresDataType { get }
    /// Writes the element in binary format (or marks it NULL).
    func encodeArrayElement(into buffer: inout PostgresEncodingBuffer)
}

extension PostgresArrayElement {
    /// The scalar type.
    public static var postgresElementDataType: PostgresDataType { postgresDataType }
    /// The scalar encoding.
    public func encodeArrayElement(into buffer: inout PostgresEncodingBuffer) { encode(into: &buffer) }
}

/// Arrays bind as one-dimensional PostgreSQL arrays in binary format (an empty array has no
/// dimensions, as PostgreSQL's own `'{}'`), and decode from one-dimensional arrays in both formats.
extension Array: PostgresEncodable where Element: PostgresArrayElement {
    /// The element's array type.
    public static var postgresDataType: PostgresDataType { Element.postgresArrayDataType }

    /// `array_send`'s layout: dimensions, has-null flag, element type, size and lower bound, then
    /// each element as a length (-1 for NULL) and its bytes.
    public func encode(into buffer: inout PostgresEncodingBuffer) {
        guard count <= Int(Int32.max) else {
            buffer.fail("array too long")
            return
        }
        buffer.writeInteger(Int32(isEmpty ? 0 : 1))
        let hasNullOffset = buffer.count
        buffer.writeInteger(Int32(0))
        buffer.writeInteger(Element.postgresElementDataType.oid)
        if !isEmpty {
            buffer.writeInteger(Int32(count))
            buffer.writeInteger(Int32(1))
        }
        var hasNull = false
        for element in self {
            let lengthOffset = buffer.count
            buffer.writeInteger(Int32(0))
            let start = buffer.count
            buffer.isNull = false
            element.encodeArrayElement(into: &buffer)
            if buffer.isNull {
                buffer.isNull = false
                hasNull = true
                buffer.bytes.removeSubrange(start...)
                buffer.patchInteger(Int32(-1), at: lengthOffset)
            } else {
                buffer.patchInteger(Int32(buffer.count - start), at: lengthOffset)
            }
        }
        if hasNull { buffer.patchInteger(Int32(1), at: hasNullOffset) }
    }
}

extension PostgresEncodingBuffer {
    mutating func patchInteger<T: FixedWidthInteger>(_ value: T, at offset: Int) {
        withUnsafeBytes(of: value.bigEndian) { source in
            for (index, byte) in source.enumerated() { bytes[offset + index] = byte }
        }
    }
}

extension Array: PostgresDecodable where Element: PostgresArrayElement {
    /// Decodes a one-dimensional array (or an empty one) of a known array type.
    public init(postgresValue bytes: UnsafeRawBufferPointer, type: PostgresDataType, format: PostgresFormat) throws {
        guard let elementType = type.arrayElement else { throw PostgresDecodingFailure.typeMismatch }
        switch format {
        case .binary:
            self = try Self.decodeBinary(bytes)
        case .text:
            let elements = try PostgresArrayText.parse(bytes)
            var result: [Element] = []
            result.reserveCapacity(elements.count)
            for element in elements {
                if let element {
                    result.append(try element.withUnsafeBytes { try Element(postgresValue: $0, type: elementType, format: .text) })
                } else {
                    result.append(try Element.postgresNull())
                }
            }
            self = result
        }
    }

    private static func decodeBinary(_ bytes: UnsafeRawBufferPointer) throws -> [Element] {
        guard bytes.count >= 12 else { throw PostgresDecodingFailure.malformed("array header") }
        let dimensions = bytes.readBigEndian(Int32.self, at: 0)
        let elementType = PostgresDataType(oid: bytes.readBigEndian(UInt32.self, at: 8))
        if dimensions == 0 { return [] }
        guard dimensions == 1 else { throw PostgresDecodingFailure.malformed("only one-dimensional arrays are supported") }
        guard bytes.count >= 20 else { throw PostgresDecodingFailure.malformed("array header") }
        let count = Int(bytes.readBigEndian(Int32.self, at: 12))
        guard count >= 0 else { throw PostgresDecodingFailure.malformed("array size") }
        var offset = 20
        var result: [Element] = []
        result.reserveCapacity(count)
        for _ in 0..<count {
            guard offset + 4 <= bytes.count else { throw PostgresDecodingFailure.malformed("array element") }
            let length = Int(bytes.readBigEndian(Int32.self, at: offset))
            offset += 4
            if length < 0 {
                result.append(try Element.postgresNull())
                continue
            }
            guard offset + length <= bytes.count else { throw PostgresDecodingFailure.malformed("array element") }
            let slice = UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + length)])
            result.append(try Element(postgresValue: slice, type: elementType, format: .binary))
            offset += length
        }
        return result
    }
}

/// The text form of one-dimensional arrays: `{a,"b c",NULL,"x\"y"}`, optionally preceded by bounds
/// (`[0:1]={…}`).
enum PostgresArrayText {
    /// The elements' unescaped bytes; nil for NULL.
    static func parse(_ bytes: UnsafeRawBufferPointer) throws -> [[UInt8]?] {
        var index = 0
        if bytes.first == UInt8(ascii: "[") {
            while index < bytes.count, bytes[index] != UInt8(ascii: "=") { index += 1 }
            index += 1
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { throw PostgresDecodingFailure.malformed("array text") }
        index += 1
        var elements: [[UInt8]?] = []
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            guard index + 1 == bytes.count else { throw PostgresDecodingFailure.malformed("array text") }
            return elements
        }
        while index < bytes.count {
            var element: [UInt8] = []
            var quoted = false
            if bytes[index] == UInt8(ascii: "{") { throw PostgresDecodingFailure.malformed("only one-dimensional arrays are supported") }
            if bytes[index] == UInt8(ascii: "\"") {
                quoted = true
                index += 1
                while true {
                    guard index < bytes.count else { throw PostgresDecodingFailure.malformed("array quote") }
                    let byte = bytes[index]
                    if byte == UInt8(ascii: "\\") {
                        guard index + 1 < bytes.count else { throw PostgresDecodingFailure.malformed("array escape") }
                        element.append(bytes[index + 1])
                        index += 2
                    } else if byte == UInt8(ascii: "\"") {
                        index += 1
                        break
                    } else {
                        element.append(byte)
                        index += 1
                    }
                }
            } else {
                while index < bytes.count, bytes[index] != UInt8(ascii: ","), bytes[index] != UInt8(ascii: "}") {
                    if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count { index += 1 }
                    element.append(bytes[index])
                    index += 1
                }
            }
            let isNull = !quoted && element.count == 4 && String(decoding: element, as: UTF8.self).uppercased() == "NULL"
            elements.append(isNull ? nil : element)
            guard index < bytes.count else { throw PostgresDecodingFailure.malformed("array text") }
            if bytes[index] == UInt8(ascii: "}") {
                guard index + 1 == bytes.count else { throw PostgresDecodingFailure.malformed("array text") }
                return elements
            }
            index += 1
        }
        throw PostgresDecodingFailure.malformed("array text")
    }
}
