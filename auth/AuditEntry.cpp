#include "auth/AuditEntry.hpp"

#include <algorithm>
#include <cctype>

#include "domain/Time.hpp"

namespace lp::auth {
namespace {

bool is_secret_name(std::string name) {
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    return name.find("password") != std::string::npos || name.find("token") != std::string::npos ||
           name.find("csrf") != std::string::npos || name.find("secret") != std::string::npos;
}

std::vector<std::string> segments(std::string_view path) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= path.size()) {
        const auto end = path.find('/', start);
        out.emplace_back(path.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    return out;
}

}  // namespace

nlohmann::json without_secrets(const nlohmann::json& body) {
    if (body.is_object()) {
        auto out = nlohmann::json::object();
        for (const auto& [key, value] : body.items())
            if (!is_secret_name(key)) out[key] = without_secrets(value);
        return out;
    }
    if (body.is_array()) {
        auto out = nlohmann::json::array();
        for (const auto& v : body) out.push_back(without_secrets(v));
        return out;
    }
    if (body.is_string() && body.get_ref<const std::string&>().size() > 1000)
        return body.get_ref<const std::string&>().substr(0, 1000) + "…";
    return body;
}

std::string route_pattern(const api::Call& call) {
    std::string out;
    bool first = true;
    for (const auto& seg : segments(call.path)) {
        if (!first) out += '/';
        first = false;
        std::string piece = seg;
        if (!seg.empty())
            for (const auto& [name, value] : call.params)
                if (value == seg) {
                    piece = "{" + name + "}";
                    break;
                }
        out += piece;
    }
    return out;
}

AuditRow audit_row_for(const api::Call& call, const api::Reply& reply, TimePoint at) {
    AuditRow row;
    row.at = domain::to_utc_text(at);
    row.account = call.caller.account;
    row.role = std::string(role_name(call.caller.role));
    if (row.account.empty() && reply.body.is_object() && reply.body.contains("account") &&
        reply.body["account"].is_string()) {  // the login: who logged in
        row.account = reply.body["account"].get<std::string>();
        if (reply.body.contains("role") && reply.body["role"].is_string()) row.role = reply.body["role"];
    }
    row.action = call.method + " " + route_pattern(call);
    std::string object;
    const auto path = segments(call.path);
    for (const auto& [name, value] : call.params)
        if (!value.empty() && std::find(path.begin(), path.end(), value) != path.end()) {  // a capture, not a query
            if (!object.empty()) object += ' ';
            object += name + "=" + value;
        }
    if (object.empty() && reply.body.is_object() && reply.body.contains("id") && reply.body["id"].is_number_integer())
        object = "id=" + std::to_string(reply.body["id"].get<std::int64_t>());
    row.object = object;
    nlohmann::json summary = nlohmann::json::object();
    if (!call.body.is_null()) summary["body"] = without_secrets(call.body);
    if (!call.upload_name.empty()) summary["upload"] = call.upload_name;
    summary["status"] = reply.status;
    if (call.caller.by_token) summary["by_token"] = true;
    row.summary = summary.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return row;
}

}  // namespace lp::auth
