#pragma once
// Slots and the plan preview as the API shows them (docs/api.md "Schedule").

#include <nlohmann/json.hpp>

#include <vector>

#include "scheduler/Model.hpp"
#include "scheduler/PreviewDays.hpp"

namespace date {
class time_zone;
}

namespace lp::api {

// {"name","start","days","length_s","from","until","skip","outputs","programme"}.
nlohmann::json slot_json(const scheduler::Slot& slot);
// {"days": [{"date","entries","skipped","warnings"}]}.
nlohmann::json preview_json(const std::vector<scheduler::PreviewDay>& days, const date::time_zone* tz);

}  // namespace lp::api
