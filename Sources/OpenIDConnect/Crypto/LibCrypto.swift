import CLibCrypto

/// A libcrypto call that failed, with OpenSSL's own message from its error queue.
struct LibCryptoError: Error, Sendable, CustomStringConvertible {
    /// The libcrypto function that failed.
    let operation: String
    /// OpenSSL's text for the first error on the queue, or "no OpenSSL error" when the queue is empty.
    let message: String

    var description: String { "\(operation) failed: \(message)" }
}

/// The few libcrypto operations the relying party needs beyond public keys: SHA-256, randomness and a
/// constant-time comparison. Nothing here is implemented by hand.
enum LibCrypto {
    /// The one place a libcrypto status is checked: a positive status is success (1 for the EVP
    /// functions, a length for the i2d ones); zero or negative throws with OpenSSL's message. The
    /// error queue is thread-local and emptied here, so a failure never leaks into a later message.
    @discardableResult
    static func check(_ status: Int32, _ operation: String) throws(LibCryptoError) -> Int32 {
        guard status > 0 else { throw failure(operation) }
        return status
    }

    /// ``check(_:_:)`` for the functions that return a pointer, NULL on failure.
    static func check<Pointer>(_ pointer: Pointer?, _ operation: String) throws(LibCryptoError) -> Pointer {
        guard let pointer else { throw failure(operation) }
        return pointer
    }

    private static func failure(_ operation: String) -> LibCryptoError {
        let first = ERR_get_error()
        ERR_clear_error()
        guard first != 0 else { return LibCryptoError(operation: operation, message: "no OpenSSL error") }
        var buffer = [CChar](repeating: 0, count: 256)
        ERR_error_string_n(first, &buffer, buffer.count)
        let message = buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        return LibCryptoError(operation: operation, message: message)
    }

    /// A static string as a C string that lives forever, for the names OpenSSL keeps pointers to
    /// (parameter names, the key type of an `EVP_PKEY_CTX`).
    static func cString(_ text: StaticString) -> UnsafePointer<CChar> {
        UnsafeRawPointer(text.utf8Start).assumingMemoryBound(to: CChar.self)
    }

    /// SHA-256 of `bytes`.
    static func sha256(_ bytes: some Collection<UInt8>) throws(LibCryptoError) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let input = Array(bytes)
        try check(EVP_Digest(input, input.count, &digest, &length, EVP_sha256(), nil), "EVP_Digest")
        return Array(digest.prefix(Int(length)))
    }

    /// `count` bytes from OpenSSL's CSPRNG.
    static func randomBytes(_ count: Int) throws(LibCryptoError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        try check(RAND_bytes(&bytes, Int32(count)), "RAND_bytes")
        return bytes
    }

    /// Whether `a` and `b` are equal, in time that depends on their length only. Lengths are not
    /// secret here (nonces are of a fixed length we chose).
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        guard !a.isEmpty else { return true }
        return CRYPTO_memcmp(a, b, a.count) == 0
    }
}
