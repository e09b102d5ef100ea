#pragma once
// The daemon's health, gathered on the loop: the systemd watchdog (WATCHDOG=1 only while both
// the loop and the player thread are alive), STATUS= (now playing, next slot, journal), the
// dead-air alarm of every output, the Prometheus metrics and the health/status JSON (also
// written to <database>.status.json for `loaphuong status`).
//
// The loop calls the hooks (aired, player_event, ...); one steady timer ticks about once a
// second. metrics_text() and health_json() may be called from any thread (the HTTP server's).

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <filesystem>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "audio/Player.hpp"
#include "audio/PlayerHealth.hpp"
#include "config/Config.hpp"
#include "health/DeadAir.hpp"
#include "health/Metrics.hpp"
#include "journal/Status.hpp"
#include "reach/ListenerSampler.hpp"
#include "scheduler/Engine.hpp"

namespace date {
class time_zone;
}

namespace lp::journal {
class JournalWriter;
}

namespace lp::daemon {

class HealthWiring {
public:
    using Steady = std::chrono::steady_clock;

    HealthWiring(boost::asio::io_context& io, const config::Config& config, const date::time_zone* tz,
                 journal::JournalWriter& writer, const std::uint64_t& loop_errors);
    ~HealthWiring();
    HealthWiring(const HealthWiring&) = delete;
    HealthWiring& operator=(const HealthWiring&) = delete;

    // Handed to the player (PlayerOptions::health) before it starts.
    std::shared_ptr<audio::PlayerHealth> player_health() const { return player_; }

    // Starts the tick (watchdog, alarms, status). Call once the loop is about to run.
    void start();
    void stop();

    // Loop hooks.
    // The config's outputs changed (a reload): outputs added get a meter and a dead-air
    // alarm, those removed lose their alarm; archive folders follow.
    void outputs_changed();
    void aired(const scheduler::Order& order, const audio::Programme& programme,
               const std::vector<std::string>& titles);
    void cut_all();  // an emergency cut what plays: the cut programmes no longer should be heard
    void player_event(const audio::PlayerEvent& event);
    void not_aired(journal::Status status);
    void next_slot(const scheduler::Engine& engine);  // after each decision
    void update_status();                             // journal waiting may have changed
    // Its counts of stream listener samples taken and failed go in the metrics.
    void count_listener_samples(const reach::ListenerSampler& sampler) { listener_sampler_ = &sampler; }

    // Any thread.
    std::string metrics_text() const;
    nlohmann::json health_json() const;

private:
    struct Airing {
        std::string slot_name;
        std::vector<std::string> outputs;  // empty: all
        std::vector<std::string> titles;
        scheduler::TimePoint scheduled;
        Steady::time_point start;
        Steady::time_point planned_end;
        bool started = false;
        bool done = false;
        std::size_t cue = 0;
    };
    struct OutputState {
        health::DeadAirAlarm alarm;
        std::uint64_t chunks_seen = 0;
        double last_peak_dbfs = -200;
        bool should_play = false;
        bool carrying = false;
    };

    void arm();
    void tick();
    void watchdog(Steady::time_point now);
    void sample_outputs(Steady::time_point now);
    void refresh_gauges(Steady::time_point now);
    bool should_play(const std::string& output, Steady::time_point now) const;
    std::string status_line() const;
    nlohmann::json build_json(Steady::time_point now) const;
    void publish(Steady::time_point now);

    boost::asio::io_context& io_;
    const config::Config& config_;
    const date::time_zone* tz_;
    journal::JournalWriter& writer_;
    const std::uint64_t& loop_errors_;
    const reach::ListenerSampler* listener_sampler_ = nullptr;
    std::shared_ptr<audio::PlayerHealth> player_;
    boost::asio::steady_timer timer_;
    Steady::duration tick_;
    bool running_ = false;

    // Watchdog (WATCHDOG_USEC): ping period = half the interval.
    std::optional<Steady::duration> watchdog_interval_;
    std::uint64_t last_heartbeat_ = 0;
    Steady::time_point player_moved_;
    Steady::time_point last_ping_{};

    std::map<std::string, Airing> airings_;  // by programme id
    std::map<std::string, OutputState> outputs_;
    std::optional<std::pair<scheduler::TimePoint, std::string>> next_;
    Steady::time_point last_commit_;
    std::size_t last_waiting_ = 0;
    std::string last_status_;
    std::string last_file_text_;
    Steady::time_point last_file_write_{};
    Steady::time_point last_disk_check_{};
    Steady::time_point last_archive_check_{};
    std::future<double> archive_size_;
    std::vector<std::filesystem::path> archive_dirs_;

    mutable std::mutex mutex_;  // guards what other threads read
    health::Registry metrics_;
    nlohmann::json snapshot_;
};

}  // namespace lp::daemon
