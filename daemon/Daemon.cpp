#include "daemon/Daemon.hpp"

#include <csignal>

#include "audio/Decoder.hpp"
#include "audio/Errors.hpp"
#include "daemon/Logging.hpp"
#include "daemon/Notify.hpp"
#include "db/Store.hpp"
#include "domain/Texts.hpp"
#include "domain/Time.hpp"
#include "journal/AiringHistory.hpp"
#include "library/ItemStore.hpp"

namespace lp::daemon {
namespace {

// Items the config file names are approved by whoever wrote the file (the administrator).
constexpr const char* config_approver = "tệp cấu hình";

audio::OutputSpec to_spec(const config::OutputConfig& o, const config::Config& c) {
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
        case config::OutputKind::icecast: {
            spec.kind = audio::OutputKind::icecast;
            // "http://host:port" + password + mount -> FFmpeg's icecast://source:PASS@host:port/mount
            spec.target = "icecast://source:" + o.password + "@" + o.url.substr(7) + o.mount;
            break;
        }
        case config::OutputKind::rtp:
        case config::OutputKind::udp: {
            const bool rtp = o.kind == config::OutputKind::rtp;
            spec.kind = rtp ? audio::OutputKind::rtp : audio::OutputKind::udp;
            spec.target = (rtp ? "rtp://" : "udp://") + o.host + ":" + std::to_string(o.port);
            if (o.ttl > 0) spec.target += "?ttl=" + std::to_string(o.ttl);
            spec.sdp_path = o.sdp.string();
            break;
        }
        case config::OutputKind::archive:
            spec.kind = audio::OutputKind::archive;
            spec.target = o.path.string();
            break;
    }
    spec.codec = o.codec == config::OutputCodec::mp3    ? audio::Codec::mp3
                 : o.codec == config::OutputCodec::opus ? audio::Codec::opus
                                                        : audio::Codec::pcm;
    spec.bitrate = o.bitrate_kbps * 1000;
    spec.time_zone = c.time_zone;
    return spec;
}

audio::PlayerOptions player_options(const config::Config& c) {
    audio::PlayerOptions options;
    options.loudness_target_lufs = c.audio.loudness_target;
    options.fade_in = options.fade_out = std::chrono::milliseconds{c.audio.fade_ms};
    options.gap = std::chrono::milliseconds{c.audio.gap_ms};
    return options;
}

std::vector<audio::OutputSpec> output_specs(const config::Config& c) {
    std::vector<audio::OutputSpec> specs;
    for (const auto& o : c.outputs) specs.push_back(to_spec(o, c));
    return specs;
}

// The length the planner fits into slots; unknown (zero) when the file cannot be opened,
// in which case the airing itself fails and is journaled with FFmpeg's reason.
std::chrono::milliseconds probe_duration(const std::filesystem::path& file) {
    try {
        return std::chrono::duration_cast<std::chrono::milliseconds>(audio::Decoder(file, {}).duration());
    } catch (const audio::MediaError& e) {
        logger("scheduler")->warn("cannot read the length of {}: {}", file.string(), e.what());
        return std::chrono::milliseconds{0};
    }
}

scheduler::Slot slot_from_config(const config::SlotConfig& c, const std::vector<scheduler::ItemId>& items) {
    scheduler::Slot s;
    s.name = c.name;
    s.days = c.days;
    s.start_of_day = c.start_of_day;
    s.relative_start = c.relative_start;
    s.max_length = c.max_length;
    s.outputs = c.outputs;
    for (const auto id : items) s.programme.push_back({scheduler::Entry::Kind::fixed, id, 1, {}});
    return s;
}

}  // namespace

Daemon::Daemon(config::Config config)
    : config_(std::move(config)),
      tz_(domain::zone(config_.time_zone)),
      started_at_(std::chrono::system_clock::now()),
      db_(db::open_store(config_.database)),
      journal_(db_),
      rules_(db_),
      pending_(db_),
      recorder_(journal_, pending_),
      events_(io_, *this),
      player_(std::make_unique<audio::FfmpegPlayer>(output_specs(config_), events_, player_options(config_))),
      timer_(io_),
      signals_(io_, SIGTERM, SIGINT, SIGHUP) {
    if (const int n = journal_.recover_open_rows(started_at_, tz_); n > 0)
        logger("journal")->warn("{} airing(s) left open by an unclean stop marked interrupted", n);
    recorder_.journal_leftovers(started_at_, std::string(domain::texts::stopped_mid_programme));
    seed_from_config();
    auto rules = rules_.load();
    scheduler::History history(journal::airing_times_since(db_, started_at_ - rules.rotation_window));
    engine_ = std::make_unique<scheduler::Engine>(std::move(rules), tz_, started_at_,
                                                  rules_.load_marks(started_at_), std::move(history));
}

Daemon::~Daemon() = default;

void Daemon::seed_from_config() {
    library::ItemStore items(db_);
    for (const auto& slot : config_.slots) {
        std::vector<scheduler::ItemId> ids;
        for (const auto& item : slot.items) {
            const auto id = items.upsert({item.file, item.title, item.topic, item.form});
            items.set_duration(id, probe_duration(item.file));
            items.approve(id, config_approver);
            ids.push_back(id);
        }
        rules_.save_slot(slot_from_config(slot, ids));
    }
}

void Daemon::run() {
    wait_for_signal();
    reload_watch_ = std::make_unique<ReloadWatch>(io_, db::reload_flag_for(config_.database), [this] { reload(); });
    reports_.start();
    backups_.start();
    decide();
    logger("daemon")->info("ready: database {}, {} output(s), {} slot(s), zone {}", config_.database.string(),
                           config_.outputs.size(), engine_->rules().slots.size(), config_.time_zone);
    notify_ready();
    io_.run();
    // The loop has stopped: stop the player (cutting any airing), join its thread, then run
    // the events it posted on the way out so the cut airing is journaled interrupted.
    player_.reset();
    io_.restart();
    io_.poll();
    // Queued programmes the player dropped without events: their starts are decided, so they
    // will not air after a restart either.
    recorder_.journal_leftovers(std::chrono::system_clock::now(), std::string(domain::texts::stopped_before_airing));
    logger("daemon")->info("stopped");
}

void Daemon::wait_for_signal() {
    signals_.async_wait([this](const boost::system::error_code& ec, int signal) {
        if (ec) return;
        if (signal == SIGHUP) {
            reload();
            wait_for_signal();
            return;
        }
        logger("daemon")->info("signal {} received, stopping", signal);
        notify_stopping();
        timer_.cancel();
        io_.stop();
    });
}

void Daemon::reload() {
    logger("scheduler")->info("reloading slots, programmes and one-offs from the database");
    engine_->set_rules(rules_.load());
    decide();
}

void Daemon::decide() {
    apply(engine_->tick(std::chrono::system_clock::now()));
    rules_.save_marks(engine_->marks());
    schedule();
}

void Daemon::schedule() {
    const auto next = engine_->next_wakeup();
    if (next) {
        logger("scheduler")->debug("next decision at {} {}", domain::local_date_text(tz_, *next),
                                   domain::local_time_text(tz_, *next));
    } else {
        logger("scheduler")->info("nothing is scheduled; waiting for changes or a stop signal");
    }
    // With nothing due, still wait: a wall-clock change or SIGHUP may make something due.
    const auto at = next.value_or(std::chrono::system_clock::now() + std::chrono::days(365));
    timer_.wait_until(at, [this](bool clock_was_set) {
        if (clock_was_set)
            logger("scheduler")->warn("the wall clock was set (now {} {}); re-planning",
                                      domain::local_date_text(tz_, std::chrono::system_clock::now()),
                                      domain::local_time_text(tz_, std::chrono::system_clock::now()));
        decide();
    });
}

journal::AiringPlan Daemon::airing_plan(const scheduler::Order& order, const scheduler::PlannedCue& cue) const {
    journal::AiringPlan plan;
    plan.scheduled_at = order.scheduled_at;
    plan.slot = order.slot_name;
    if (const auto* item = engine_->rules().item(cue.item)) {
        plan.media_item_id = item->id;
        plan.file = item->file.string();
        plan.title = item->title;
        plan.topics = item->topics;
        plan.form = item->form;
    } else {
        plan.title = "(tin, bài số " + std::to_string(cue.item) + " không còn trong thư viện)";
        plan.topics = {"other"};
        plan.form = "other";
    }
    return plan;
}

void Daemon::apply(const scheduler::Decisions& d) {
    for (const auto& note : d.notes) logger("scheduler")->info("{}", note);
    if (d.stop_current) {
        logger("scheduler")->warn("emergency: cutting what plays");
        player_->stop();
    }
    const auto now = std::chrono::system_clock::now();
    for (const auto& n : d.not_aired) {
        scheduler::Order order{"", n.slot_name, n.scheduled_at, n.scheduled_at, {}, {}, "", 0};
        journal_.record_not_aired(airing_plan(order, {n.item, "", std::nullopt}), n.status, now, n.reason);
    }
    for (const auto& order : d.air) {
        audio::Programme programme;
        programme.id = order.id;
        programme.outputs = order.outputs;
        programme.start = order.start;
        std::vector<journal::AiringPlan> plans;
        for (const auto& cue : order.cues) {
            plans.push_back(airing_plan(order, cue));
            const auto* item = engine_->rules().item(cue.item);
            programme.cues.push_back({plans.back().file, item ? item->loudness_lufs : std::nullopt});
        }
        logger("scheduler")->info("airing \"{}\" ({} item(s)) at {} {}", order.slot_name, order.cues.size(),
                                  domain::local_date_text(tz_, order.start), domain::local_time_text(tz_, order.start));
        if (!order.resumes.empty()) recorder_.handed_on(order.resumes, order.resumes_from);
        recorder_.expect(order.id, order.start, std::move(plans));
        player_->play(std::move(programme));
    }
}

void Daemon::started(const std::string& programme, std::size_t cue, audio::Clock::time_point at,
                     const std::vector<std::string>& outputs) {
    recorder_.started(programme, cue, at, outputs);
    engine_->cue_started(programme, cue, at);
}

void Daemon::progress(const std::string& programme, std::size_t cue, std::chrono::microseconds position) {
    recorder_.progress(programme, cue, position);
}

void Daemon::finished(const std::string& programme, std::size_t cue, audio::Clock::time_point at,
                      std::chrono::microseconds played, audio::CueResult result, const std::string& reason) {
    recorder_.finished(programme, cue, at, played, result, reason);
}

void Daemon::outputs_changed(const std::string& programme, std::size_t cue, audio::Clock::time_point at,
                             const std::vector<std::string>& outputs) {
    recorder_.outputs_changed(programme, cue, at, outputs);
}

void Daemon::done(const std::string& programme) {
    recorder_.done(programme);
    engine_->order_done(programme);
}

}  // namespace lp::daemon
