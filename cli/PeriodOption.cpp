#include "cli/PeriodOption.hpp"

#include <date/tz.h>

#include "cli/OperatorError.hpp"

namespace lp::cli {

domain::LocalDate date_option(const std::string& name, const std::string& text) {
    const auto d = domain::parse_date(text);
    if (!d)
        throw OperatorError("Ngày " + name + " không hợp lệ: \"" + text +
                            "\". Hãy nhập theo dạng dd/mm/yyyy hoặc yyyy-mm-dd.");
    return *d;
}

exporting::Period period_option(const std::string& period, const std::string& from, const std::string& to) {
    if (!period.empty()) {
        if (!from.empty() || !to.empty()) throw OperatorError("Chỉ dùng --period, hoặc --from và --to, không dùng cả hai.");
        const auto p = exporting::parse_period(period);
        if (!p)
            throw OperatorError("Kỳ \"" + period +
                                "\" không hợp lệ. Ví dụ: 2026Q1 (quý I), 2026H1 (6 tháng đầu năm), 2026-03 (tháng 3), "
                                "2026 (cả năm), 01/01/2026-15/02/2026 (khoảng ngày).");
        return *p;
    }
    if (from.empty() || to.empty()) throw OperatorError("Hãy chỉ định kỳ: --period 2026Q1, hoặc --from và --to.");
    const auto a = date_option("--from", from);
    const auto b = date_option("--to", to);
    if (b < a) throw OperatorError("Ngày --to (" + to + ") đứng trước ngày --from (" + from + ").");
    return exporting::custom_period(a, b);
}

domain::LocalDate today(const date::time_zone* tz) {
    const auto local = date::floor<date::days>(tz->to_local(std::chrono::system_clock::now()));
    const date::year_month_day ymd{local};
    return {static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day())};
}

}  // namespace lp::cli
