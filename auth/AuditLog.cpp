#include "auth/AuditLog.hpp"

#include "journal/Seal.hpp"

namespace lp::auth {

AuditRow append_audit(sqlite::Database& db, AuditRow row) {
    sqlite::Transaction tx(db);
    std::int64_t last = 0;
    std::string previous(journal::genesis_seal);
    auto head = db.prepare("SELECT last_id, seal FROM audit_head WHERE id = 1");
    if (head.step()) {
        last = head.integer(0);
        previous = head.text(1);
    }
    row.id = last + 1;
    row.seal = audit_seal(previous, row);
    auto ins = db.prepare(
        "INSERT INTO audit (id, at, account, role, action, object, summary, seal) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    ins.bind(1, row.id).bind(2, row.at).bind(3, row.account).bind(4, row.role).bind(5, row.action);
    ins.bind(6, row.object).bind(7, row.summary).bind(8, row.seal);
    ins.run();
    auto up = db.prepare(
        "INSERT INTO audit_head (id, last_id, seal) VALUES (1, ?1, ?2) "
        "ON CONFLICT(id) DO UPDATE SET last_id = ?1, seal = ?2");
    up.bind(1, row.id).bind(2, row.seal);
    up.run();
    tx.commit();
    return row;
}

AuditReport verify_audit(sqlite::Database& db) {
    AuditReport report;
    report.last_seal = std::string(journal::genesis_seal);
    std::int64_t last = 0;
    auto st = db.prepare("SELECT id, at, account, role, action, object, summary, seal FROM audit ORDER BY id");
    while (st.step()) {
        AuditRow r{st.integer(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5), st.text(6), st.text(7)};
        if (r.id != last + 1) {
            report.first_break = AuditBreak{AuditBreak::Kind::missing_row, last + 1};
            return report;
        }
        if (audit_seal(report.last_seal, r) != r.seal) {
            report.first_break = AuditBreak{AuditBreak::Kind::content_mismatch, r.id};
            return report;
        }
        last = r.id;
        report.last_seal = r.seal;
        ++report.rows_checked;
    }
    auto head = db.prepare("SELECT last_id, seal FROM audit_head WHERE id = 1");
    const bool has_head = head.step();
    const std::int64_t head_id = has_head ? head.integer(0) : 0;
    const std::string head_seal = has_head ? head.text(1) : std::string(journal::genesis_seal);
    if (head_id != last || head_seal != report.last_seal)
        report.first_break = AuditBreak{AuditBreak::Kind::head_mismatch, last + 1};
    return report;
}

std::string describe(const AuditBreak& b) {
    const auto id = std::to_string(b.row_id);
    switch (b.kind) {
        case AuditBreak::Kind::content_mismatch:
            return "dòng nhật ký thao tác số " + id + " đã bị sửa (không khớp mã niêm phong).";
        case AuditBreak::Kind::missing_row: return "dòng nhật ký thao tác số " + id + " đã bị xóa.";
        case AuditBreak::Kind::head_mismatch:
            return "các dòng nhật ký thao tác cuối cùng, từ số " + id + ", đã bị xóa.";
    }
    return "không rõ";
}

}  // namespace lp::auth
