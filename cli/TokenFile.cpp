#include "cli/TokenFile.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "cli/DaemonLinkError.hpp"

namespace lp::cli {
namespace {

constexpr std::size_t max_token_bytes = 4096;

std::string octal_mode(mode_t mode) {
    char text[8];
    std::snprintf(text, sizeof text, "%04o", static_cast<unsigned>(mode & 07777));
    return text;
}

// The file descriptor is closed on every path.
class Fd {
public:
    explicit Fd(int fd) : fd_(fd) {}
    ~Fd() {
        if (fd_ >= 0) ::close(fd_);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    int get() const { return fd_; }

private:
    int fd_;
};

}  // namespace

std::string read_token_file(const std::filesystem::path& file) {
    const std::string name = "\"" + file.string() + "\"";
    const std::string make = " Tạo mã bằng: loaphuong token add --for-cli --account TÊN (chạy với quyền root).";
    Fd fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK));
    if (fd.get() < 0) {
        const int err = errno;
        if (err == ENOENT)
            throw DaemonLinkError("loaphuongd đang chạy nhưng chưa có tệp mã truy cập " + name +
                                  " để gửi lệnh qua nó." + make);
        if (err == EACCES)
            throw DaemonLinkError("Không đọc được tệp mã truy cập " + name +
                                  " (không có quyền). Người dùng này cần thuộc nhóm loaphuong, "
                                  "hoặc chạy lệnh với sudo.");
        throw DaemonLinkError("Không đọc được tệp mã truy cập " + name + ": " + std::strerror(err) + ".");
    }
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode))
        throw DaemonLinkError("Tệp mã truy cập " + name + " không phải một tệp thường.");
    if ((st.st_mode & (S_IROTH | S_IWOTH)) != 0)
        throw DaemonLinkError("Tệp mã truy cập " + name + " có quyền " + octal_mode(st.st_mode) +
                              ": mọi người dùng trên máy đều đọc hoặc sửa được, nên không dùng. "
                              "Hãy sửa: chmod 0640 " +
                              file.string() + " (rồi tạo mã mới và thu hồi mã cũ: loaphuong token remove SỐ).");
    std::string text(max_token_bytes, '\0');
    const auto n = ::read(fd.get(), text.data(), text.size());
    if (n < 0) throw DaemonLinkError("Không đọc được tệp mã truy cập " + name + ": " + std::strerror(errno) + ".");
    text.resize(static_cast<std::size_t>(n));
    text = text.substr(0, text.find_first_of("\r\n"));
    const auto first = text.find_first_not_of(" \t");
    const auto last = text.find_last_not_of(" \t");
    if (first == std::string::npos) throw DaemonLinkError("Tệp mã truy cập " + name + " trống." + make);
    return text.substr(first, last - first + 1);
}

}  // namespace lp::cli
