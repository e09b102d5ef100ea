#pragma once
// What the one-off, emergency and play-next routes share: the outputs a body names (checked
// against the config) and an instant as the page shows it.

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "api/Call.hpp"
#include "api/Services.hpp"
#include "scheduler/Clock.hpp"

namespace date {
class time_zone;
}

namespace lp::api {

// The body's "outputs" (absent: all); 422 `outputs` for a name the config does not have.
std::vector<std::string> checked_outputs(Services& s, const Call& call);

// {"utc", "date" (dd/mm/yyyy), "time" (HH:MM)} in the station's zone.
nlohmann::json instant_json(const date::time_zone* tz, scheduler::TimePoint t);

}  // namespace lp::api
