#include "export/ExportCheck.hpp"

#include "export/ZipText.hpp"
#include "journal/JournalStore.hpp"

namespace lp::exporting {

ExportCheck check_export(sqlite::Database& db, const std::filesystem::path& file, const date::time_zone* tz) {
    ExportCheck c;
    c.stamp = ChainStamp::find_in(searchable_text(file));
    if (!c.stamp) return c;
    const auto& s = *c.stamp;
    c.chain = journal::verify_chain(db);
    if (!c.chain.ok())
        c.problems.push_back("Chuỗi niêm phong trong cơ sở dữ liệu bị đứt (xem loaphuong journal verify).");

    const auto seal = journal::seal_at(db, s.head_seq);
    if (!seal)
        c.problems.push_back("Cơ sở dữ liệu không còn mắt xích số " + std::to_string(s.head_seq) + " mà tệp ghi.");
    else if (*seal != s.head_seal)
        c.problems.push_back(
            "Mắt xích số " + std::to_string(s.head_seq) +
            " trong cơ sở dữ liệu có mã niêm phong khác với tệp: nhật ký đã bị viết lại sau khi xuất tệp.");

    const auto period = parse_period(s.period_code);
    if (!period) {
        c.problems.push_back("Kỳ báo cáo \"" + s.period_code + "\" ghi trong tệp không hợp lệ.");
        return c;
    }
    journal::JournalStore journal(db);
    const auto rows = journal.between(domain::start_of_day(tz, period->first),
                                      domain::start_of_day(tz, domain::next_day(period->last)));
    c.rows_now = static_cast<std::int64_t>(rows.size());
    if (c.rows_now != s.rows)
        c.problems.push_back("Tệp ghi " + std::to_string(s.rows) + " dòng nhật ký cho kỳ " + period->words() +
                             ", cơ sở dữ liệu hiện có " + std::to_string(c.rows_now) + " dòng.");
    else if (seal_digest(rows) != s.digest)
        c.problems.push_back("Các dòng nhật ký của kỳ " + period->words() +
                             " trong cơ sở dữ liệu khác với các dòng trong tệp (mã tổng hợp không khớp).");
    return c;
}

}  // namespace lp::exporting
