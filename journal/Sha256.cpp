#include "journal/Sha256.hpp"

#include <openssl/evp.h>

#include <stdexcept>

namespace lp::journal {
namespace {

// Fetched once: with OpenSSL 3, EVP_sha256() makes every EVP_DigestInit_ex look the
// algorithm up in the provider store again, a cost the chain check paid once per row.
const EVP_MD* sha256_md() {
    static const EVP_MD* const md = [] {
        const EVP_MD* fetched = EVP_MD_fetch(nullptr, "SHA256", nullptr);
        return fetched ? fetched : EVP_sha256();
    }();
    return md;
}

}  // namespace

Sha256::Sha256() : ctx_(EVP_MD_CTX_new()) {
    if (!ctx_) throw std::runtime_error("EVP_MD_CTX_new() failed");
    if (EVP_DigestInit_ex(ctx_, sha256_md(), nullptr) != 1) {
        EVP_MD_CTX_free(ctx_);
        throw std::runtime_error("EVP_DigestInit_ex(sha256) failed");
    }
}

Sha256::~Sha256() { EVP_MD_CTX_free(ctx_); }

Sha256& Sha256::update(std::string_view bytes) {
    if (EVP_DigestUpdate(ctx_, bytes.data(), bytes.size()) != 1) throw std::runtime_error("EVP_DigestUpdate() failed");
    return *this;
}

std::string Sha256::hex_digest() {
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    if (EVP_DigestFinal_ex(ctx_, md, &n) != 1) throw std::runtime_error("EVP_DigestFinal_ex() failed");
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(2 * n);
    for (unsigned i = 0; i < n; ++i) {
        out += digits[md[i] >> 4];
        out += digits[md[i] & 0xF];
    }
    return out;
}

std::string sha256_hex(std::string_view bytes) { return Sha256().update(bytes).hex_digest(); }

}  // namespace lp::journal
