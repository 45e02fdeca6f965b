import CLibCrypto

/// An `OSSL_PARAM_BLD` that keeps alive what it references.
///
/// OpenSSL's builder stores each pushed value by reference until `OSSL_PARAM_BLD_to_param`, and the
/// finished `OSSL_PARAM` array still points at the parameter names. Swift's implicit String → `char *`
/// conversion only lives for one call, so names are static strings (the values of OpenSSL's
/// `OSSL_PKEY_PARAM_*` macros) and values are held here until the builder goes.
final class ParameterBuilder {
    private let builder: LibCryptoObject<OpaquePointer>
    private var retained: [LibCryptoObject<OpaquePointer>] = []
    private var buffers: [UnsafeMutableBufferPointer<UInt8>] = []

    init() throws(LibCryptoError) {
        builder = LibCryptoObject(try LibCrypto.check(OSSL_PARAM_BLD_new(), "OSSL_PARAM_BLD_new"), free: { OSSL_PARAM_BLD_free($0) })
    }

    deinit {
        for buffer in buffers { buffer.deallocate() }
    }

    /// A big-endian unsigned integer as a `BIGNUM` parameter (RSA `n`, `e`).
    func push(_ name: StaticString, bigEndian bytes: [UInt8]) throws(LibCryptoError) {
        let number = try LibCryptoObject.bignum(bytes)
        retained.append(number)
        try LibCrypto.check(OSSL_PARAM_BLD_push_BN(builder.pointer, LibCrypto.cString(name), number.pointer), "OSSL_PARAM_BLD_push_BN")
    }

    /// A UTF-8 string parameter (the EC group name).
    func push(_ name: StaticString, utf8 text: StaticString) throws(LibCryptoError) {
        try LibCrypto.check(
            OSSL_PARAM_BLD_push_utf8_string(builder.pointer, LibCrypto.cString(name), LibCrypto.cString(text), text.utf8CodeUnitCount),
            "OSSL_PARAM_BLD_push_utf8_string")
    }

    /// An octet string parameter (the EC public point).
    func push(_ name: StaticString, octets: [UInt8]) throws(LibCryptoError) {
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, octets.count))
        _ = buffer.initialize(from: octets)
        buffers.append(buffer)
        try LibCrypto.check(
            OSSL_PARAM_BLD_push_octet_string(builder.pointer, LibCrypto.cString(name), buffer.baseAddress, octets.count),
            "OSSL_PARAM_BLD_push_octet_string")
    }

    /// The finished parameter array (its values copied; its names static).
    func parameters() throws(LibCryptoError) -> LibCryptoObject<UnsafeMutablePointer<OSSL_PARAM>> {
        LibCryptoObject(try LibCrypto.check(OSSL_PARAM_BLD_to_param(builder.pointer), "OSSL_PARAM_BLD_to_param"), free: { OSSL_PARAM_free($0) })
    }
}
