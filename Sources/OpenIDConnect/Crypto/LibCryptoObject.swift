import CLibCrypto

/// One OpenSSL object (an `EVP_PKEY`, `EVP_MD_CTX`, `BIGNUM`, …) freed with its owner, so no path
/// through a throwing function can leak it.
final class LibCryptoObject<Pointer> {
    /// The object, for passing to libcrypto.
    let pointer: Pointer
    private let free: (Pointer) -> Void
    private var owned = true

    /// Takes ownership of `pointer`; `free` runs on it in `deinit`.
    init(_ pointer: Pointer, free: @escaping (Pointer) -> Void) {
        self.pointer = pointer
        self.free = free
    }

    /// Gives up ownership, for the calls that take it over on success (`ECDSA_SIG_set0`).
    func release() { owned = false }

    deinit {
        if owned { free(pointer) }
    }
}

extension LibCryptoObject where Pointer == OpaquePointer {
    /// A big-endian unsigned integer as a `BIGNUM`.
    static func bignum(_ bytes: [UInt8]) throws(LibCryptoError) -> LibCryptoObject<OpaquePointer> {
        LibCryptoObject(try LibCrypto.check(BN_bin2bn(bytes, Int32(bytes.count), nil), "BN_bin2bn"), free: { BN_free($0) })
    }
}
