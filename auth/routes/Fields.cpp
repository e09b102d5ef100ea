#include "auth/routes/Fields.hpp"

#include <algorithm>

namespace lp::auth::fields {
namespace {

std::string quoted(const std::string& name) { return "\"" + name + "\""; }

const nlohmann::json* find(const api::Call& call, const char* name) {
    const auto it = call.body.find(name);
    return it == call.body.end() || it->is_null() ? nullptr : &*it;
}

}  // namespace

void expect_object(const api::Call& call, std::initializer_list<const char*> allowed) {
    if (!call.body.is_object())
        throw api::ApiError(400, "", "Nội dung yêu cầu phải là một đối tượng JSON, ví dụ {\"name\": \"…\"}.");
    for (const auto& [key, value] : call.body.items())
        if (std::none_of(allowed.begin(), allowed.end(), [&](const char* a) { return key == a; }))
            throw api::ApiError(400, key, "Trường " + quoted(key) + " không được hỗ trợ ở đây.");
}

std::string required_string(const api::Call& call, const char* name) {
    if (auto v = optional_string(call, name)) return *v;
    throw api::ApiError(400, name, "Thiếu trường " + quoted(name) + ".");
}

std::optional<std::string> optional_string(const api::Call& call, const char* name) {
    const auto* v = find(call, name);
    if (!v) return std::nullopt;
    if (!v->is_string()) throw api::ApiError(400, name, "Trường " + quoted(name) + " phải là một chuỗi.");
    return v->get<std::string>();
}

std::optional<bool> optional_bool(const api::Call& call, const char* name) {
    const auto* v = find(call, name);
    if (!v) return std::nullopt;
    if (!v->is_boolean()) throw api::ApiError(400, name, "Trường " + quoted(name) + " phải là true hoặc false.");
    return v->get<bool>();
}

std::string param(const api::Call& call, const char* name) {
    const auto it = call.params.find(name);
    if (it == call.params.end() || it->second.empty())
        throw api::ApiError(400, name, "Thiếu " + quoted(name) + " trong đường dẫn.");
    return it->second;
}

api::ApiError to_api_error(const AccountError& e) {
    switch (e.kind()) {
        case AccountError::Kind::not_found: return api::ApiError(404, e.field(), e.what());
        case AccountError::Kind::conflict: return api::ApiError(409, e.field(), e.what());
        case AccountError::Kind::invalid: break;
    }
    return api::ApiError(400, e.field(), e.what());
}

}  // namespace lp::auth::fields
