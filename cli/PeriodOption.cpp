#include "cli/PeriodOption.hpp"

#include "cli/OperatorError.hpp"
#include "cli/ScheduleParse.hpp"
#include "domain/WallClock.hpp"

namespace lp::cli {

exporting::Period period_option(const std::string& period, const std::string& from, const std::string& to,
                                domain::LocalDate today) {
    if (!period.empty()) {
        if (!from.empty() || !to.empty())
            throw OperatorError("Chỉ dùng --period, hoặc --from và --to, không dùng cả hai.");
        const auto p = exporting::parse_period(period);
        if (!p)
            throw OperatorError("Kỳ \"" + period +
                                "\" không hợp lệ. Ví dụ: 2026Q1 (quý I), 2026H1 (6 tháng đầu năm), 2026-03 (tháng 3), "
                                "2026 (cả năm), 01/01/2026-15/02/2026 (khoảng ngày).");
        return *p;
    }
    if (from.empty() && to.empty()) return exporting::custom_period(today, today);
    if (from.empty() || to.empty())
        throw OperatorError("Thiếu " + std::string(from.empty() ? "--from" : "--to") +
                            ": dùng cả --from và --to, hoặc bỏ cả hai để xuất ngày hôm nay.");
    const auto a = parse_date_option("--from", from);
    const auto b = parse_date_option("--to", to);
    if (b < a) throw OperatorError("Ngày --to (" + to + ") đứng trước ngày --from (" + from + ").");
    return exporting::custom_period(a, b);
}

domain::LocalDate today(const date::time_zone* tz) { return domain::local_date(tz, domain::wall_now()); }

}  // namespace lp::cli
