#pragma once
// The web page's static files: a map built once by listing the assets folder. A request path
// is only ever a key into this map; it never reaches the file system.

#include <filesystem>
#include <map>
#include <optional>
#include <string>

namespace lp::http {

struct Asset {
    std::filesystem::path file;
    std::string content_type;
};

class Assets {
public:
    Assets() = default;
    // Lists `dir` recursively (regular files only); a missing folder gives an empty map.
    explicit Assets(const std::filesystem::path& dir);
    // "/" is "/index.html"; other paths as requested, undecoded.
    const Asset* find(const std::string& path) const;
    std::size_t size() const { return files_.size(); }

private:
    std::map<std::string, Asset> files_;  // "/css/app.css"
};

std::string content_type_for(const std::filesystem::path& file);

}  // namespace lp::http
