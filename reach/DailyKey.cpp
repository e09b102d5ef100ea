#include "reach/DailyKey.hpp"

#include <sodium.h>

#include <stdexcept>

namespace lp::reach {

DailyKey::DailyKey() {
    if (sodium_init() < 0) throw std::runtime_error("sodium_init() failed");
}

DailyKey::~DailyKey() { sodium_memzero(key_.data(), key_.size()); }

void DailyKey::renew(domain::LocalDate day) {
    randombytes_buf(key_.data(), key_.size());
    day_ = day;
    made_ = true;
}

std::string DailyKey::client(domain::LocalDate day, std::string_view address, std::string_view user_agent) {
    if (!made_ || day != day_) renew(day);
    std::array<unsigned char, 16> hash{};
    crypto_generichash_state state;
    crypto_generichash_init(&state, key_.data(), key_.size(), hash.size());
    // Length-prefixed, so that no address/agent pair can collide with another by moving bytes.
    const auto feed = [&state](std::string_view part) {
        const auto n = static_cast<std::uint64_t>(part.size());
        crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(&n), sizeof n);
        crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(part.data()), part.size());
    };
    feed(address);
    feed(user_agent);
    crypto_generichash_final(&state, hash.data(), hash.size());
    std::string hex(hash.size() * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), hash.data(), hash.size());
    hex.pop_back();
    return hex;
}

}  // namespace lp::reach
