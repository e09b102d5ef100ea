#pragma once
// The running configuration's time zone, and today's date in it, as the handlers read them
// (one definition: the route files share it instead of each keeping its own copy).

#include "api/Services.hpp"
#include "domain/Time.hpp"
#include "domain/WallClock.hpp"

namespace lp::api {

inline const date::time_zone* zone_of(Services& s) { return domain::zone(s.config()->time_zone); }

inline domain::LocalDate today(Services& s) { return domain::local_date(zone_of(s), domain::wall_now()); }

}  // namespace lp::api
