#pragma once
// Passwords: Argon2id (libsodium crypto_pwhash_str, interactive limits). Hashing and verifying
// take tens of milliseconds and 64 MiB: never on the loop thread.

#include <optional>
#include <string>
#include <string_view>

namespace lp::auth {

inline constexpr std::size_t min_password_length = 8;    // characters
inline constexpr std::size_t max_password_bytes = 1024;  // bounds the work a request can ask for

// Why a new password is refused (Vietnamese, for the operator), or nullopt when it is fine.
std::optional<std::string> password_problem(std::string_view password);

// The encoded Argon2id hash ("$argon2id$v=19$m=...") with its own random salt. Throws
// std::runtime_error when libsodium runs out of memory.
std::string hash_password(std::string_view password);

// True when `password` matches `encoded`; false for a wrong password or a malformed hash.
bool verify_password(std::string_view encoded, std::string_view password);

}  // namespace lp::auth
