#include "daemon/PublicWeb.hpp"

#include "daemon/Logging.hpp"
#include "domain/Time.hpp"

namespace lp::daemon {
namespace {

reach::Site site_of(const config::Config& c) {
    return reach::Site{c.publik.base_url, c.organisation.parent_body, c.organisation.issuing_body, c.publik.weeks,
                       domain::zone(c.time_zone)};
}

}  // namespace

http::ServerOptions public_server_options(const config::Config& config) {
    logger("http");
    http::ServerOptions o;
    o.host = config.publik.host;
    o.port = static_cast<std::uint16_t>(config.publik.port);
    o.open_site = true;
    o.label = "public listen-again side";
    // Anyone can reach it: short limits on every request's size and time.
    o.header_limit = 8 * 1024;
    o.form_limit = 4 * 1024;
    o.json_limit = o.form_limit;
    o.upload_limit = o.form_limit;
    o.read_timeout = std::chrono::seconds(10);
    o.idle_timeout = std::chrono::seconds(20);
    o.max_connections = 256;
    o.workers = 1;
    o.upload_dir = config.database.parent_path() / "public-uploads.tmp";  // never made: no uploads here
    return o;
}

PublicWeb::PublicWeb(boost::asio::io_context& io, const config::Config& config, sqlite::Database& db)
    : side_(db, site_of(config), auth::system_clock()),
      server_(io, public_server_options(config), gate_, side_.routes()) {}

}  // namespace lp::daemon
