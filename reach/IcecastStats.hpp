#pragma once
// Reading Icecast's admin statistics (GET /admin/stats, XML) for one mount's listener count.
// Pure: the HTTP fetch is reach/IcecastProbe.

#include <optional>
#include <string>
#include <string_view>

#include "audio/Output.hpp"

namespace lp::reach {

// Where a stream output's listeners are counted: its Icecast server and mount, and the admin
// account that may read the statistics.
struct StatsSource {
    std::string output;  // the output's name
    std::string server;  // "host:port"
    std::string mount;   // "/loa.mp3"
    std::string user;
    std::string password;
};

// The source of an icecast output whose config names an admin account; none otherwise
// (another kind, or an icecast output without admin_user/admin_password).
std::optional<StatsSource> stats_source(const audio::OutputSpec& spec);
// True for an icecast output that has no admin account: its listeners cannot be counted.
bool icecast_without_admin(const audio::OutputSpec& spec);

// The listeners of `mount` in an /admin/stats document; 0 when the mount is not in it (no
// source on it: nobody can be listening to it). Throws std::runtime_error when the text is
// not Icecast's statistics (a login page, a proxy's error).
int mount_listeners(std::string_view stats_xml, std::string_view mount);

}  // namespace lp::reach
