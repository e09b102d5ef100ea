#include "reach/IcecastStats.hpp"

#include <charconv>
#include <stdexcept>

namespace lp::reach {

std::optional<StatsSource> stats_source(const audio::OutputSpec& spec) {
    if (spec.kind != "icecast") return std::nullopt;
    const auto get = [&](const char* key) {
        const auto it = spec.options.find(key);
        return it == spec.options.end() ? std::string{} : it->second;
    };
    StatsSource s{spec.name, get("server"), get("mount"), get("admin_user"), get("admin_password")};
    if (s.server.empty() || s.mount.empty() || s.user.empty() || s.password.empty()) return std::nullopt;
    return s;
}

bool icecast_without_admin(const audio::OutputSpec& spec) { return spec.kind == "icecast" && !stats_source(spec); }

namespace {

// The text between <tag> and </tag> from `from`, within `within`.
std::optional<std::string_view> element(std::string_view within, std::string_view tag) {
    const auto open = "<" + std::string(tag) + ">";
    const auto start = within.find(open);
    if (start == std::string_view::npos) return std::nullopt;
    const auto body = start + open.size();
    const auto end = within.find("</" + std::string(tag) + ">", body);
    if (end == std::string_view::npos) return std::nullopt;
    return within.substr(body, end - body);
}

}  // namespace

int mount_listeners(std::string_view xml, std::string_view mount) {
    if (xml.find("<icestats>") == std::string_view::npos)
        throw std::runtime_error("not Icecast statistics (no <icestats>)");
    // Icecast writes each source as <source mount="/name">...</source>.
    const auto tag = "<source mount=\"" + std::string(mount) + "\">";
    const auto start = xml.find(tag);
    if (start == std::string_view::npos) return 0;
    const auto end = xml.find("</source>", start);
    if (end == std::string_view::npos) throw std::runtime_error("Icecast statistics cut short");
    const auto value = element(xml.substr(start, end - start), "listeners");
    if (!value) throw std::runtime_error("no <listeners> for mount " + std::string(mount));
    int n = -1;
    const auto [p, ec] = std::from_chars(value->data(), value->data() + value->size(), n);
    if (ec != std::errc{} || p != value->data() + value->size() || n < 0)
        throw std::runtime_error("listeners of mount " + std::string(mount) + " not a count: " + std::string(*value));
    return n;
}

}  // namespace lp::reach
