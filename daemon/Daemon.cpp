#include "daemon/Daemon.hpp"

#include <csignal>

#include "audio/output/Registry.hpp"
#include "config/Load.hpp"

#include "api/Routes.hpp"
#include "api/StatusRoutes.hpp"
#include "auth/AccountsGate.hpp"
#include "daemon/ApiServices.hpp"
#include "daemon/ConfigChange.hpp"
#include "daemon/LiveNotice.hpp"
#include "daemon/Logging.hpp"
#include "daemon/Notify.hpp"
#include "db/Store.hpp"
#include "domain/Texts.hpp"
#include "domain/Time.hpp"
#include "domain/WallClock.hpp"
#include "journal/AiringHistory.hpp"
#include "library/ConfigSeed.hpp"
#include "playout/ProgrammeBuilder.hpp"
#include "playout/RestartResumption.hpp"

namespace lp::daemon {
namespace {

audio::PlayerOptions player_options(const config::Config& c, std::shared_ptr<audio::PlayerHealth> health,
                                    const LiveNotices& live_notices) {
    audio::PlayerOptions options;
    options.health = std::move(health);
    options.loudness_target_lufs = c.audio.loudness_target;
    options.fade_in = options.fade_out = std::chrono::milliseconds{c.audio.fade_ms};
    options.gap = std::chrono::milliseconds{c.audio.gap_ms};
    options.live.open_timeout = c.live.open_timeout;
    options.live.stall_timeout = c.live.stall_timeout;
    options.live.retry_interval = c.live.retry_interval;
    options.live.notice = live_notices.relay;
    options.live.capture_notice = live_notices.capture;
    return options;
}

// The config's outputs as the player takes them (their kinds read them), in the daemon's zone.
std::vector<audio::OutputSpec> output_specs(const config::Config& c) {
    auto specs = c.outputs;
    for (auto& spec : specs) spec.time_zone = c.time_zone;
    audio::output::prepare(specs);  // e.g. the file outputs' folders
    return specs;
}

}  // namespace

Daemon::Daemon(config::Config config)
    : config_(std::move(config)),
      snapshot_(std::make_shared<const config::Config>(config_)),
      tz_(domain::zone(config_.time_zone)),
      started_at_(domain::wall_now()),
      db_(db::open_store(config_.database)),
      journal_(db_),
      rules_(db_),
      pending_(db_),
      writer_(db_, writer_options()),
      recorder_(writer_),
      events_(io_, [this](const audio::PlayerEvent& e) { on_player_event(e); }),
      health_(std::make_unique<HealthWiring>(io_, config_, tz_, writer_, loop_errors_)),
      listeners_(io_, writer_, recorder_),
      live_notices_(make_live_notices(config_.media_dir)),
      player_(std::make_unique<audio::FfmpegPlayer>(output_specs(config_), events_,
                                                    player_options(config_, health_->player_health(), live_notices_))),
      timer_(io_),
      signals_(io_, SIGTERM, SIGINT, SIGHUP) {
    // Writes an earlier run could not land go first: a row they finish must not be taken for
    // one a crash left open.
    if (!writer_.flush())
        throw std::runtime_error("the database refuses the journal writes an earlier run left in " +
                                 writer_.spill_file().string() + "; they are kept there and retried at the next start");
    if (const int n = journal_.recover_open_rows(started_at_, tz_); n > 0)
        logger("journal")->warn("{} airing(s) left open by an unclean stop marked interrupted", n);
    library::apply_config_slots(db_, config_, *logger("library"));
    auto rules = rules_.load();
    rules.grace = config_.grace;
    scheduler::History history(journal::airing_times_since(db_, started_at_ - rules.rotation_window));
    engine_ = std::make_unique<scheduler::Engine>(std::move(rules), tz_, started_at_, rules_.load_marks(started_at_),
                                                  std::move(history));
    // An emergency stops the player at the instant it is decided, and what resumes after it
    // starts where the player says it was cut.
    engine_->set_cut_player([this]() -> std::optional<scheduler::PlayerPosition> {
        const auto at = player_->stop();
        if (!at) return std::nullopt;
        return scheduler::PlayerPosition{at->programme, at->cue, at->ended};
    });
    listeners_.outputs(config_.outputs);
    health_->count_listener_samples(listeners_.sampler());
    resume_after_crash();
}

void Daemon::resume_after_crash() {
    const auto grace = engine_->rules().grace;
    const auto last = journal_.last_activity().value_or(scheduler::TimePoint{});
    const auto is_live = [this](std::int64_t item) {
        auto st = db_.prepare("SELECT live_url IS NOT NULL FROM media_item WHERE id = ?");
        st.bind(1, item);
        return st.step() && st.integer(0) == 1;
    };
    auto plan = playout::plan_restart(pending_.all(), started_at_, last, grace, is_live);
    for (const auto& u : plan.live_ended) {
        logger("journal")->warn("live session {} not resumed after an unclean stop", u.programme);
        for (const auto& left : pending_.take(u.programme))
            if (!left.journal_id)
                journal_.record_not_aired(left.plan, journal::Status::missed, started_at_,
                                          std::string(domain::texts::live_not_resumed_after_restart));
    }
    for (const auto& u : plan.give_up) {
        const auto down = std::chrono::duration_cast<std::chrono::seconds>(started_at_ - u.due);
        logger("journal")->warn("programme {} not resumed: down {} s, more than the grace period", u.programme,
                                down.count());
        for (const auto& left : pending_.take(u.programme))
            if (!left.journal_id)
                journal_.record_not_aired(left.plan, journal::Status::missed, started_at_,
                                          domain::texts::not_resumed_after_restart(down, grace));
    }
    for (const auto& u : plan.resume) {
        auto order = playout::resumption_order(u, started_at_);
        pending_.move_all(u.programme, order.id);
        engine_->adopt(order);
        logger("scheduler")->warn("resuming {} item(s) of {} cut by an unclean stop", order.cues.size(), u.programme);
        restart_orders_.push_back(std::move(order));
    }
}

Daemon::~Daemon() = default;

void Daemon::run() {
    wait_for_signal();
    reload_watch_ = std::make_unique<ReloadWatch>(io_, db::reload_flag_for(config_.database), [this] { reload(); });
    reports_.start();
    backups_.start();
    start_web();
    start_public();
    for (const auto& order : restart_orders_) air(order, domain::texts::resumed_after_restart(tz_, started_at_));
    restart_orders_.clear();
    decide();
    logger("daemon")->info("ready: database {}, {} output(s), {} slot(s), zone {}", config_.database.string(),
                           config_.outputs.size(), engine_->rules().slots.size(), config_.time_zone);
    health_->start();
    notify_ready();
    // Nothing a handler throws may end the daemon while it airs: log it, count it, go on.
    while (true) {
        try {
            io_.run();
            break;
        } catch (const std::exception& e) {
            ++loop_errors_;
            logger("daemon")->error("a loop handler failed ({} so far); carrying on: {}", loop_errors_, e.what());
        }
    }
    // The loop has stopped: stop the player (cutting any airing), join its thread, then run
    // the events it posted on the way out so the cut airing is journaled interrupted.
    player_.reset();
    io_.restart();
    io_.poll();
    // The cut airing's last listener samples (each read bounded to 2 s), then their writes.
    listeners_.settle(std::chrono::milliseconds{2500});
    io_.restart();
    io_.poll();
    // Queued programmes the player dropped without events: their starts are decided, so they
    // will not air after a restart either.
    recorder_.journal_leftovers(domain::wall_now(), std::string(domain::texts::stopped_before_airing));
    // One last try; what still waits stays in the spill file for the next start.
    if (!writer_.flush())
        logger("journal")->warn("{} journal write(s) still wait for the database; kept in {} for the next start",
                                writer_.waiting(), writer_.spill_file().string());
    logger("daemon")->info("stopped");
}

void Daemon::start_web() {
    if (!config_.http.enabled) return;
    // The page and the API are not the sound: when they cannot start, the daemon airs
    // without them and says why.
    try {
        gate_ = std::make_unique<auth::AccountsGate>(config_.database, !config_.http.tls_cert.empty());
        api_ = std::make_unique<ApiServices>(*this);
        auto routes = api::routes(*api_);
        for (auto& r : gate_->routes()) routes.push_back(std::move(r));
        WebSources sources{[this] { return api::status_json(*api_); }, [this] { return health_->health_json(); },
                           [this] { return health_->metrics_text(); }};
        web_ = std::make_unique<WebServer>(io_, config_, *gate_, std::move(routes), std::move(sources), db_);
        api_->set_publisher([this](std::string_view event, const nlohmann::json& data) {
            boost::asio::post(io_, [this, event = std::string(event), data] {
                if (web_) web_->events().publish(event, data);
            });
        });
        web_->start();
    } catch (const std::exception& e) {
        web_.reset();
        logger("http")->error("the web page and API are off: {}; airing goes on", e.what());
    }
}

void Daemon::start_public() {
    if (!config_.publik.enabled) return;
    try {
        public_web_ = std::make_unique<PublicWeb>(io_, config_, db_);
        public_web_->start();
    } catch (const std::exception& e) {
        public_web_.reset();
        logger("http")->error("the public listen-again side is off: {}; airing goes on", e.what());
    }
}

void Daemon::wait_for_signal() {
    signals_.async_wait([this](const boost::system::error_code& ec, int signal) {
        if (ec) return;
        if (signal == SIGHUP) {
            reload_config();
            reload();
            wait_for_signal();
            return;
        }
        logger("daemon")->info("signal {} received, stopping", signal);
        notify_stopping();
        health_->stop();
        timer_.cancel();
        io_.stop();
    });
}

std::shared_ptr<const config::Config> Daemon::config_snapshot() const {
    const std::lock_guard lock(snapshot_mutex_);
    return snapshot_;
}

void Daemon::reload_config() {
    const auto log = logger("daemon");
    if (config_.source == "<embedded>") {
        log->info("SIGHUP: no config file to re-read (running the embedded demo configuration)");
        return;
    }
    config::Config loaded;
    config::Config reread;
    std::vector<audio::OutputSpec> specs;
    try {
        loaded = config::load_file(config_.source);
        reread = applied(config_, loaded);
        specs = output_specs(reread);  // makes the folders of file outputs
    } catch (const std::exception& e) {
        log->error("config {} not reloaded, the running configuration is kept: {}", config_.source.string(), e.what());
        return;
    }
    const auto change = diff(config_, loaded);
    log->info("config {} re-read: {}", config_.source.string(), describe(change));
    for (const auto& setting : change.needs_restart)
        log->warn("config: {} changed in the file but needs a restart; the running value is kept", setting);
    config_ = std::move(reread);
    {
        auto copy = std::make_shared<const config::Config>(config_);
        const std::lock_guard lock(snapshot_mutex_);
        snapshot_ = std::move(copy);
    }
    if (change.outputs()) {
        health_->outputs_changed();
        listeners_.outputs(config_.outputs);
    }  // meters and dead-air alarms of the outputs added
    if (change.outputs() || change.audio)
        player_->reconfigure(std::move(specs), player_options(config_, health_->player_health(), live_notices_));
    if (change.slots) {
        try {
            library::apply_config_slots(db_, config_, *logger("library"));
        } catch (const std::exception& e) {
            logger("library")->error("the config's slots could not be applied: {}", e.what());
        }
    }
}

void Daemon::reload() {
    logger("scheduler")->info("reloading slots, programmes and one-offs from the database");
    auto rules = rules_.load();
    rules.grace = config_.grace;
    engine_->set_rules(std::move(rules));
    decide();
}

namespace {

std::string encode_marks(const scheduler::Marks& m) {
    return domain::to_utc_text(m.slots) + " " + domain::to_utc_text(m.emergencies);
}

scheduler::Marks decode_marks(const std::string& text) {
    const auto space = text.find(' ');
    return {domain::from_utc_text(text.substr(0, space)), domain::from_utc_text(text.substr(space + 1))};
}

}  // namespace

journal::WriterOptions Daemon::writer_options() {
    journal::WriterOptions o;
    o.loop = &io_;
    o.log = logger("journal");
    o.latest["scheduler.marks"] = [this](const std::string& value) { rules_.save_marks(decode_marks(value)); };
    return o;
}

void Daemon::decide() {
    // The next wake-up is armed whatever fails here, or the schedule would stop.
    try {
        events_.deliver_now();
        apply(engine_->tick(domain::wall_now()));
        writer_.keep_latest("scheduler.marks", encode_marks(engine_->marks()));
        health_->next_slot(*engine_);
    } catch (const std::exception& e) {
        ++loop_errors_;
        logger("scheduler")
            ->error("deciding failed ({} loop error(s) so far); carrying on: {}", loop_errors_, e.what());
    }
    schedule();
}

void Daemon::schedule() {
    const auto next = engine_->next_wakeup();
    if (next) {
        logger("scheduler")
            ->debug("next decision at {} {}", domain::local_date_text(tz_, *next), domain::local_time_text(tz_, *next));
    } else {
        logger("scheduler")->info("nothing is scheduled; waiting for changes or a stop signal");
    }
    // With nothing due, still wait: a wall-clock change or SIGHUP may make something due.
    const auto at = next.value_or(domain::wall_now() + std::chrono::days(365));
    timer_.wait_until(at, [this](bool clock_was_set) {
        if (clock_was_set)
            logger("scheduler")
                ->warn("the wall clock was set (now {} {}); re-planning",
                       domain::local_date_text(tz_, domain::wall_now()),
                       domain::local_time_text(tz_, domain::wall_now()));
        decide();
    });
}

void Daemon::air(const scheduler::Order& order, const std::string& note) {
    auto built = playout::build_programme(order, engine_->rules());
    for (auto& plan : built.plans) plan.note = note;
    verifier_.attach(built.programme, built.sha256);
    std::vector<std::string> titles;
    for (const auto& plan : built.plans) titles.push_back(plan.title);
    health_->aired(order, built.programme, titles);
    logger("scheduler")
        ->info("airing \"{}\" ({} item(s)) at {} {}", order.slot_name, order.cues.size(),
               domain::local_date_text(tz_, order.start), domain::local_time_text(tz_, order.start));
    if (!order.resumes.empty()) recorder_.handed_on(order.resumes, order.resumes_from, order.id);
    recorder_.expect(
        order.id, order.start, std::move(built.plans), order.outputs,
        order.resumption ? journal::AiringRecorder::Start::resumption : journal::AiringRecorder::Start::scheduled);
    live_.handed(order);
    player_->play(std::move(built.programme));
}

void Daemon::apply(const scheduler::Decisions& d) {
    for (const auto& note : d.notes) logger("scheduler")->info("{}", note);
    if (d.stop_current) {
        logger("scheduler")->warn("emergency: cutting what plays");
        // The engine has stopped the player (set_cut_player); the cut cue's event comes after
        // this, and its row then says what cut it.
        recorder_.cut_all(d.cut_reason);
        health_->cut_all();
    }
    const auto now = domain::wall_now();
    for (const auto& n : d.not_aired) {
        writer_.record_not_aired(playout::not_aired_plan(n, engine_->rules()), playout::status_of(n.kind), now,
                                 n.reason);
        health_->not_aired(playout::status_of(n.kind));
        live_.not_aired(n.one_off);
    }
    for (const auto& order : d.air) air(order);
}

void Daemon::on_player_event(const audio::PlayerEvent& e) {
    listeners_.before_recorded(e);
    recorder_.record(e);
    listeners_.after_recorded(e);
    health_->player_event(e);
    if (const auto* started = std::get_if<audio::event::Started>(&e.what))
        engine_->cue_started(e.programme, e.cue, started->at);
    else if (std::holds_alternative<audio::event::Finished>(e.what))
        engine_->cue_finished(e.programme, e.cue);
    else if (std::holds_alternative<audio::event::ProgrammeDone>(e.what)) {
        engine_->order_done(e.programme);
        live_.done(e.programme);
    }
    if (web_ && !std::holds_alternative<audio::event::Progress>(e.what)) web_->player_changed();
}

}  // namespace lp::daemon
