#include "auth/Password.hpp"

#include <sodium.h>

#include <stdexcept>

#include "auth/Sodium.hpp"

namespace lp::auth {
namespace {

std::size_t code_points(std::string_view s) {
    std::size_t n = 0;
    for (const char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

}  // namespace

std::optional<std::string> password_problem(std::string_view password) {
    if (password.size() > max_password_bytes) return "Mật khẩu quá dài (tối đa 1024 byte).";
    if (code_points(password) < min_password_length)
        return "Mật khẩu quá ngắn: cần ít nhất " + std::to_string(min_password_length) + " ký tự.";
    if (password.find('\0') != std::string_view::npos) return "Mật khẩu không được chứa ký tự rỗng (NUL).";
    return std::nullopt;
}

std::string hash_password(std::string_view password) {
    ensure_sodium();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        throw std::runtime_error("crypto_pwhash_str() failed: out of memory");
    return out;
}

bool verify_password(std::string_view encoded, std::string_view password) {
    ensure_sodium();
    if (encoded.empty() || encoded.size() >= crypto_pwhash_STRBYTES) return false;
    const std::string hash(encoded);  // NUL-terminated for libsodium
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

}  // namespace lp::auth
