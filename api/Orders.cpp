#include "api/Orders.hpp"

#include <algorithm>

#include "api/Params.hpp"
#include "domain/Time.hpp"

namespace lp::api {

std::vector<std::string> checked_outputs(Services& s, const Call& call) {
    auto outputs = opt_strings(call, "outputs").value_or(std::vector<std::string>{});
    for (const auto& n : outputs)
        if (std::ranges::find(s.config().outputs, n, &config::OutputConfig::name) == s.config().outputs.end())
            throw invalid("outputs", "Không có đầu ra tên \"" + n + "\" trong cấu hình.");
    return outputs;
}

nlohmann::json instant_json(const date::time_zone* tz, scheduler::TimePoint t) {
    return {{"utc", domain::to_utc_text(t)},
            {"date", domain::local_date_text(tz, t)},
            {"time", domain::local_time_text(tz, t).substr(0, 5)}};
}

}  // namespace lp::api
