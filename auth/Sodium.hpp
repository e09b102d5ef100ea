#pragma once
// libsodium, initialised once per process, and the random secrets auth/ hands out.

#include <cstddef>
#include <string>

namespace lp::auth {

// sodium_init() once (thread-safe); throws std::runtime_error when it fails.
void ensure_sodium();

// `bytes` random bytes (randombytes_buf) as unpadded base64url: cookie values, CSRF and
// bearer tokens.
std::string random_secret(std::size_t bytes = 32);

}  // namespace lp::auth
