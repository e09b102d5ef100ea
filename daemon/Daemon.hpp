#pragma once
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>

#include <memory>

#include "audio/FfmpegPlayer.hpp"
#include "config/Config.hpp"
#include "daemon/AiringRecorder.hpp"
#include "daemon/DailyBackups.hpp"
#include "daemon/PeriodicReports.hpp"
#include "daemon/LoopEvents.hpp"
#include "daemon/ReloadWatch.hpp"
#include "daemon/WallClockTimer.hpp"
#include "db/sqlite/Database.hpp"
#include "journal/JournalStore.hpp"
#include "scheduler/Engine.hpp"
#include "scheduler/RuleStore.hpp"

namespace date {
class time_zone;
}

namespace lp::daemon {

// Wires the parts together around one Boost.Asio loop: the scheduler engine woken by a
// wall-clock timer, signals, the journal (all SQLite writes happen here) and the player's
// events. SIGHUP, or the CLI touching the reload flag, reloads slots, programmes, one-offs
// and approvals from the database.
class Daemon final : private PlayerEventSink {
public:
    // Opens the database, recovers rows left open by a crash, seeds library and slots from the
    // config. Throws on a database error.
    explicit Daemon(config::Config config);
    ~Daemon() override;

    // Runs until SIGTERM or SIGINT; an airing in progress is cut and journaled interrupted.
    void run();

private:
    void decide();
    void schedule();
    void apply(const scheduler::Decisions& decisions);
    void reload();
    void wait_for_signal();
    journal::AiringPlan airing_plan(const scheduler::Order& order, const scheduler::PlannedCue& cue) const;

    void started(const std::string& programme, std::size_t cue, audio::Clock::time_point at,
                 const std::vector<std::string>& outputs) override;
    void progress(const std::string& programme, std::size_t cue, std::chrono::microseconds position) override;
    void finished(const std::string& programme, std::size_t cue, audio::Clock::time_point at,
                  std::chrono::microseconds played, audio::CueResult result, const std::string& reason) override;
    void done(const std::string& programme) override;
    void outputs_changed(const std::string& programme, std::size_t cue, audio::Clock::time_point at,
                         const std::vector<std::string>& outputs) override;

    config::Config config_;
    const date::time_zone* tz_;
    scheduler::TimePoint started_at_;
    sqlite::Database db_;
    journal::JournalStore journal_;
    scheduler::RuleStore rules_;
    journal::PendingAirings pending_;
    AiringRecorder recorder_;
    std::unique_ptr<scheduler::Engine> engine_;
    boost::asio::io_context io_;
    LoopEvents events_;
    std::unique_ptr<audio::Player> player_;
    WallClockTimer timer_;
    boost::asio::signal_set signals_;
    std::unique_ptr<ReloadWatch> reload_watch_;
    PeriodicReports reports_{io_, db_, config_};
    DailyBackups backups_{io_, db_, config_};
};

}  // namespace lp::daemon
