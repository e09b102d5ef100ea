#pragma once
#include <filesystem>
#include <string>

namespace lp::library {

// A temporary file in the media folder that becomes a managed file by an atomic rename,
// or disappears: the destructor unlinks it unless install() succeeded.
class TempMediaFile {
public:
    // Creates "<dir>/.import-XXXXXX" (mkstemp). Throws std::system_error naming it.
    explicit TempMediaFile(const std::filesystem::path& dir);
    ~TempMediaFile();
    TempMediaFile(const TempMediaFile&) = delete;
    TempMediaFile& operator=(const TempMediaFile&) = delete;

    int fd() const noexcept { return fd_; }
    // fsync()s and closes the file, renames it to `target` and fsync()s the folder, so the
    // copy survives a power cut once the row that names it is committed. Throws.
    void install(const std::filesystem::path& target);

private:
    std::filesystem::path path_;
    int fd_ = -1;
    bool installed_ = false;
};

// "<sha256>.<ext>": the managed name of a recording. The extension is the original's,
// lower-cased, when it is short and plain (FFmpeg probes content, not names).
std::string managed_name(const std::string& sha256, const std::filesystem::path& original);

}  // namespace lp::library
