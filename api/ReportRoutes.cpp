#include "api/ReportRoutes.hpp"

#include <chrono>
#include <optional>

#include "api/Params.hpp"

namespace lp::api {
namespace {

namespace fs = std::filesystem;

// The regular files directly in the reports folder, by name. Nothing else is ever served.
std::vector<fs::directory_entry> listing(const fs::path& dir) {
    std::vector<fs::directory_entry> out;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file(ec) && !it->is_symlink(ec)) out.push_back(*it);
    std::ranges::sort(out, {}, [](const auto& e) { return e.path().filename().string(); });
    return out;
}

std::string content_type(const fs::path& p) {
    const auto ext = p.extension().string();
    if (ext == ".xlsx") return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    if (ext == ".pdf") return "application/pdf";
    if (ext == ".csv") return "text/csv; charset=utf-8";
    if (ext == ".json") return "application/json";
    return "application/octet-stream";
}

Reply list(Services& s, Call&) {
    auto files = nlohmann::json::array();
    for (const auto& e : listing(s.config().reports.dir)) {
        std::error_code ec;
        const auto modified = std::chrono::time_point_cast<std::chrono::system_clock::duration>(
            std::chrono::file_clock::to_sys(e.last_write_time(ec)));
        files.push_back({{"name", e.path().filename().string()},
                         {"size", e.file_size(ec)},
                         {"modified", domain::to_utc_text(modified)}});
    }
    return json_reply({{"files", files}});
}

Reply download(Services& s, Call& call) {
    const auto name = checked_name("name", param(call, "name"));
    for (const auto& e : listing(s.config().reports.dir)) {
        if (e.path().filename().string() != name) continue;
        Reply r;
        r.file = e.path();
        r.content_type = content_type(e.path());
        r.download_name = name;
        return r;
    }
    throw not_found("name", "Không có tệp báo cáo \"" + name + "\".");
}

}  // namespace

std::vector<Route> report_routes(Services& s) {
    return {
        {"GET", "/api/reports", auth::Permission::read, false, false, [&s](Call& c) { return list(s, c); }},
        {"GET", "/api/reports/{name}", auth::Permission::read, false, false, [&s](Call& c) { return download(s, c); }},
    };
}

}  // namespace lp::api
