import CLibCrypto

/// A public key held by libcrypto (an `EVP_PKEY`): RSA, or EC on P-256. Built from a JSON Web Key's
/// components, checked once by OpenSSL (`EVP_PKEY_public_check`), then only read.
///
/// `@unchecked Sendable`: the `EVP_PKEY` is never modified after `init`, and OpenSSL 3 allows one key
/// to verify on several threads at once (each verification has its own `EVP_MD_CTX`).
final class PublicKey: @unchecked Sendable {
    /// The key's type; each type verifies exactly one of our algorithms.
    enum Kind: Sendable, Equatable {
        case rsa
        case ellipticCurveP256
    }

    /// RSA or EC P-256.
    let kind: Kind
    private let key: LibCryptoObject<OpaquePointer>

    /// An RSA public key from its modulus and exponent (big-endian, as in a JWK's `n` and `e`).
    init(rsaModulus modulus: [UInt8], exponent: [UInt8]) throws(LibCryptoError) {
        let builder = try ParameterBuilder()
        try builder.push("n", bigEndian: modulus)  // OSSL_PKEY_PARAM_RSA_N
        try builder.push("e", bigEndian: exponent)  // OSSL_PKEY_PARAM_RSA_E
        kind = .rsa
        key = try Self.publicKey(type: "RSA", from: builder.parameters())
    }

    /// An EC public key on P-256 from its affine coordinates (32 bytes each, as in a JWK's `x` and `y`).
    /// A point that is not on the curve is refused by OpenSSL.
    init(p256X x: [UInt8], y: [UInt8]) throws(LibCryptoError) {
        guard x.count == 32, y.count == 32 else {
            throw LibCryptoError(operation: "P-256 key", message: "coordinates are not 32 bytes each")
        }
        let builder = try ParameterBuilder()
        try builder.push("group", utf8: "prime256v1")  // OSSL_PKEY_PARAM_GROUP_NAME
        try builder.push("pub", octets: [0x04] + x + y)  // OSSL_PKEY_PARAM_PUB_KEY, SEC 1 uncompressed point
        kind = .ellipticCurveP256
        key = try Self.publicKey(type: "EC", from: builder.parameters())
    }

    /// The key's size in bits (the RSA modulus, or 256).
    var bits: Int { Int(EVP_PKEY_get_bits(key.pointer)) }

    /// Verifies a JWS signature with SHA-256: PKCS #1 v1.5 for RSA (RS256), ECDSA for P-256 (ES256, whose
    /// JWS form is the raw 64 bytes r‖s and becomes DER for OpenSSL). Throws when it does not verify.
    func verify(signature: [UInt8], of message: [UInt8]) throws(LibCryptoError) {
        let encoded: [UInt8] = switch kind {
        case .rsa: signature
        case .ellipticCurveP256: try Self.derSignature(rawP256: signature)
        }
        let context = LibCryptoObject(try LibCrypto.check(EVP_MD_CTX_new(), "EVP_MD_CTX_new"), free: { EVP_MD_CTX_free($0) })
        try LibCrypto.check(EVP_DigestVerifyInit_ex(context.pointer, nil, LibCrypto.cString("SHA256"), nil, nil, key.pointer, nil), "EVP_DigestVerifyInit_ex")
        try LibCrypto.check(EVP_DigestVerify(context.pointer, encoded, encoded.count, message, message.count), "EVP_DigestVerify")
    }

    /// The key from `parameters`, after OpenSSL's public-key check (RSA: odd modulus and exponent,
    /// no small factors; EC: the point is on the curve and of the right order).
    private static func publicKey(
        type: StaticString, from parameters: LibCryptoObject<UnsafeMutablePointer<OSSL_PARAM>>
    ) throws(LibCryptoError) -> LibCryptoObject<OpaquePointer> {
        // The context keeps a pointer to the type name: a static string.
        let context = LibCryptoObject(
            try LibCrypto.check(EVP_PKEY_CTX_new_from_name(nil, LibCrypto.cString(type), nil), "EVP_PKEY_CTX_new_from_name"),
            free: { EVP_PKEY_CTX_free($0) })
        try LibCrypto.check(EVP_PKEY_fromdata_init(context.pointer), "EVP_PKEY_fromdata_init")
        var created: OpaquePointer?
        try LibCrypto.check(EVP_PKEY_fromdata(context.pointer, &created, clibcrypto_public_key_selection(), parameters.pointer), "EVP_PKEY_fromdata")
        let key = LibCryptoObject(try LibCrypto.check(created, "EVP_PKEY_fromdata"), free: { EVP_PKEY_free($0) })
        let checker = LibCryptoObject(
            try LibCrypto.check(EVP_PKEY_CTX_new_from_pkey(nil, key.pointer, nil), "EVP_PKEY_CTX_new_from_pkey"), free: { EVP_PKEY_CTX_free($0) })
        try LibCrypto.check(EVP_PKEY_public_check(checker.pointer), "EVP_PKEY_public_check")
        return key
    }

    /// JWS ES256 signature (r‖s, 32 bytes each) → DER `ECDSA-Sig-Value`, through OpenSSL.
    private static func derSignature(rawP256 raw: [UInt8]) throws(LibCryptoError) -> [UInt8] {
        guard raw.count == 64 else {
            throw LibCryptoError(operation: "ES256 signature", message: "\(raw.count) bytes, not 64")
        }
        let r = try LibCryptoObject.bignum(Array(raw[0..<32]))
        let s = try LibCryptoObject.bignum(Array(raw[32..<64]))
        let signature = LibCryptoObject(try LibCrypto.check(ECDSA_SIG_new(), "ECDSA_SIG_new"), free: { ECDSA_SIG_free($0) })
        try LibCrypto.check(ECDSA_SIG_set0(signature.pointer, r.pointer, s.pointer), "ECDSA_SIG_set0")
        r.release()  // the ECDSA_SIG owns them now
        s.release()
        let length = try LibCrypto.check(i2d_ECDSA_SIG(signature.pointer, nil), "i2d_ECDSA_SIG")
        var der = [UInt8](repeating: 0, count: Int(length))
        let written = der.withUnsafeMutableBufferPointer { buffer in
            var cursor = buffer.baseAddress
            return i2d_ECDSA_SIG(signature.pointer, &cursor)
        }
        try LibCrypto.check(written == length ? written : 0, "i2d_ECDSA_SIG")
        return der
    }
}
