#include "api/Params.hpp"

#include <algorithm>
#include <sstream>

#include "domain/Vocabulary.hpp"

namespace lp::api {

ApiError bad_request(const std::string& field, const std::string& message) { return {400, field, message}; }
ApiError not_found(const std::string& field, const std::string& message) { return {404, field, message}; }
ApiError conflict(const std::string& field, const std::string& message) { return {409, field, message}; }
ApiError invalid(const std::string& field, const std::string& message) { return {422, field, message}; }

Reply json_reply(nlohmann::json body, int status) {
    Reply r;
    r.status = status;
    r.body = std::move(body);
    return r;
}

namespace {

const nlohmann::json* field_of(const Call& call, const std::string& field) {
    const auto& body = body_object(call);
    const auto it = body.find(field);
    return it == body.end() ? nullptr : &*it;
}

}  // namespace

const nlohmann::json& body_object(const Call& call) {
    static const nlohmann::json empty = nlohmann::json::object();
    if (call.body.is_null()) return empty;
    if (!call.body.is_object()) throw bad_request("", "Nội dung yêu cầu phải là một đối tượng JSON.");
    return call.body;
}

std::optional<std::string> opt_string(const Call& call, const std::string& field) {
    const auto* v = field_of(call, field);
    if (!v || v->is_null()) return std::nullopt;
    if (!v->is_string()) throw bad_request(field, "Trường \"" + field + "\" phải là chuỗi ký tự.");
    return v->get<std::string>();
}

std::string need_string(const Call& call, const std::string& field) {
    auto v = opt_string(call, field);
    if (!v) throw bad_request(field, "Thiếu trường \"" + field + "\".");
    if (v->find_first_not_of(" \t\r\n") == std::string::npos)
        throw invalid(field, "Trường \"" + field + "\" không được để trống.");
    return *v;
}

std::optional<std::int64_t> opt_integer(const Call& call, const std::string& field) {
    const auto* v = field_of(call, field);
    if (!v || v->is_null()) return std::nullopt;
    if (!v->is_number_integer()) throw bad_request(field, "Trường \"" + field + "\" phải là số nguyên.");
    return v->get<std::int64_t>();
}

std::int64_t need_integer(const Call& call, const std::string& field) {
    auto v = opt_integer(call, field);
    if (!v) throw bad_request(field, "Thiếu trường \"" + field + "\".");
    return *v;
}

std::optional<bool> opt_bool(const Call& call, const std::string& field) {
    const auto* v = field_of(call, field);
    if (!v || v->is_null()) return std::nullopt;
    if (!v->is_boolean()) throw bad_request(field, "Trường \"" + field + "\" phải là true hoặc false.");
    return v->get<bool>();
}

std::optional<std::vector<std::string>> opt_strings(const Call& call, const std::string& field) {
    const auto* v = field_of(call, field);
    if (!v || v->is_null()) return std::nullopt;
    const auto wrong = bad_request(field, "Trường \"" + field + "\" phải là một danh sách chuỗi ký tự.");
    if (!v->is_array()) throw wrong;
    std::vector<std::string> out;
    for (const auto& e : *v) {
        if (!e.is_string()) throw wrong;
        out.push_back(e.get<std::string>());
    }
    return out;
}

bool is_null_field(const Call& call, const std::string& field) {
    const auto* v = field_of(call, field);
    return v && v->is_null();
}

std::string param(const Call& call, const std::string& name) {
    const auto it = call.params.find(name);
    return it == call.params.end() ? std::string{} : it->second;
}

std::int64_t id_param(const Call& call, const std::string& name) {
    const auto text = param(call, name);
    std::int64_t id = 0;
    std::size_t used = 0;
    try {
        id = std::stoll(text, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (text.empty() || used != text.size() || id <= 0)
        throw not_found(name, "Mã \"" + text + "\" không hợp lệ: cần một số nguyên dương.");
    return id;
}

domain::LocalDate parse_date_field(const std::string& field, const std::string& text) {
    const auto day = domain::parse_date(text);
    if (!day) throw invalid(field, "Ngày \"" + text + "\" không hợp lệ (cần dạng dd/mm/yyyy).");
    return *day;
}

std::vector<std::string> checked_topics(const std::string& field, const std::vector<std::string>& codes) {
    if (codes.empty()) throw invalid(field, "Cần ít nhất một mã nội dung.");
    for (const auto& c : codes)
        if (!domain::is_topic(c)) throw invalid(field, "Mã nội dung \"" + c + "\" không có (a … n, dd, other).");
    return codes;
}

std::string checked_form(const std::string& field, const std::string& code) {
    if (!domain::is_form(code))
        throw invalid(field, "Hình thức \"" + code +
                                 "\" không có (tin, bai, phong_su, phong_van, toa_dam, thong_bao, am_nhac, other).");
    return code;
}

std::string checked_name(const std::string& field, const std::string& name) {
    if (name.find_first_not_of(" \t") == std::string::npos) throw invalid(field, "Tên không được để trống.");
    if (name == "." || name.find("..") != std::string::npos || name.find('/') != std::string::npos ||
        name.find('\\') != std::string::npos || name.find('\0') != std::string::npos)
        throw invalid(field, "Tên \"" + name + "\" không hợp lệ: không được chứa đường dẫn (\"/\", \"\\\", \"..\").");
    return name;
}

std::vector<std::string> split_list(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream in(text);
    for (std::string part; std::getline(in, part, ',');) {
        const auto b = part.find_first_not_of(' ');
        if (b == std::string::npos) continue;
        out.push_back(part.substr(b, part.find_last_not_of(' ') - b + 1));
    }
    return out;
}

exporting::Period requested_period(const Call& call, domain::LocalDate today) {
    if (const auto p = param(call, "period"); !p.empty()) {
        const auto period = exporting::parse_period(p);
        if (!period) throw invalid("period", "Kỳ \"" + p + "\" không hợp lệ (ví dụ 2026Q1, 2026H1, 2026-03, 2026).");
        return *period;
    }
    const auto from = param(call, "from");
    const auto to = param(call, "to");
    const auto first = from.empty() ? today : parse_date_field("from", from);
    const auto last = !to.empty() ? parse_date_field("to", to) : from.empty() ? today : std::max(first, today);
    if (last < first) throw invalid("to", "Ngày \"to\" đứng trước ngày \"from\".");
    return exporting::custom_period(first, last);
}

}  // namespace lp::api
