#include "api/SlotBody.hpp"

#include <algorithm>

#include "api/Params.hpp"
#include "config/TimeText.hpp"
#include "domain/Vocabulary.hpp"

namespace lp::api {
namespace {

using scheduler::Entry;

std::vector<unsigned> weekdays(const Call& call) {
    const auto* v = opt_field(call, "days");
    if (!v) return {0, 1, 2, 3, 4, 5, 6};
    std::vector<unsigned> days;
    const auto add = [&](unsigned d) {
        if (std::ranges::find(days, d) == days.end()) days.push_back(d);
    };
    if (v->is_string()) {
        const auto& text = v->get_ref<const std::string&>();
        if (text == "all" || text == "hằng ngày" || text == "hang-ngay") return {0, 1, 2, 3, 4, 5, 6};
        for (const auto& part : split_list(text)) {
            const auto d = config::parse_weekday(part);
            if (!d)
                throw invalid("days", "Ngày trong tuần \"" + part +
                                          "\" không hợp lệ. Dùng t2, t3, t4, t5, t6, t7, cn (cách nhau bằng dấu "
                                          "phẩy), \"all\" hoặc danh sách số 0 (Chủ nhật) … 6 (thứ Bảy).");
            add(*d);
        }
    } else if (v->is_array()) {
        for (const auto& e : *v) {
            if (!e.is_number_integer())
                throw bad_request("days", "Trường \"days\" phải là danh sách số từ 0 (Chủ nhật) đến 6 (thứ Bảy).");
            const auto d = e.get<std::int64_t>();
            if (d < 0 || d > 6)
                throw invalid("days", "Ngày trong tuần " + std::to_string(d) +
                                          " không hợp lệ: dùng 0 (Chủ nhật) đến 6 (thứ Bảy).");
            add(static_cast<unsigned>(d));
        }
    } else {
        throw bad_request("days", "Trường \"days\" phải là chuỗi (\"t2,t4,t6\", \"all\") hoặc danh sách số 0 … 6.");
    }
    if (days.empty()) throw invalid("days", "Cần chọn ít nhất một ngày trong tuần.");
    std::ranges::sort(days);
    return days;
}

std::optional<domain::LocalDate> opt_date(const Call& call, const std::string& field) {
    const auto text = opt_string(call, field);
    if (!text || text->empty()) return std::nullopt;
    return parse_date_field(field, *text);
}

// An item the library has; 404 naming the field otherwise.
scheduler::ItemId known_item(const scheduler::Rules& rules, const std::string& field, std::int64_t id) {
    if (!rules.item(id))
        throw not_found(field,
                        "Không có tin, bài số " + std::to_string(id) + " trong thư viện (trường \"" + field + "\").");
    return id;
}

std::vector<scheduler::ItemId> fixed_items(const Call& call, const scheduler::Rules& rules) {
    const auto* v = opt_field(call, "items");
    std::vector<scheduler::ItemId> out;
    if (!v) return out;
    const auto wrong = bad_request("items", "Trường \"items\" phải là danh sách số tin, bài.");
    if (!v->is_array()) throw wrong;
    for (const auto& e : *v) {
        if (!e.is_number_integer()) throw wrong;
        out.push_back(known_item(rules, "items", e.get<std::int64_t>()));
    }
    return out;
}

// Each pool: {"count": 1…50, "topics": [codes], "forms": [codes], "tags": [names]}.
std::vector<Entry> pools(const Call& call) {
    const auto* v = opt_field(call, "pools");
    std::vector<Entry> out;
    if (!v) return out;
    const auto wrong = bad_request("pools",
                                   "Trường \"pools\" phải là danh sách {\"count\": số, \"topics\": [...], "
                                   "\"forms\": [...], \"tags\": [...]}.");
    if (!v->is_array()) throw wrong;
    for (const auto& p : *v) {
        if (!p.is_object()) throw wrong;
        Entry e;
        e.kind = Entry::Kind::pool;
        if (const auto c = p.find("count"); c != p.end() && !c->is_null()) {
            if (!c->is_number_integer()) throw wrong;
            const auto n = c->get<std::int64_t>();
            if (n < 1 || n > 50)
                throw invalid("pools", "Số tin chọn từ kho phải từ 1 đến 50 (đang là " + std::to_string(n) + ").");
            e.count = static_cast<int>(n);
        }
        const auto list = [&](const char* key) {
            std::vector<std::string> values;
            const auto it = p.find(key);
            if (it == p.end() || it->is_null()) return values;
            if (!it->is_array()) throw wrong;
            for (const auto& s : *it) {
                if (!s.is_string()) throw wrong;
                values.push_back(s.get<std::string>());
            }
            return values;
        };
        e.filter.topics = list("topics");
        if (!e.filter.topics.empty()) checked_topics("pools", e.filter.topics);
        e.filter.forms = list("forms");
        for (const auto& f : e.filter.forms) checked_form("pools", f);
        e.filter.tags = list("tags");
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace

std::string slot_name(const Call& call) {
    const auto name = checked_name("name", param(call, "name"));
    if (name.size() > 100) throw invalid("name", "Tên khung giờ dài quá 100 ký tự.");
    return name;
}

scheduler::Slot slot_from_body(const Call& call, const std::string& name, const scheduler::Rules& rules,
                               const config::Config& config) {
    scheduler::Slot s;
    s.name = name;
    const auto start = need_string(call, "start");
    const auto start_of_day = config::parse_time_of_day(start);
    if (!start_of_day)
        throw invalid("start", "Giờ bắt đầu \"" + start + "\" không hợp lệ: dùng dạng HH:MM, ví dụ 05:30.");
    s.start_of_day = *start_of_day;
    s.days = weekdays(call);
    const auto length = opt_string(call, "length").value_or("60m");
    const auto max_length = config::parse_duration(length);
    if (!max_length || max_length->count() == 0 || *max_length > std::chrono::hours(24))
        throw invalid("length",
                      "Thời lượng \"" + length + "\" không hợp lệ: từ 1 giây đến 24 giờ, ví dụ 30m, 1h, 1h30m.");
    s.max_length = *max_length;
    s.first_day = opt_date(call, "from");
    s.last_day = opt_date(call, "until");
    if (s.first_day && s.last_day && *s.last_day < *s.first_day)
        throw invalid("until", "Ngày kết thúc (until) đứng trước ngày bắt đầu (from).");
    for (const auto& d : opt_strings(call, "skip").value_or(std::vector<std::string>{}))
        s.skipped_days.push_back(parse_date_field("skip", d));
    s.outputs = checked_outputs(config, "outputs", opt_strings(call, "outputs").value_or(std::vector<std::string>{}));
    const auto opening = opt_integer(call, "opening");
    const auto closing = opt_integer(call, "closing");
    const auto items = fixed_items(call, rules);
    auto picks = pools(call);
    if (items.empty() && picks.empty())
        throw invalid("items", "Khung giờ cần ít nhất một tin, bài cố định (items) hoặc một dòng chọn từ kho (pools).");
    if (opening) s.programme.push_back({Entry::Kind::opening_jingle, known_item(rules, "opening", *opening), 1, {}});
    for (const auto id : items) s.programme.push_back({Entry::Kind::fixed, id, 1, {}});
    for (auto& p : picks) s.programme.push_back(std::move(p));
    if (closing) s.programme.push_back({Entry::Kind::closing_jingle, known_item(rules, "closing", *closing), 1, {}});
    return s;
}

}  // namespace lp::api
