#pragma once
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>

#include <filesystem>
#include <memory>
#include <mutex>

#include "audio/FfmpegPlayer.hpp"
#include "config/Config.hpp"
#include "daemon/DailyBackups.hpp"
#include "daemon/HealthWiring.hpp"
#include "daemon/LiveNotice.hpp"
#include "daemon/LoopEvents.hpp"
#include "daemon/PeriodicReports.hpp"
#include "daemon/PublicWeb.hpp"
#include "daemon/ReloadWatch.hpp"
#include "daemon/StreamListeners.hpp"
#include "daemon/WallClockTimer.hpp"
#include "daemon/WebServer.hpp"
#include "db/sqlite/Database.hpp"
#include "journal/AiringRecorder.hpp"
#include "journal/JournalStore.hpp"
#include "playout/FileVerifier.hpp"
#include "playout/LiveSession.hpp"
#include "scheduler/Engine.hpp"
#include "scheduler/RuleStore.hpp"

namespace date {
class time_zone;
}

namespace lp::daemon {

// Wires the parts together around one Boost.Asio loop: the scheduler engine woken by a
// wall-clock timer, signals, the journal (all SQLite writes happen here) and the player's
// events. SIGHUP, or the CLI touching the reload flag, reloads slots, programmes, one-offs
// and approvals from the database; SIGHUP first re-reads the config file.
class ApiServices;

class Daemon final {
public:
    // Opens the database, recovers rows left open by a crash (and resumes what it cut, within
    // the grace period), seeds library and slots from the config. Throws on a database error.
    explicit Daemon(config::Config config);
    ~Daemon();

    // Runs until SIGTERM or SIGINT; an airing in progress is cut and journaled interrupted.
    void run();

    // For the HTTP server's /metrics (Prometheus text) and /healthz; any thread.
    const HealthWiring& health() const { return *health_; }

private:
    friend class ApiServices;  // the API's view of the running daemon (daemon/ApiServices)

    void resume_after_crash();
    void decide();
    void schedule();
    void apply(const scheduler::Decisions& decisions);
    void air(const scheduler::Order& order, const std::string& note = {});
    void reload();
    // SIGHUP: re-reads config_.source and applies what changed (daemon/ConfigChange); a bad
    // file keeps the running config and logs why.
    void reload_config();
    void start_web();
    void start_public();
    void wait_for_signal();
    void on_player_event(const audio::PlayerEvent& event);
    journal::WriterOptions writer_options();

    // The running configuration, read and replaced on the loop only.
    config::Config config_;
    // A copy of it for other threads (the API's worker routes), replaced whole on SIGHUP.
    std::shared_ptr<const config::Config> config_snapshot() const;
    mutable std::mutex snapshot_mutex_;
    std::shared_ptr<const config::Config> snapshot_;
    const date::time_zone* tz_;
    scheduler::TimePoint started_at_;
    boost::asio::io_context io_;
    sqlite::Database db_;
    journal::JournalStore journal_;
    scheduler::RuleStore rules_;
    journal::PendingAirings pending_;
    // Every journal write of the running daemon goes through it: one the database refuses
    // waits in order in a spill file and lands later; the sound never waits for it.
    journal::JournalWriter writer_;
    journal::AiringRecorder recorder_;
    std::unique_ptr<scheduler::Engine> engine_;
    std::vector<scheduler::Order> restart_orders_;  // resumed after a crash, aired by run()
    LoopEvents events_;
    playout::FileVerifier verifier_;  // outlives the player, which waits on its checks
    std::uint64_t loop_errors_ = 0;   // handler failures the loop survived
    // Watchdog, STATUS=, dead-air alarms, metrics; the player beats and meters into it.
    std::unique_ptr<HealthWiring> health_;
    // Stream outputs' listeners sampled during each airing, kept beside its row.
    StreamListeners listeners_;
    // The spoken notices for live sources without a fallback file, made once; empty: silence.
    LiveNotices live_notices_;
    std::unique_ptr<audio::FfmpegPlayer> player_;
    playout::LiveSession live_;  // loaphuong live start: on from its order to its programme's end
    WallClockTimer timer_;
    boost::asio::signal_set signals_;
    std::unique_ptr<ReloadWatch> reload_watch_;
    PeriodicReports reports_{io_, db_, config_};
    DailyBackups backups_{io_, db_, config_};
    // The web page and API ([http]): accounts, the API's view of this daemon, the server.
    std::unique_ptr<auth::Gate> gate_;
    std::unique_ptr<ApiServices> api_;
    std::unique_ptr<WebServer> web_;
    std::unique_ptr<PublicWeb> public_web_;
};

}  // namespace lp::daemon
