#include "auth/Sodium.hpp"

#include <sodium.h>

#include <mutex>
#include <stdexcept>
#include <vector>

namespace lp::auth {

void ensure_sodium() {
    static std::once_flag once;
    static bool ok = false;
    std::call_once(once, [] { ok = sodium_init() >= 0; });
    if (!ok) throw std::runtime_error("sodium_init() failed");
}

std::string random_secret(std::size_t bytes) {
    ensure_sodium();
    std::vector<unsigned char> raw(bytes);
    randombytes_buf(raw.data(), raw.size());
    std::string out(sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
    sodium_bin2base64(out.data(), out.size(), raw.data(), raw.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    sodium_memzero(raw.data(), raw.size());
    out.resize(out.find('\0'));
    return out;
}

}  // namespace lp::auth
