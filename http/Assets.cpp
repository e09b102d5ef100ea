#include "http/Assets.hpp"

#include <system_error>

namespace lp::http {

std::string content_type_for(const std::filesystem::path& file) {
    const auto ext = file.extension().string();
    if (ext == ".html") return "text/html; charset=utf-8";
    if (ext == ".css") return "text/css; charset=utf-8";
    if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
    if (ext == ".json") return "application/json";
    if (ext == ".svg") return "image/svg+xml";
    if (ext == ".png") return "image/png";
    if (ext == ".ico") return "image/x-icon";
    if (ext == ".woff2") return "font/woff2";
    if (ext == ".txt") return "text/plain; charset=utf-8";
    // The library's recordings (listened to through the API and the public side).
    if (ext == ".mp3") return "audio/mpeg";
    if (ext == ".wav") return "audio/wav";
    if (ext == ".ogg" || ext == ".opus") return "audio/ogg";
    if (ext == ".flac") return "audio/flac";
    if (ext == ".m4a") return "audio/mp4";
    return "application/octet-stream";
}

Assets::Assets(const std::filesystem::path& dir) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) return;
    for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        if (!it->is_regular_file(ec)) continue;
        const auto rel = std::filesystem::relative(it->path(), dir, ec).generic_string();
        if (ec || rel.empty()) continue;
        files_["/" + rel] = Asset{it->path(), content_type_for(it->path())};
    }
}

const Asset* Assets::find(const std::string& path) const {
    const auto it = files_.find(path == "/" ? "/index.html" : path);
    return it == files_.end() ? nullptr : &it->second;
}

}  // namespace lp::http
