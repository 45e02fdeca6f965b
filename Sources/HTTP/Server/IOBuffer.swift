import Glibc

/// A growable byte buffer with read and write indices over malloc'd memory, owned by one connection
/// on one event loop. Memory is only taken when bytes arrive, and given back when a connection
/// goes idle, so a thousand idle keep-alive connections cost little.
final class IOBuffer {
    private(set) var base: UnsafeMutablePointer<UInt8>?
    private(set) var capacity = 0
    var readerIndex = 0
    var writerIndex = 0

    init() {}

    deinit { free(base) }

    var readableCount: Int { writerIndex - readerIndex }
    var writableCount: Int { capacity - writerIndex }
    var isEmpty: Bool { readerIndex == writerIndex }

    /// The unread bytes (valid until the next mutation).
    var readable: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base.map { $0 + readerIndex }, count: readableCount)
    }

    /// The free space after the written bytes.
    var writable: UnsafeMutablePointer<UInt8> { base! + writerIndex }

    /// Makes room for at least `count` more bytes, first by moving unread bytes to the front.
    func reserve(_ count: Int) {
        if writableCount >= count { return }
        if readerIndex > 0 {
            let unread = readableCount
            if unread > 0 { memmove(base!, base! + readerIndex, unread) }
            readerIndex = 0
            writerIndex = unread
            if writableCount >= count { return }
        }
        var newCapacity = max(capacity, 1024)
        while newCapacity - writerIndex < count { newCapacity *= 2 }
        base = realloc(base, newCapacity)?.assumingMemoryBound(to: UInt8.self)
        precondition(base != nil, "out of memory")
        capacity = newCapacity
    }

    func consume(_ count: Int) {
        readerIndex += count
        if readerIndex == writerIndex {
            readerIndex = 0
            writerIndex = 0
        }
    }

    /// Frees the memory when nothing is unread.
    func releaseIfEmpty(keepingAtMost limit: Int = 0) {
        guard isEmpty, capacity > limit else { return }
        free(base)
        base = nil
        capacity = 0
        readerIndex = 0
        writerIndex = 0
    }

    @inline(__always)
    func append(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count > 0 else { return }
        reserve(bytes.count)
        memcpy(base! + writerIndex, bytes.baseAddress!, bytes.count)
        writerIndex += bytes.count
    }

    @inline(__always)
    func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { append($0) }
    }

    @inline(__always)
    func append(_ text: StaticString) {
        append(UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    @inline(__always)
    func append(_ text: String) {
        var text = text
        text.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    func append(decimal value: Int) {
        reserve(20)
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var remaining = value
        var count = 0
        withUnsafeMutableBytes(of: &digits) { raw in
            repeat {
                raw[19 - count] = UInt8(truncatingIfNeeded: 0x30 + remaining % 10)
                remaining /= 10
                count += 1
            } while remaining > 0 && count < 20
            append(UnsafeRawBufferPointer(rebasing: raw[(20 - count)...]))
        }
    }
}
