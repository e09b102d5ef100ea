#include "evidence/KeyFile.hpp"

#include <fcntl.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "evidence/detail/SyncedWrite.hpp"

namespace lp::evidence {
namespace {

std::string read_trimmed(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) throw std::runtime_error(file.string() + ": cannot read: " + std::strerror(errno));
    std::stringstream s;
    s << in.rdbuf();
    std::string text = s.str();
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.pop_back();
    return text;
}

}  // namespace

KeyPair load_key(const std::filesystem::path& path) {
    KeyPair k;
    k.secret_hex = read_trimmed(path);
    try {
        k.public_hex = public_of(k.secret_hex);
    } catch (const std::invalid_argument&) {
        throw std::runtime_error(path.string() + ": not an Ed25519 secret key");
    }
    return k;
}

KeyPair load_or_make_key(const std::filesystem::path& path) {
    if (std::filesystem::exists(path)) return load_key(path);
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
    const KeyPair k = make_key_pair();
    detail::write_line_synced(path, k.secret_hex, O_EXCL, 0600);
    const auto pub = public_key_file(path);
    std::filesystem::remove(pub);
    detail::write_line_synced(pub, k.public_hex, O_EXCL, 0644);
    return k;
}

std::string load_public_key(const std::string& file_or_hex) {
    std::string hex = file_or_hex;
    if (std::filesystem::is_regular_file(file_or_hex)) hex = read_trimmed(file_or_hex);
    try {
        key_id(hex);
    } catch (const std::invalid_argument&) {
        throw std::runtime_error(file_or_hex + ": not an Ed25519 public key");
    }
    return hex;
}

}  // namespace lp::evidence
