#include "api/JournalExport.hpp"

#include <sqlite3.h>

#include <chrono>

#include "api/Downloads.hpp"
#include "api/Params.hpp"
#include "auth/AuditLog.hpp"
#include "db/Store.hpp"
#include "domain/Time.hpp"
#include "domain/WallClock.hpp"
#include "evidence/Evidence.hpp"
#include "evidence/SignedExport.hpp"
#include "export/OrganisationSettings.hpp"
#include "export/ReportFiles.hpp"
#include "journal/ChainVerifier.hpp"

namespace lp::api {
namespace {

// One read transaction: every table read in it belongs to the same state of the database,
// whatever the daemon writes meanwhile.
class ReadSnapshot {
public:
    explicit ReadSnapshot(sqlite::Database& db) : db_(db) { db_.exec("BEGIN"); }
    ~ReadSnapshot() { sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr); }
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;

private:
    sqlite::Database& db_;
};

}  // namespace

Reply export_journal(Services& s, Call& call) {
    const auto snapshot = s.config();
    const auto& config = *snapshot;
    const auto* tz = domain::zone(config.time_zone);
    const auto today = domain::local_date(tz, domain::wall_now());
    const auto period = requested_period(call, today);
    const auto name = param(call, "format");
    if (name.empty()) throw bad_request("format", "Thiếu tham số \"format\": xlsx, pdf, csv hoặc json.");
    const auto format = exporting::format_from_name(name);
    if (!format)
        throw invalid("format", "Định dạng \"" + name + "\" không được hỗ trợ. Hãy chọn xlsx, pdf, csv hoặc json.");
    const std::string ext(exporting::extension(*format));
    auto db = db::open_store(s.database_path());
    const auto report =
        exporting::load_report(db, period, exporting::effective_organisation(db, config.organisation), tz, today);
    // Signed with the checkpoint it covers, as the CLI's exports (evidence/SignedExport.hpp).
    const auto evidence = evidence::Evidence::from_config(config);
    const auto checkpoint = evidence.checkpoint_for(db, report, domain::wall_now());
    TemporaryFile file("export", ext);
    evidence::write_signed_report(report, tz, *format, file.path(), evidence.key, checkpoint);
    Reply r;
    r.content_type = content_type_of(file.path());
    r.file = file.release();
    r.remove_file_after = true;
    r.download_name = "nhat-ky-" + period.code() + "." + ext;
    return r;
}

Reply verify_journal(Services& s, Call&) {
    auto db = db::open_store(s.database_path());
    const ReadSnapshot snapshot(db);
    const auto chain = journal::verify_chain(db);
    const auto audit = auth::verify_audit(db);
    auto problems = nlohmann::json::array();
    if (chain.first_break) problems.push_back("Nhật ký phát thanh: " + journal::describe(*chain.first_break));
    if (audit.first_break) problems.push_back("Nhật ký thao tác: " + auth::describe(*audit.first_break));
    return json_reply({{"ok", chain.ok() && audit.ok()},
                       {"rows", chain.rows_checked},
                       {"head", {{"seq", chain.head.chain_seq}, {"seal", chain.head.seal}}},
                       {"problems", problems},
                       {"audit", {{"ok", audit.ok()}, {"rows", audit.rows_checked}}}});
}

}  // namespace lp::api
