#include "daemon/ApiServices.hpp"

#include <boost/asio/post.hpp>

#include "daemon/Daemon.hpp"
#include "domain/Texts.hpp"

#include <map>

namespace lp::daemon {

ApiServices::ApiServices(Daemon& daemon) : daemon_(daemon) {}

sqlite::Database& ApiServices::database() { return daemon_.db_; }

std::filesystem::path ApiServices::database_path() const { return daemon_.config_.database; }

std::shared_ptr<const config::Config> ApiServices::config() const { return daemon_.config_snapshot(); }

void ApiServices::rules_changed() { daemon_.reload(); }

void ApiServices::rules_changed_from_worker() {
    boost::asio::post(daemon_.io_, [this] { daemon_.reload(); });
}

bool ApiServices::stop_now(const std::string& account) {
    if (daemon_.recorder_.idle()) return false;
    daemon_.recorder_.cut_all(domain::texts::stopped_by_operator(account));
    daemon_.player_->stop();
    // Before the player's last events arrive, an emergency must not resume what was stopped.
    daemon_.engine_->operator_stopped();
    return true;
}

std::optional<playout::LiveSessionInfo> ApiServices::live_session() { return daemon_.live_.info(); }

void ApiServices::live_begun(playout::LiveSessionInfo info) { daemon_.live_.begin(std::move(info)); }

bool ApiServices::end_live() {
    auto& live = daemon_.live_;
    if (!live.on()) return false;
    if (const auto& programme = live.programme()) {
        daemon_.player_->end_live(*programme);
    } else {
        // Not handed to the player (it was not airable, or not decided yet): it will not air.
        daemon_.rules_.cancel_one_off(live.info()->one_off);
        daemon_.reload();
    }
    // Off now: a new session may start while this one's last chunk is still on its way out.
    live.clear();
    return true;
}

nlohmann::json ApiServices::now_playing() {
    const auto health = daemon_.health_->health_json();
    if (!health.contains("now_playing") || !health["now_playing"].is_object()) return nullptr;
    return health["now_playing"];
}

nlohmann::json ApiServices::next_up() {
    const auto at = daemon_.engine_->next_wakeup();
    if (!at) return nullptr;
    const auto health = daemon_.health_->health_json();
    nlohmann::json slot = nullptr;
    if (health.contains("next") && health["next"].is_object()) slot = health["next"]["slot"];
    return {{"slot", slot}, {"at", domain::to_utc_text(*at)}};
}

nlohmann::json ApiServices::outputs() {
    const auto health = daemon_.health_->health_json();
    std::map<std::string, nlohmann::json> metered;
    if (health.contains("outputs"))
        for (const auto& o : health["outputs"]) metered[o.value("name", "")] = o;
    auto out = nlohmann::json::array();
    for (const auto& o : daemon_.config_.outputs) {
        nlohmann::json j{{"name", o.name}, {"kind", o.kind}, {"state", "unknown"}, {"last_error", nullptr}};
        if (const auto m = metered.find(o.name); m != metered.end()) {
            const auto& h = m->second;
            j["state"] = h.value("dead_air", false)                                    ? "dead_air"
                         : h.value("should_play", false) && !h.value("carrying", true) ? "failing"
                         : h.value("carrying", false)                                  ? "ok"
                                                                                       : "idle";
            j["errors"] = h.value("errors", 0);
            j["retries"] = h.value("retries", 0);
            j["peak_dbfs"] = h.value("peak_dbfs", -200.0);
        }
        out.push_back(std::move(j));
    }
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
