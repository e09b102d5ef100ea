#pragma once
// The body of PUT /api/slots/{name} read into a scheduler::Slot, every bad field refused with
// a Vietnamese ApiError naming it (docs/api.md "Schedule"): 400 wrong type, 422 bad value,
// 404 an item the library does not have. Reads nothing but the call, the rules and the config.

#include "api/Call.hpp"
#include "config/Config.hpp"
#include "scheduler/Model.hpp"

namespace lp::api {

// The slot's name from the "{name}" capture: not blank, no path, at most 100 characters (422 "name").
std::string slot_name(const Call& call);

// The slot as the body describes it; `rules` is what the library holds (items must exist).
scheduler::Slot slot_from_body(const Call& call, const std::string& name, const scheduler::Rules& rules,
                               const config::Config& config);

}  // namespace lp::api
