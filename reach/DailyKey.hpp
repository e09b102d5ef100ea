#pragma once
// How the public side tells clients apart without knowing who they are: a keyed BLAKE2b hash
// (libsodium crypto_generichash) of the address and user agent under a random key made for
// the local day. The key lives in this object's memory only, is wiped when the day changes and
// is never written anywhere, so a name cannot be traced back to an address, nor linked across
// days. Not thread-safe: used on the loop.

#include <array>
#include <string>
#include <string_view>

#include "domain/Time.hpp"

namespace lp::reach {

class DailyKey {
public:
    DailyKey();
    ~DailyKey();
    DailyKey(const DailyKey&) = delete;
    DailyKey& operator=(const DailyKey&) = delete;

    // The client's name for `day` (32 hex digits). A later day makes a new key first.
    std::string client(domain::LocalDate day, std::string_view address, std::string_view user_agent);

private:
    void renew(domain::LocalDate day);
    std::array<unsigned char, 32> key_{};
    domain::LocalDate day_{};
    bool made_ = false;
};

}  // namespace lp::reach
