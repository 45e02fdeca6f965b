/// The bind parameters of a query, in order: `$1` is the first appended value.
public struct PostgresBindings: Sendable {
    struct Slot: Sendable {
        var offset: Int
        var length: Int32  // -1: NULL
        var type: UInt32
        var format: Int32
    }

    var buffer = PostgresEncodingBuffer()
    var slots: [Slot] = []
    /// The first value that could not be encoded: its position (1-based), Swift type and why.
    var failure: (position: Int, type: String, reason: String)?

    /// No parameters.
    public init() {}

    /// Number of parameters.
    public var count: Int { slots.count }

    /// Appends a value as the next parameter.
    public mutating func append<Value: PostgresEncodable>(_ value: Value) {
        let start = buffer.bytes.count
        buffer.isNull = false
        value.encode(into: &buffer)
        if let reason = buffer.failure {
            if failure == nil { failure = (slots.count + 1, "\(Value.self)", reason) }
            buffer.failure = nil
        }
        let format = Value.postgresFormat
        if buffer.isNull {
            buffer.bytes.removeSubrange(start...)
            slots.append(Slot(offset: start, length: -1, type: Value.postgresDataType.oid, format: format.rawValue))
            buffer.isNull = false
            return
        }
        let length = buffer.bytes.count - start
        if format == .text {
            // libpq reads text parameters up to their terminating NUL and ignores the length.
            if buffer.bytes[start...].contains(0) {
                if failure == nil { failure = (slots.count + 1, "\(Value.self)", "text contains a NUL byte") }
            }
            buffer.bytes.append(0)
        }
        slots.append(Slot(offset: start, length: Int32(length), type: Value.postgresDataType.oid, format: format.rawValue))
    }

    /// The parameter types, for statement cache keys.
    func typesEqual(_ other: [UInt32]) -> Bool {
        guard other.count == slots.count else { return false }
        for index in slots.indices where slots[index].type != other[index] { return false }
        return true
    }

    var types: [UInt32] { slots.map(\.type) }

    /// Calls `body` with the argument arrays libpq's `PQsend…Params` functions take. The pointers are
    /// valid only during the call; libpq copies the data into its output buffer before returning.
    func withLibPQArguments<R>(
        _ body: (
            _ count: Int32, _ types: UnsafePointer<UInt32>?, _ values: UnsafePointer<UnsafePointer<CChar>?>?,
            _ lengths: UnsafePointer<Int32>?, _ formats: UnsafePointer<Int32>?
        ) -> R
    ) -> R {
        let count = slots.count
        if count == 0 { return body(0, nil, nil, nil, nil) }
        return buffer.bytes.withUnsafeBufferPointer { storage in
            // A zero-length value still needs a non-NULL pointer (NULL means SQL NULL).
            let base = UnsafeRawPointer(storage.baseAddress ?? UnsafePointer(PostgresBindings.emptyValue))
            return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: count) { types in
                withUnsafeTemporaryAllocation(of: UnsafePointer<CChar>?.self, capacity: count) { values in
                    withUnsafeTemporaryAllocation(of: Int32.self, capacity: count) { lengths in
                        withUnsafeTemporaryAllocation(of: Int32.self, capacity: count) { formats in
                            for index in 0..<count {
                                let slot = slots[index]
                                types[index] = slot.type
                                lengths[index] = max(slot.length, 0)
                                formats[index] = slot.format
                                values[index] = slot.length < 0
                                    ? nil
                                    : (base + slot.offset).assumingMemoryBound(to: CChar.self)
                            }
                            return body(
                                Int32(count), UnsafePointer(types.baseAddress), UnsafePointer(values.baseAddress),
                                UnsafePointer(lengths.baseAddress), UnsafePointer(formats.baseAddress)
                            )
                        }
                    }
                }
            }
        }
    }

    private nonisolated(unsafe) static let emptyValue: UnsafeMutablePointer<UInt8> = {
        let pointer = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
        pointer.initialize(to: 0)
        return pointer
    }()
}
