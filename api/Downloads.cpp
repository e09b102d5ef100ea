#include "api/Downloads.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <system_error>
#include <vector>

namespace lp::api {

std::string content_type_of(const std::filesystem::path& file) {
    const auto ext = file.extension().string();
    if (ext == ".xlsx") return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    if (ext == ".pdf") return "application/pdf";
    if (ext == ".csv") return "text/csv; charset=utf-8";
    if (ext == ".json") return "application/json";
    return "application/octet-stream";
}

TemporaryFile::TemporaryFile(std::string_view what, std::string_view extension) {
    const std::string suffix = "." + std::string(extension);
    std::string pattern =
        (std::filesystem::temp_directory_path() / ("loaphuong-" + std::string(what) + "-XXXXXX" + suffix)).string();
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    const int fd = ::mkstemps(name.data(), static_cast<int>(suffix.size()));
    if (fd < 0) throw std::system_error(errno, std::generic_category(), "cannot make a temporary file " + pattern);
    ::close(fd);
    path_ = name.data();
}

TemporaryFile::~TemporaryFile() {
    if (!owned_) return;
    std::error_code ec;
    std::filesystem::remove(path_, ec);
}

std::filesystem::path TemporaryFile::release() {
    owned_ = false;
    return path_;
}

}  // namespace lp::api
