#include "evidence/ExportAgainstDb.hpp"

#include <unistd.h>

#include "evidence/InterestPart.hpp"
#include "evidence/ReadBack.hpp"
#include "evidence/SignedExport.hpp"
#include "export/InterestStore.hpp"
#include "journal/ChainVerifier.hpp"

namespace lp::evidence {
namespace {

using exporting::Format;

// The rows `r` shows when rendered as `format` (unsigned: the signature's line is not read back).
std::vector<ReadRow> rendered_rows(const exporting::Report& r, const date::time_zone* tz, Format format) {
    const std::string ext(exporting::extension(format));
    const auto tmp = std::filesystem::temp_directory_path() /
                     ("loaphuong-verify-" + std::to_string(::getpid()) + "-" + r.period.code() + "." + ext);
    exporting::write_report(r, tz, format, tmp);
    try {
        auto rows = read_rows(ext, read_file_bytes(tmp), tmp.string());
        std::filesystem::remove(tmp);
        return rows;
    } catch (...) {
        std::filesystem::remove(tmp);
        throw;
    }
}

}  // namespace

ExportAgainstDb check_export_against_db(sqlite::Database& db, const std::filesystem::path& file,
                                        const std::string& public_hex, const config::Organisation& organisation,
                                        const date::time_zone* tz) {
    ExportAgainstDb c;
    const auto [bytes, format, signature] = read_signed_file(file);
    c.signature = signature;
    if (!c.signature) return c;
    const auto& s = *c.signature;
    const auto& cp = s.checkpoint;
    if (auto problem = signature_problem(s, public_hex, format)) {
        c.problems.push_back(*problem);
        return c;
    }
    const std::string ext(exporting::extension(format));
    const auto period = exporting::parse_period(s.period_code);
    const auto made_on = domain::parse_date(s.made_on);
    if (!period || !made_on) {
        c.problems.push_back("Kỳ \"" + s.period_code + "\" hoặc ngày lập \"" + s.made_on +
                             "\" trong chữ ký không hợp lệ.");
        return c;
    }

    // The period's rows as the database held them at the checkpoint.
    journal::JournalStore journal(db);
    const auto all = journal.between(domain::start_of_day(tz, period->first),
                                     domain::start_of_day(tz, domain::next_day(period->last)));
    std::vector<journal::JournalRow> then;
    for (const auto& row : all)
        if (row.chain_seq && *row.chain_seq <= cp.chain_seq) then.push_back(row);
    c.rows_then = static_cast<std::int64_t>(then.size());
    c.newer_rows = static_cast<std::int64_t>(all.size() - then.size());
    const auto seal_now = journal::seal_at(db, cp.chain_seq);
    exporting::Report r = exporting::build_report(*period, organisation, *made_on, std::move(then),
                                                  journal::ChainHead{cp.chain_seq, seal_now.value_or(cp.seal)});
    r.key_fingerprint = fingerprint(public_hex);
    r.filing = exporting::load_filing(db, period->code());
    // The interest figures as the database gives them now (they are not frozen at the checkpoint).
    if (exporting::reports_interest(*period)) r.interest = exporting::load_interest(db, *period, r.lines);
    if (r.stamp.rows != s.rows || r.stamp.digest != s.digest)
        c.problems.push_back("Cơ sở dữ liệu hiện có " + std::to_string(r.stamp.rows) + " dòng nhật ký của kỳ " +
                             period->words() + " tính đến mốc đã ký (mắt xích số " + std::to_string(cp.chain_seq) +
                             "), tệp đã ký " + std::to_string(s.rows) +
                             " dòng; các dòng không còn như khi ký (mã tổng hợp " +
                             (r.stamp.digest == s.digest ? "khớp" : "không khớp") + ").");
    if (s.content == legacy_pdf_content) return c;
    c.rows_read_back = true;
    const auto found = read_rows(ext, bytes, file.string());
    c.file_matches_signature = rows_digest(found) == s.content;
    // The interest CSV (its first line is the section's heading) is rendered as such.
    const bool interest_file = format == Format::csv && !found.empty() && !found.front().cells.empty() &&
                               found.front().cells.front() == exporting::interest_heading;
    const auto [expected_journal, expected_interest] =
        split_interest(rendered_rows(r, tz, interest_file ? Format::interest_csv : format));
    const auto [found_journal, found_interest] = split_interest(found);
    c.differences = compare_rows(expected_journal, found_journal);
    for (auto& d : compare_rows(expected_interest, found_interest)) c.interest_notes.push_back(std::move(d.text));
    if (!c.file_matches_signature)
        c.problems.push_back("Nội dung tệp đã bị sửa sau khi ký (các hàng đọc lại không khớp với chữ ký).");
    else if (!c.differences.empty())
        c.problems.push_back(
            "Tệp vẫn đúng như khi ký, nhưng cơ sở dữ liệu (hoặc thông tin đơn vị) nay cho kết quả khác.");
    return c;
}

}  // namespace lp::evidence
