#include "api/Routes.hpp"

#include "api/EmergencyRoutes.hpp"
#include "api/FeedbackRoutes.hpp"
#include "api/InterestRoutes.hpp"
#include "api/JournalRoutes.hpp"
#include "api/LiveRoutes.hpp"
#include "api/MediaRoutes.hpp"
#include "api/OneOffRoutes.hpp"
#include "api/ReportRoutes.hpp"
#include "api/ScheduleRoutes.hpp"
#include "api/SettingsRoutes.hpp"
#include "api/StatusRoutes.hpp"

namespace lp::api {

std::vector<Route> routes(Services& services) {
    std::vector<Route> all;
    for (auto&& area :
         {media_routes(services), journal_routes(services), one_off_routes(services), report_routes(services),
          schedule_routes(services), settings_routes(services), status_routes(services), emergency_routes(services),
          live_routes(services), feedback_routes(services), interest_routes(services)})
        all.insert(all.end(), area.begin(), area.end());
    return all;
}

}  // namespace lp::api
