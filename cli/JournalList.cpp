#include "cli/JournalList.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <iostream>
#include <memory>

#include "cli/OperatorError.hpp"
#include "cli/PeriodOption.hpp"
#include "domain/Time.hpp"
#include "domain/Vocabulary.hpp"
#include "journal/JournalStore.hpp"
#include "journal/RowJson.hpp"

namespace lp::cli {
namespace {

struct JournalListOptions {
    std::string period;
    std::string from;
    std::string to;
    std::string status;
    std::string topic;
    std::string form;
    bool json = false;
};

bool wanted(const journal::JournalRow& row, const JournalListOptions& o) {
    if (!o.status.empty() && journal::to_code(row.status) != o.status) return false;
    if (!o.form.empty() && row.plan.form != o.form) return false;
    if (!o.topic.empty()) {
        const auto& topics = row.plan.topics;
        const bool other = topics.empty() && o.topic == "other";
        if (!other && std::find(topics.begin(), topics.end(), o.topic) == topics.end()) return false;
    }
    return true;
}

using journal::shown_time;

void print_row(const journal::JournalRow& row, const date::time_zone* tz) {
    std::cout << row.id << "  " << domain::local_date_text(tz, shown_time(row)) << ' '
              << domain::local_time_text(tz, shown_time(row)) << "  " << row.plan.title << "  ["
              << domain::topic_labels(row.plan.topics) << " · " << domain::form_label(row.plan.form) << "]  "
              << journal::status_label(row.status);
    if (row.ordinal) std::cout << " (lần " << *row.ordinal << ')';
    if (row.corrects) std::cout << " — đính chính dòng " << *row.corrects;
    if (!row.reason.empty()) std::cout << " — " << row.reason;
    std::cout << '\n';
}

void check_codes(const JournalListOptions& o) {
    if (!o.status.empty() && !journal::status_from_code(o.status))
        throw OperatorError("Trạng thái \"" + o.status +
                            "\" không có. Chọn một trong: playing, completed, interrupted, failed, skipped, missed.");
    if (!o.topic.empty() && !domain::is_topic(o.topic))
        throw OperatorError("Mã nội dung \"" + o.topic + "\" không có. Xem: loaphuong media topics.");
    if (!o.form.empty() && !domain::is_form(o.form))
        throw OperatorError("Hình thức \"" + o.form + "\" không có. Xem: loaphuong media forms.");
}

void run_journal_list(Context& context, const JournalListOptions& o) {
    context.load();
    check_codes(o);
    const auto* tz = domain::zone(context.config.time_zone);
    const auto period = period_option(o.period, o.from, o.to, today(tz));
    auto db = context.open_database();
    journal::JournalStore store(db);
    auto rows =
        store.between(domain::start_of_day(tz, period.first), domain::start_of_day(tz, domain::next_day(period.last)));
    std::erase_if(rows, [&](const journal::JournalRow& r) { return !wanted(r, o); });
    if (o.json) {
        auto out = nlohmann::json::array();
        for (const auto& r : rows) out.push_back(journal::row_json(r, tz, db));
        std::cout << out.dump(2) << '\n';
        return;
    }
    if (rows.empty()) {
        std::cout << "Không có dòng nhật ký nào (" << period.words_with_dates() << ").\n";
        return;
    }
    for (const auto& r : rows) print_row(r, tz);
    std::cout << rows.size() << " dòng (" << period.words_with_dates() << ").\n";
}

}  // namespace

void add_journal_list_command(CLI::App& journal, Context& context) {
    auto o = std::make_shared<JournalListOptions>();
    auto* list = journal.add_subcommand("list", "Liệt kê các dòng nhật ký kèm số dòng (để đính chính)");
    list->add_option("--period", o->period, "Kỳ: 2026Q1, 2026H1, 2026-03, 2026, 01/01/2026-15/02/2026");
    list->add_option("--from", o->from, "Từ ngày (dd/mm/yyyy)");
    list->add_option("--to", o->to, "Đến ngày, tính cả ngày này");
    list->add_option("--status", o->status, "Trạng thái: completed, interrupted, failed, skipped, missed, playing");
    list->add_option("--topic", o->topic, "Chỉ nội dung này (mã)");
    list->add_option("--form", o->form, "Chỉ hình thức này (mã)");
    list->add_flag("--json", o->json, "In JSON (cho script)");
    list->callback([&context, o] { run_journal_list(context, *o); });
}

}  // namespace lp::cli
