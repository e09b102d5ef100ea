#include "api/InterestRoutes.hpp"

#include "api/Params.hpp"
#include "db/Store.hpp"
#include "domain/WallClock.hpp"
#include "export/InterestStore.hpp"
#include "export/InterestText.hpp"
#include "export/ReportFiles.hpp"

namespace lp::api {
namespace {

// Any period the reports accept; none: the quarter of today.
Reply interest(Services& s, Call& call) {
    const auto snapshot = s.config();
    const auto* tz = domain::zone(snapshot->time_zone);
    const auto today = domain::local_date(tz, domain::wall_now());
    const auto text = param(call, "period");
    const auto period = text.empty()
                            ? exporting::quarter_period(static_cast<int>(today.year), (today.month - 1) / 3 + 1)
                            : exporting::parse_period(text);
    if (!period)
        throw invalid("period", "Kỳ \"" + std::string(text) +
                                    "\" không hợp lệ (ví dụ 2026Q1, 2026H1, 2026-03, 2026, "
                                    "01/01/2026-15/02/2026).");
    auto db = db::open_reader(s.database_path());
    const auto r = exporting::load_report(db, *period, snapshot->organisation, tz, today);
    const auto in = r.interest ? *r.interest : exporting::load_interest(db, *period, r.lines);
    return json_reply({{"period", period->code()},
                       {"words", period->words_with_dates()},
                       {"ranking", exporting::interest_ranking_lines(in)},
                       {"totals_line", exporting::interest_totals_line(in)},
                       {"interest", exporting::interest_json(in)}});
}

}  // namespace

std::vector<Route> interest_routes(Services& s) {
    return {{"GET", "/api/interest", auth::Permission::read, true, false, [&s](Call& c) { return interest(s, c); }}};
}

}  // namespace lp::api
