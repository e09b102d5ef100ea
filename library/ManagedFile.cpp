#include "library/ManagedFile.hpp"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <system_error>
#include <vector>

namespace lp::library {
namespace {

[[noreturn]] void fail(const std::string& what) { throw std::system_error(errno, std::generic_category(), what); }

}  // namespace

TempMediaFile::TempMediaFile(const std::filesystem::path& dir) {
    std::string pattern = (dir / ".import-XXXXXX").string();
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    fd_ = ::mkostemp(name.data(), O_CLOEXEC);
    if (fd_ < 0) fail("mkostemp(" + pattern + ")");
    path_ = name.data();
}

TempMediaFile::~TempMediaFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!installed_) ::unlink(path_.c_str());
}

void TempMediaFile::install(const std::filesystem::path& target) {
    if (::fsync(fd_) != 0) fail("fsync(" + path_.string() + ")");
    ::fchmod(fd_, 0644);  // mkstemp makes it 0600; the daemon may run as another user
    if (::close(fd_) != 0) {
        fd_ = -1;
        fail("close(" + path_.string() + ")");
    }
    fd_ = -1;
    if (::rename(path_.c_str(), target.c_str()) != 0) fail("rename(" + path_.string() + ", " + target.string() + ")");
    installed_ = true;
    const int dir = ::open(target.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
}

std::string managed_name(const std::string& sha256, const std::filesystem::path& original) {
    std::string ext = original.extension().string();
    if (!ext.empty()) ext.erase(0, 1);
    std::ranges::transform(ext, ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const bool plain = !ext.empty() && ext.size() <= 5 &&
                       std::ranges::all_of(ext, [](unsigned char c) { return std::isalnum(c) != 0; });
    return plain ? sha256 + "." + ext : sha256;
}

}  // namespace lp::library
