#include "daemon/ApiServices.hpp"

#include "daemon/Daemon.hpp"
#include "domain/Texts.hpp"

namespace lp::daemon {

ApiServices::ApiServices(Daemon& daemon) : daemon_(daemon) {}

sqlite::Database& ApiServices::database() { return daemon_.db_; }

std::filesystem::path ApiServices::database_path() const { return daemon_.config_.database; }

const config::Config& ApiServices::config() const { return daemon_.config_; }

void ApiServices::rules_changed() { daemon_.reload(); }

bool ApiServices::stop_now(const std::string& account) {
    if (daemon_.recorder_.idle()) return false;
    daemon_.recorder_.cut_all(domain::texts::stopped_by_operator(account));
    daemon_.player_->stop();
    return true;
}

nlohmann::json ApiServices::now_playing() {
    // The recorder knows what plays; until it exposes title and position, say only whether
    // something plays (the lead wires the detail with the player status).
    if (daemon_.recorder_.idle()) return nullptr;
    return {{"title", nullptr},      {"item", nullptr},       {"programme", nullptr},
            {"started_at", nullptr}, {"position_s", nullptr}, {"length_s", nullptr}};
}

nlohmann::json ApiServices::next_up() {
    const auto at = daemon_.engine_->next_wakeup();
    if (!at) return nullptr;
    return {{"slot", nullptr}, {"at", domain::to_utc_text(*at)}};
}

nlohmann::json ApiServices::outputs() {
    auto out = nlohmann::json::array();
    for (const auto& o : daemon_.config_.outputs)
        out.push_back({{"name", o.name}, {"kind", o.kind}, {"state", "unknown"}, {"last_error", nullptr}});
    return out;
}

std::int64_t ApiServices::journal_waiting() { return static_cast<std::int64_t>(daemon_.writer_.waiting()); }

void ApiServices::publish(std::string_view event, const nlohmann::json& data) {
    std::lock_guard lock(publisher_mutex_);
    if (publisher_) publisher_(event, data);
}

void ApiServices::set_publisher(Publisher publisher) {
    std::lock_guard lock(publisher_mutex_);
    publisher_ = std::move(publisher);
}

}  // namespace lp::daemon
