#include "api/JournalRoutes.hpp"

#include <chrono>

#include "api/JournalExport.hpp"
#include "api/JournalWrites.hpp"
#include "api/Params.hpp"
#include "domain/Vocabulary.hpp"
#include "domain/WallClock.hpp"
#include "journal/RowJson.hpp"

namespace lp::api {
namespace {

using auth::Permission;

struct Filter {
    std::string topic, form, status, kind;
};

std::string kind_of(const journal::JournalRow& row) {
    if (row.corrects) return "correction";
    return row.is_manual() ? "manual" : "auto";
}

bool wanted(const journal::JournalRow& row, const Filter& f) {
    if (!f.status.empty() && journal::to_code(row.status) != f.status) return false;
    if (!f.form.empty() && row.plan.form != f.form) return false;
    if (!f.kind.empty() && kind_of(row) != f.kind) return false;
    if (!f.topic.empty()) {
        const auto& topics = row.plan.topics;
        const bool other = topics.empty() && f.topic == "other";
        if (!other && std::find(topics.begin(), topics.end(), f.topic) == topics.end()) return false;
    }
    return true;
}

std::int64_t number_param(const Call& call, const std::string& name, std::int64_t fallback, std::int64_t min,
                          std::int64_t max) {
    const auto text = param(call, name);
    if (text.empty()) return fallback;
    std::size_t used = 0;
    std::int64_t v = 0;
    try {
        v = std::stoll(text, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != text.size() || v < min || v > max)
        throw invalid(
            name, "\"" + name + "\" phải là số nguyên từ " + std::to_string(min) + " đến " + std::to_string(max) + ".");
    return v;
}

Reply list_rows(Services& s, Call& call) {
    const auto* tz = domain::zone(s.config()->time_zone);
    Filter f{param(call, "topic"), param(call, "form"), param(call, "status"), param(call, "kind")};
    if (!f.topic.empty() && !domain::is_topic(f.topic))
        throw invalid("topic", "Mã nội dung \"" + f.topic + "\" không có (a … n, dd, other).");
    if (!f.form.empty()) checked_form("form", f.form);
    if (!f.status.empty() && !journal::status_from_code(f.status))
        throw invalid("status", "Trạng thái \"" + f.status +
                                    "\" không có (playing, completed, interrupted, failed, skipped, missed).");
    if (!f.kind.empty() && f.kind != "auto" && f.kind != "manual" && f.kind != "correction")
        throw invalid("kind", "Loại dòng \"" + f.kind + "\" không có (auto, manual, correction).");
    const auto period = requested_period(call, domain::local_date(tz, domain::wall_now()));
    const auto first = period.first, last = period.last;
    const auto offset = number_param(call, "offset", 0, 0, 10'000'000);
    const auto limit = number_param(call, "limit", 100, 1, 1000);
    journal::JournalStore store(s.database());
    auto rows = store.between(domain::start_of_day(tz, first), domain::start_of_day(tz, domain::next_day(last)));
    std::erase_if(rows, [&](const journal::JournalRow& r) { return !wanted(r, f); });
    auto out = nlohmann::json::array();
    for (auto i = static_cast<std::size_t>(offset); i < rows.size() && out.size() < static_cast<std::size_t>(limit);
         ++i)
        out.push_back(journal::row_json(rows[i], tz, s.database()));
    return json_reply({{"total", rows.size()},
                       {"offset", offset},
                       {"limit", limit},
                       {"from", domain::display_date_text(first)},
                       {"to", domain::display_date_text(last)},
                       {"rows", out}});
}

Reply one_row(Services& s, Call& call) {
    const auto id = id_param(call);
    journal::JournalStore store(s.database());
    try {
        return json_reply(journal::row_json(store.row(id), domain::zone(s.config()->time_zone), s.database()));
    } catch (const std::out_of_range&) {
        throw not_found("id", "Không có dòng nhật ký số " + std::to_string(id) + ".");
    }
}

}  // namespace

std::vector<Route> journal_routes(Services& s) {
    const auto h = [&s](Reply (*f)(Services&, Call&)) { return [&s, f](Call& c) { return f(s, c); }; };
    // The fixed paths before "/api/journal/{id}": the router takes the first pattern that matches.
    return {
        {"GET", "/api/journal", Permission::read, false, false, h(list_rows)},
        {"GET", "/api/journal/verify", Permission::read, true, false, h(verify_journal)},
        {"GET", "/api/journal/export", Permission::read, true, false, h(export_journal)},
        {"POST", "/api/journal/manual", Permission::journal, false, false, h(add_manual_entry)},
        {"GET", "/api/journal/{id}", Permission::read, false, false, h(one_row)},
        {"POST", "/api/journal/{id}/correct", Permission::journal, false, false, h(correct_journal_row)},
    };
}

}  // namespace lp::api
