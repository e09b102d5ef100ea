#pragma once
// Ed25519 signatures (libsodium), pure: no files. Keys and signatures travel as lowercase hex.

#include <string>
#include <string_view>

namespace lp::evidence {

struct KeyPair {
    std::string public_hex;  // 32 bytes
    std::string secret_hex;  // 64 bytes (libsodium's seed + public key)
};

KeyPair make_key_pair();
// The public key of a secret key; throws std::invalid_argument when it is not one.
std::string public_of(std::string_view secret_hex);

// The key's short id: the first 16 hex digits of SHA-256(public key bytes).
std::string key_id(std::string_view public_hex);
// What the reports print: key_id's digits in groups of four ("1a2b 3c4d 5e6f 7a8b").
std::string fingerprint(std::string_view public_hex);

// Throws std::invalid_argument when the secret key is malformed.
std::string sign(std::string_view secret_hex, std::string_view message);
// False for a bad signature, a malformed key or signature.
bool verify(std::string_view public_hex, std::string_view message, std::string_view signature_hex);

}  // namespace lp::evidence
