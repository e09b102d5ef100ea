#include "export/JournalTable.hpp"

#include "domain/Time.hpp"
#include "domain/Vocabulary.hpp"
#include "export/Csv.hpp"

namespace lp::exporting {
namespace {

std::string join(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
}

}  // namespace

std::vector<std::string> journal_headers() {
    return {"STT",        "Ngày",         "Giờ theo lịch", "Giờ bắt đầu", "Giờ kết thúc",
            "Thời lượng", "Tên tin, bài", "Nội dung",      "Hình thức",   "Lượt phát thứ",
            "Khung giờ",  "Đầu ra",       "Kết quả",       "Ghi chú",     "Chi tiết kỹ thuật"};
}

std::vector<std::string> journal_cells(const journal::JournalRow& r, int n, const date::time_zone* tz) {
    const auto shown = r.started_at.value_or(r.plan.scheduled_at);
    return {
        std::to_string(n),
        domain::local_date_text(tz, shown),
        domain::local_time_text(tz, r.plan.scheduled_at),
        r.started_at ? domain::local_time_text(tz, *r.started_at) : "",
        r.ended_at && r.started_at ? domain::local_time_text(tz, *r.ended_at) : "",
        domain::duration_text(r.played),
        r.plan.title,
        domain::topic_labels(r.plan.topics),
        std::string(domain::form_label(r.plan.form)),
        r.ordinal ? std::to_string(*r.ordinal) : "",
        r.plan.slot,
        join(r.outputs),
        std::string(journal::status_label(r.status)),
        r.reason,
        r.detail,
    };
}

Table journal_table(const std::vector<journal::JournalRow>& rows, const date::time_zone* tz) {
    Table t;
    t.headers = journal_headers();
    int n = 0;
    for (const auto& r : rows) t.rows.push_back(journal_cells(r, ++n, tz));
    return t;
}

std::string journal_csv(const std::vector<journal::JournalRow>& rows, const date::time_zone* tz) {
    CsvWriter csv;
    csv.row(journal_headers());
    int n = 0;
    for (const auto& r : rows) csv.row(journal_cells(r, ++n, tz));
    return csv.text();
}

}  // namespace lp::exporting
