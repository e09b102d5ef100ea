#include "daemon/Daemon.hpp"

#include <csignal>

#include "daemon/Logging.hpp"
#include "daemon/Notify.hpp"
#include "db/Store.hpp"
#include "domain/Time.hpp"
#include "library/ItemStore.hpp"
#include "scheduler/SlotStore.hpp"

namespace lp::daemon {
namespace {

// The player gets the programme this long before its start, to open outputs and decode the
// first frames so that the first sample leaves on time.
constexpr auto preroll = std::chrono::seconds(2);

audio::OutputSpec to_spec(const config::OutputConfig& o) {
    audio::OutputSpec spec;
    spec.name = o.name;
    spec.format = {o.sample_rate, o.channels};
    switch (o.kind) {
        case config::OutputKind::alsa:
            spec.kind = audio::OutputKind::alsa;
            spec.target = o.device;
            break;
        case config::OutputKind::file:
            spec.kind = audio::OutputKind::file;
            spec.target = o.path.string();
            if (o.path.has_parent_path()) std::filesystem::create_directories(o.path.parent_path());
            break;
        case config::OutputKind::null:
            spec.kind = audio::OutputKind::null;
            break;
    }
    return spec;
}

std::vector<audio::OutputSpec> output_specs(const config::Config& c) {
    std::vector<audio::OutputSpec> specs;
    for (const auto& o : c.outputs) specs.push_back(to_spec(o));
    return specs;
}

}  // namespace

Daemon::Daemon(config::Config config)
    : config_(std::move(config)),
      tz_(domain::zone(config_.time_zone)),
      started_at_(std::chrono::system_clock::now()),
      db_(db::open_store(config_.database)),
      journal_(db_),
      recorder_(journal_),
      events_(io_, recorder_),
      player_(std::make_unique<audio::FfmpegPlayer>(output_specs(config_), events_)),
      timer_(io_),
      signals_(io_, SIGTERM, SIGINT) {
    if (const int n = journal_.recover_open_rows(started_at_); n > 0)
        logger("journal")->warn("{} airing(s) left open by an unclean stop marked interrupted", n);
    seed_from_config();
}

Daemon::~Daemon() = default;

void Daemon::seed_from_config() {
    library::ItemStore items(db_);
    item_ids_.clear();
    for (const auto& slot : config_.slots) {
        auto& ids = item_ids_.emplace_back();
        for (const auto& item : slot.items)
            ids.push_back(items.upsert({item.file, item.title, item.topic, item.form}));
    }
    scheduler::SlotStore(db_).replace(config_.slots, item_ids_);
}

void Daemon::run() {
    signals_.async_wait([this](const boost::system::error_code& ec, int signal) {
        if (!ec) shut_down(signal);
    });
    schedule_after(started_at_);
    logger("daemon")->info("ready: database {}, {} output(s), {} slot(s), zone {}", config_.database.string(),
                           config_.outputs.size(), config_.slots.size(), config_.time_zone);
    notify_ready();
    io_.run();
    // The loop has stopped: stop the player (cutting any airing), join its thread, then run
    // the events it posted on the way out so the cut airing is journaled interrupted.
    player_.reset();
    io_.restart();
    io_.poll();
    logger("daemon")->info("stopped");
}

void Daemon::schedule_after(scheduler::TimePoint after) {
    const auto next = scheduler::next_occurrence(config_.slots, after, tz_, started_at_);
    if (!next) {
        logger("scheduler")->info("no slot airs again; waiting for a stop signal");
        return;
    }
    const auto& slot = config_.slots[next->slot];
    logger("scheduler")->info("next: slot \"{}\" at {} {}", slot.name, domain::local_date_text(tz_, next->at),
                              domain::local_time_text(tz_, next->at));
    notify_status("Khung giờ tiếp theo: " + slot.name + " lúc " + domain::local_time_text(tz_, next->at) + " " +
                  domain::local_date_text(tz_, next->at));
    timer_.expires_at(next->at - preroll);
    timer_.async_wait([this, occurrence = *next](const boost::system::error_code& ec) {
        if (ec) return;  // cancelled at shutdown
        air(occurrence);
        schedule_after(occurrence.at);
    });
}

void Daemon::air(const scheduler::Occurrence& occurrence) {
    const auto& slot = config_.slots[occurrence.slot];
    audio::Programme programme;
    programme.id = slot.name + "@" + domain::to_utc_text(occurrence.at);
    programme.outputs = slot.outputs;
    programme.start = occurrence.at;
    std::vector<journal::AiringPlan> plans;
    for (std::size_t i = 0; i < slot.items.size(); ++i) {
        const auto& item = slot.items[i];
        programme.cues.push_back({item.file});
        plans.push_back({occurrence.at, item_ids_[occurrence.slot][i], item.file.string(), item.title, item.topic,
                         item.form, slot.name});
    }
    recorder_.expect(programme.id, std::move(plans));
    player_->play(std::move(programme));
}

void Daemon::shut_down(int signal) {
    logger("daemon")->info("signal {} received, stopping", signal);
    notify_stopping();
    timer_.cancel();
    io_.stop();
}

}  // namespace lp::daemon
