#include "journal/ChainVerifier.hpp"

#include <stdexcept>

#include "journal/Seal.hpp"
#include "journal/detail/RowReader.hpp"

namespace lp::journal {

std::string_view ChainChecker::genesis() { return genesis_seal; }

std::optional<ChainBreak> ChainChecker::next(const JournalRow& row) {
    const std::int64_t expected = last_.chain_seq + 1;
    if (!row.chain_seq || *row.chain_seq != expected)
        return ChainBreak{ChainBreak::Kind::missing_link, row.id, expected};
    std::string s;
    try {
        s = seal_of(last_.seal, row, expected);
    } catch (const std::invalid_argument&) {  // a seal version no loaphuong writes: forged
        return ChainBreak{ChainBreak::Kind::content_mismatch, row.id, expected};
    }
    if (s != row.seal) return ChainBreak{ChainBreak::Kind::content_mismatch, row.id, expected};
    last_ = {expected, s};
    ++rows_;
    return std::nullopt;
}

ChainReport verify_chain(sqlite::Database& db) {
    ChainReport report;
    ChainChecker checker;
    auto st = db.prepare(std::string(detail::select_columns) + "WHERE chain_seq IS NOT NULL ORDER BY chain_seq");
    while (st.step()) {
        if (auto b = checker.next(detail::read_row(st))) {
            report.first_break = b;
            break;
        }
    }
    report.rows_checked = checker.rows();
    report.head = checker.last();
    if (report.first_break) return report;

    auto unsealed = db.prepare(
        "SELECT id FROM journal WHERE (chain_seq IS NULL OR seal IS NULL) AND status != 'playing' "
        "AND id >= (SELECT first_row FROM journal_chain_start WHERE id = 1) ORDER BY id LIMIT 1");
    if (unsealed.step()) {
        report.first_break = ChainBreak{ChainBreak::Kind::unsealed_row, unsealed.integer(0), 0};
        return report;
    }
    auto head = db.prepare("SELECT chain_seq, seal FROM journal_head WHERE id = 1");
    const ChainHead recorded =
        head.step() ? ChainHead{head.integer(0), head.text(1)} : ChainHead{0, std::string(genesis_seal)};
    if (recorded.chain_seq != report.head.chain_seq || recorded.seal != report.head.seal)
        report.first_break = ChainBreak{ChainBreak::Kind::head_mismatch, 0, report.head.chain_seq + 1};
    return report;
}

std::optional<std::string> seal_at(sqlite::Database& db, std::int64_t chain_seq) {
    auto st = db.prepare("SELECT seal FROM journal WHERE chain_seq = ?");
    st.bind(1, chain_seq);
    if (!st.step()) return std::nullopt;
    return st.text(0);
}

std::string describe(const ChainBreak& b) {
    using K = ChainBreak::Kind;
    const std::string row = "dòng nhật ký số " + std::to_string(b.row_id);
    const std::string link = "mắt xích số " + std::to_string(b.chain_seq);
    switch (b.kind) {
        case K::content_mismatch:
            return row + " (" + link +
                   "): nội dung không khớp với mã niêm phong — dòng này đã bị sửa, đổi chỗ hoặc chèn vào.";
        case K::missing_link:
            return "thiếu " + link + " ngay trước " + row + " — có dòng nhật ký đã bị xóa hoặc đổi chỗ.";
        case K::unsealed_row:
            return row + " đã kết thúc nhưng không được niêm phong — dòng này được chèn vào ngoài loaphuong.";
        case K::head_mismatch:
            return "chuỗi dừng trước " + link + " mà cơ sở dữ liệu đã ghi nhận — các dòng cuối đã bị xóa.";
    }
    return "";
}

}  // namespace lp::journal
