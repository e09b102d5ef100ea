#pragma once
// The box's signing key on disk: the secret key in `path` (hex, mode 0600, owned by whoever
// runs loaphuong: the service user), the public key next to it in `path` + ".pub".

#include <filesystem>
#include <string>

#include "evidence/Signing.hpp"

namespace lp::evidence {

inline std::filesystem::path public_key_file(const std::filesystem::path& secret) {
    auto p = secret;
    p += ".pub";
    return p;
}

// Reads the key pair, making it first when `path` does not exist (parent directories too).
// Throws std::runtime_error naming the file when it cannot be read or written, or is not a key.
KeyPair load_or_make_key(const std::filesystem::path& path);
// Reads an existing key pair; throws std::runtime_error naming the file.
KeyPair load_key(const std::filesystem::path& path);
// A public key file (or the hex itself); throws std::runtime_error naming it.
std::string load_public_key(const std::string& file_or_hex);

}  // namespace lp::evidence
