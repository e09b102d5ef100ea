#pragma once
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/system_timer.hpp>

#include <memory>
#include <vector>

#include "audio/FfmpegPlayer.hpp"
#include "config/Config.hpp"
#include "daemon/AiringRecorder.hpp"
#include "daemon/LoopEvents.hpp"
#include "db/sqlite/Database.hpp"
#include "journal/JournalStore.hpp"
#include "scheduler/Occurrences.hpp"

namespace date {
class time_zone;
}

namespace lp::daemon {

// Wires the parts together around one Boost.Asio loop: the scheduler's timer, signals, the
// journal (all SQLite writes happen here) and the player's events.
class Daemon {
public:
    // Opens the database, recovers rows left open by a crash, seeds library and slots from the
    // config. Throws on a database error.
    explicit Daemon(config::Config config);
    ~Daemon();

    // Runs until SIGTERM or SIGINT; an airing in progress is cut and journaled interrupted.
    void run();

private:
    void seed_from_config();
    void schedule_after(scheduler::TimePoint after);
    void air(const scheduler::Occurrence& occurrence);
    void shut_down(int signal);

    config::Config config_;
    const date::time_zone* tz_;
    scheduler::TimePoint started_at_;
    sqlite::Database db_;
    journal::JournalStore journal_;
    AiringRecorder recorder_;
    boost::asio::io_context io_;
    LoopEvents events_;
    std::unique_ptr<audio::Player> player_;
    boost::asio::system_timer timer_;
    boost::asio::signal_set signals_;
    std::vector<std::vector<std::int64_t>> item_ids_;  // per slot, per item: media_item id
};

}  // namespace lp::daemon
