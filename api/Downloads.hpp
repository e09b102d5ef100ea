#pragma once
// Files the API sends: their content type, and the private temporary file an export is written
// to before the server sends it and removes it (Reply::remove_file_after).

#include <filesystem>
#include <string>
#include <string_view>

namespace lp::api {

// By the file's extension: xlsx, pdf, csv, json; anything else application/octet-stream.
std::string content_type_of(const std::filesystem::path& file);

// An empty file of its own in the temporary folder ("loaphuong-<what>-XXXXXX.<ext>", mode
// 0600), removed with the object unless released. Throws std::system_error when it cannot be
// made.
class TemporaryFile {
public:
    TemporaryFile(std::string_view what, std::string_view extension);
    ~TemporaryFile();
    TemporaryFile(const TemporaryFile&) = delete;
    TemporaryFile& operator=(const TemporaryFile&) = delete;

    const std::filesystem::path& path() const { return path_; }
    // Hands the file on (to the server, which removes it once sent); no longer removed here.
    std::filesystem::path release();

private:
    std::filesystem::path path_;
    bool owned_ = true;
};

}  // namespace lp::api
