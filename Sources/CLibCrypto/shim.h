#ifndef CLIBCRYPTO_SHIM_H
#define CLIBCRYPTO_SHIM_H
// Debian's OpenSSL 3 libcrypto: signature checks, digests and randomness for the OpenID Connect
// relying party. Only the public EVP / OSSL_PARAM interfaces; nothing deprecated in OpenSSL 3.
#include <openssl/evp.h>
#include <openssl/core_names.h>
#include <openssl/param_build.h>
#include <openssl/ec.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/rand.h>
#include <openssl/sha.h>
#include <openssl/crypto.h>
// For the tests, which mint tokens with throwaway keys: key generation, the DER form of a public
// key (i2d_PUBKEY), and HMAC for the "HS256 signed with the public key" attack.
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/hmac.h>

// EVP_PKEY_PUBLIC_KEY is a compound macro Swift does not import.
static inline int clibcrypto_public_key_selection(void) { return EVP_PKEY_PUBLIC_KEY; }
#endif
