#include "api/ReportRoutes.hpp"

#include <chrono>
#include <optional>

#include "api/Downloads.hpp"
#include "api/Params.hpp"
#include "db/Store.hpp"
#include "domain/WallClock.hpp"
#include "evidence/Evidence.hpp"
#include "evidence/Package.hpp"
#include "export/ReportFiles.hpp"

namespace lp::api {
namespace {

namespace fs = std::filesystem;

// The regular files directly in the reports folder, by name, but for hidden ones (a report
// being written: export/ReportFiles.hpp). Nothing else is ever served.
std::vector<fs::directory_entry> listing(const fs::path& dir) {
    std::vector<fs::directory_entry> out;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file(ec) && !it->is_symlink(ec) && !it->path().filename().string().starts_with('.'))
            out.push_back(*it);
    std::ranges::sort(out, {}, [](const auto& e) { return e.path().filename().string(); });
    return out;
}

Reply list_reports(Services& s, Call&) {
    auto files = nlohmann::json::array();
    for (const auto& e : listing(s.config()->reports.dir)) {
        std::error_code ec;
        const auto modified = std::chrono::time_point_cast<std::chrono::system_clock::duration>(
            std::chrono::file_clock::to_sys(e.last_write_time(ec)));
        files.push_back({{"name", e.path().filename().string()},
                         {"size", e.file_size(ec)},
                         {"modified", domain::to_utc_text(modified)}});
    }
    const auto* tz = domain::zone(s.config()->time_zone);
    return json_reply(
        {{"files", files}, {"next_due", next_report_json(*s.config(), domain::local_date(tz, domain::wall_now()))}});
}

exporting::Period period_of(const std::string& text) {
    const auto period = exporting::parse_period(text);
    if (!period)
        throw invalid("period", "Kỳ \"" + text +
                                    "\" không hợp lệ (ví dụ 2026Q1, 2026H1, 2026-03, 2026, "
                                    "01/01/2026-15/02/2026).");
    return *period;
}

// The number and the narrative the operator writes (Nghị định 30/2020), kept per period.
exporting::FilingChange filing_change(const Call& call) {
    exporting::FilingChange filing{opt_string(call, "number"), opt_string(call, "achieved"),
                                   opt_string(call, "shortcomings"), opt_string(call, "proposals")};
    for (const auto* part : {&filing.achieved, &filing.shortcomings, &filing.proposals})
        if (*part && (*part)->size() > 20000) throw invalid("narrative", "Phần đánh giá quá dài (tối đa 20000 ký tự).");
    if (filing.number && filing.number->size() > 20) throw invalid("number", "Số văn bản quá dài (tối đa 20 ký tự).");
    return filing;
}

Reply filing_reply(sqlite::Database& db, const std::string& code) {
    const auto f = exporting::load_filing(db, code);
    return json_reply({{"period", code},
                       {"number", f.number},
                       {"achieved", f.achieved},
                       {"shortcomings", f.shortcomings},
                       {"proposals", f.proposals}});
}

Reply get_filing(Services& s, Call& call) {
    const auto text = param(call, "period");
    if (text.empty()) throw bad_request("period", "Thiếu kỳ báo cáo (period).");
    return filing_reply(s.database(), period_of(text).code());
}

// Saved before the report is made: the operator writes the narrative, then makes the files.
Reply put_filing(Services& s, Call& call) {
    const auto code = period_of(need_string(call, "period")).code();
    exporting::save_filing(s.database(), code, filing_change(call), call.caller.account);
    return filing_reply(s.database(), code);
}

// The period's files written into [reports] dir now, as the daemon's scheduled reports write
// them; on a worker with its own connection.
Reply make(Services& s, Call& call) {
    const auto period = period_of(need_string(call, "period"));
    const auto filing = filing_change(call);
    const bool package = opt_bool(call, "package").value_or(false);
    const auto snapshot = s.config();
    const auto& config = *snapshot;
    const auto* tz = domain::zone(config.time_zone);
    auto db = db::open_store(s.database_path());
    exporting::save_filing(db, period.code(), filing, call.caller.account);
    const auto evidence = evidence::Evidence::from_config(config);
    const auto today = domain::local_date(tz, domain::wall_now());
    // With the package, the loose files are its members (one reading, one checkpoint).
    exporting::WrittenReport done;
    if (package) {
        auto written = evidence::write_package(db, period, config, tz, today, config.reports.dir, evidence);
        written.files.push_back(written.file);
        done = {std::move(written.report), std::move(written.files)};
    } else {
        done =
            exporting::write_period_report(db, period, config, tz, today, config.reports.dir, evidence.signing(db, tz));
    }
    auto names = nlohmann::json::array();
    for (const auto& f : done.files) names.push_back(f.filename().string());
    return json_reply({{"period", period.code()},
                       {"rows", done.report.lines.size()},
                       {"files", names},
                       {"partial", exporting::made_within_period(done.report)}},
                      201);
}

Reply download(Services& s, Call& call) {
    const auto name = checked_name("name", param(call, "name"));
    for (const auto& e : listing(s.config()->reports.dir)) {
        if (e.path().filename().string() != name) continue;
        Reply r;
        r.file = e.path();
        r.content_type = content_type_of(e.path());
        r.download_name = name;
        return r;
    }
    throw not_found("name", "Không có tệp báo cáo \"" + name + "\".");
}

}  // namespace

nlohmann::json next_report_json(const config::Config& config, domain::LocalDate today) {
    const auto due = exporting::next_reports_due(today, config.reports.day);
    if (!due) return nullptr;
    auto periods = nlohmann::json::array();
    for (const auto& p : due->periods) periods.push_back(p.code());
    return {
        {"period", due->periods.front().code()}, {"periods", periods}, {"due", domain::display_date_text(due->day)}};
}

std::vector<Route> report_routes(Services& s) {
    return {
        {"GET", "/api/reports", auth::Permission::read, false, false, [&s](Call& c) { return list_reports(s, c); }},
        {"POST", "/api/reports", auth::Permission::library, true, false, [&s](Call& c) { return make(s, c); }},
        {"GET", "/api/report-filing", auth::Permission::read, false, false, [&s](Call& c) { return get_filing(s, c); }},
        {"PUT", "/api/report-filing", auth::Permission::library, false, false,
         [&s](Call& c) { return put_filing(s, c); }},
        {"GET", "/api/reports/{name}", auth::Permission::read, false, false, [&s](Call& c) { return download(s, c); }},
    };
}

}  // namespace lp::api
