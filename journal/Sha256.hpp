#pragma once
#include <array>
#include <cstddef>
#include <string>
#include <string_view>

struct evp_md_ctx_st;

namespace lp::journal {

// Incremental SHA-256 (OpenSSL EVP). Throws std::runtime_error naming the failed call.
class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    Sha256& update(std::string_view bytes);
    // The digest as 64 lower-case hex characters. The object cannot be updated afterwards.
    std::string hex_digest();

private:
    evp_md_ctx_st* ctx_ = nullptr;
};

std::string sha256_hex(std::string_view bytes);

}  // namespace lp::journal
