#include "api/Orders.hpp"

#include "api/Params.hpp"
#include "domain/Time.hpp"

namespace lp::api {

std::vector<std::string> checked_outputs(Services& s, const Call& call) {
    return checked_outputs(*s.config(), "outputs", opt_strings(call, "outputs").value_or(std::vector<std::string>{}));
}

nlohmann::json instant_json(const date::time_zone* tz, scheduler::TimePoint t) {
    return {{"utc", domain::to_utc_text(t)},
            {"date", domain::local_date_text(tz, t)},
            {"time", domain::local_time_text(tz, t).substr(0, 5)}};
}

}  // namespace lp::api
