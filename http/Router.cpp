#include "http/Router.hpp"

namespace lp::http {
namespace {

int hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::vector<std::string_view> split(std::string_view path) {
    std::vector<std::string_view> out;
    std::size_t start = 1;
    while (start <= path.size()) {
        const auto slash = path.find('/', start);
        const auto end = slash == std::string_view::npos ? path.size() : slash;
        out.push_back(path.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

}  // namespace

std::optional<std::string> url_decode(std::string_view text, bool plus_is_space) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '%') {
            if (i + 2 >= text.size()) return std::nullopt;
            const int hi = hex(text[i + 1]);
            const int lo = hex(text[i + 2]);
            if (hi < 0 || lo < 0) return std::nullopt;
            c = static_cast<char>(hi * 16 + lo);
            i += 2;
        } else if (c == '+' && plus_is_space) {
            c = ' ';
        }
        if (c == '\0') return std::nullopt;
        out.push_back(c);
    }
    return out;
}

bool decode_pairs(std::string_view text, std::map<std::string, std::string>& out) {
    while (!text.empty()) {
        const auto amp = text.find('&');
        const auto pair = text.substr(0, amp);
        text = amp == std::string_view::npos ? std::string_view{} : text.substr(amp + 1);
        if (pair.empty()) continue;
        const auto eq = pair.find('=');
        auto key = url_decode(pair.substr(0, eq), true);
        auto value = url_decode(eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1), true);
        if (!key || !value) return false;
        out.emplace(std::move(*key), std::move(*value));  // captures win over the query
    }
    return true;
}

Router::Router(std::vector<api::Route> routes) : routes_(std::move(routes)) {}

Match Router::match(std::string_view method, std::string_view target) const {
    Match m;
    const auto q = target.find('?');
    const std::string_view raw_path = target.substr(0, q);
    if (raw_path.empty() || raw_path.front() != '/') {
        m.kind = Match::Kind::bad_request;
        return m;
    }
    const auto raw_segments = split(raw_path);
    std::vector<std::string> segments;
    for (auto s : raw_segments) {
        auto d = url_decode(s, false);
        if (!d || d->find('/') != std::string::npos) {
            m.kind = Match::Kind::bad_request;
            return m;
        }
        segments.push_back(std::move(*d));
    }
    m.path = std::string(raw_path);
    bool path_known = false;
    for (const auto& route : routes_) {
        const auto pattern = split(route.pattern);
        if (pattern.size() != segments.size()) continue;
        std::map<std::string, std::string> captures;
        bool ok = true;
        for (std::size_t i = 0; i < pattern.size() && ok; ++i) {
            const auto p = pattern[i];
            if (p.size() > 2 && p.front() == '{' && p.back() == '}') {
                if (segments[i].empty())
                    ok = false;
                else
                    captures[std::string(p.substr(1, p.size() - 2))] = segments[i];
            } else {
                ok = p == segments[i];
            }
        }
        if (!ok) continue;
        path_known = true;
        if (route.method != method) continue;
        m.kind = Match::Kind::found;
        m.route = &route;
        m.params = std::move(captures);
        break;
    }
    if (m.kind != Match::Kind::found) {
        m.kind = path_known ? Match::Kind::wrong_method : Match::Kind::not_found;
        return m;
    }
    if (q != std::string_view::npos && !decode_pairs(target.substr(q + 1), m.params)) {
        m.kind = Match::Kind::bad_request;
        m.route = nullptr;
    }
    return m;
}

}  // namespace lp::http
