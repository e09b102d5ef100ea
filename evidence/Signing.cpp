#include "evidence/Signing.hpp"

#include <sodium.h>

#include <stdexcept>
#include <vector>

namespace lp::evidence {
namespace {

void ensure_sodium() {
    if (sodium_init() < 0) throw std::runtime_error("sodium_init() failed");
}

std::string to_hex(const unsigned char* bytes, std::size_t n) {
    std::string out(n * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), bytes, n);
    out.resize(n * 2);
    return out;
}

// Exactly `n` bytes from hex, or none.
bool from_hex(std::string_view hex, std::size_t n, std::vector<unsigned char>& out) {
    if (hex.size() != n * 2) return false;
    out.assign(n, 0);
    std::size_t len = 0;
    return sodium_hex2bin(out.data(), n, hex.data(), hex.size(), nullptr, &len, nullptr) == 0 && len == n;
}

}  // namespace

KeyPair make_key_pair() {
    ensure_sodium();
    unsigned char pk[crypto_sign_PUBLICKEYBYTES];
    unsigned char sk[crypto_sign_SECRETKEYBYTES];
    crypto_sign_keypair(pk, sk);
    KeyPair k{to_hex(pk, sizeof pk), to_hex(sk, sizeof sk)};
    sodium_memzero(sk, sizeof sk);
    return k;
}

std::string public_of(std::string_view secret_hex) {
    ensure_sodium();
    std::vector<unsigned char> sk;
    if (!from_hex(secret_hex, crypto_sign_SECRETKEYBYTES, sk)) throw std::invalid_argument("not an Ed25519 secret key");
    unsigned char pk[crypto_sign_PUBLICKEYBYTES];
    crypto_sign_ed25519_sk_to_pk(pk, sk.data());
    sodium_memzero(sk.data(), sk.size());
    return to_hex(pk, sizeof pk);
}

std::string key_id(std::string_view public_hex) {
    ensure_sodium();
    std::vector<unsigned char> pk;
    if (!from_hex(public_hex, crypto_sign_PUBLICKEYBYTES, pk)) throw std::invalid_argument("not an Ed25519 public key");
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(h, pk.data(), pk.size());
    return to_hex(h, 8);
}

std::string fingerprint(std::string_view public_hex) {
    const std::string id = key_id(public_hex);
    std::string out;
    for (std::size_t i = 0; i < id.size(); i += 4) {
        if (!out.empty()) out += ' ';
        out += id.substr(i, 4);
    }
    return out;
}

std::string sign(std::string_view secret_hex, std::string_view message) {
    ensure_sodium();
    std::vector<unsigned char> sk;
    if (!from_hex(secret_hex, crypto_sign_SECRETKEYBYTES, sk)) throw std::invalid_argument("not an Ed25519 secret key");
    unsigned char sig[crypto_sign_BYTES];
    crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                         sk.data());
    sodium_memzero(sk.data(), sk.size());
    return to_hex(sig, sizeof sig);
}

bool verify(std::string_view public_hex, std::string_view message, std::string_view signature_hex) {
    ensure_sodium();
    std::vector<unsigned char> pk, sig;
    if (!from_hex(public_hex, crypto_sign_PUBLICKEYBYTES, pk) || !from_hex(signature_hex, crypto_sign_BYTES, sig))
        return false;
    return crypto_sign_verify_detached(sig.data(), reinterpret_cast<const unsigned char*>(message.data()),
                                       message.size(), pk.data()) == 0;
}

}  // namespace lp::evidence
