#include "daemon/HealthWiring.hpp"

#include <systemd/sd-daemon.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <thread>

#include "audio/output/Registry.hpp"
#include "daemon/Logging.hpp"
#include "daemon/TestStallLoop.hpp"
#include "db/Store.hpp"
#include "domain/Time.hpp"
#include "domain/WallClock.hpp"
#include "journal/JournalWriter.hpp"
#include "scheduler/Preview.hpp"

namespace lp::daemon {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

constexpr const char* airings = "loaphuong_airings_total";
constexpr const char* output_errors = "loaphuong_output_errors_total";
constexpr const char* output_retries = "loaphuong_output_retries_total";
constexpr const char* output_peak = "loaphuong_output_peak_dbfs";
constexpr const char* lateness = "loaphuong_start_lateness_seconds";
constexpr const char* commit_age = "loaphuong_journal_last_commit_age_seconds";
constexpr const char* waiting = "loaphuong_journal_writes_waiting";
constexpr const char* archive_bytes = "loaphuong_archive_size_bytes";
constexpr const char* disk_free = "loaphuong_database_disk_free_bytes";
constexpr const char* alarms_active = "loaphuong_dead_air_alarms_active";
constexpr const char* alarms_total = "loaphuong_dead_air_alarms_total";
constexpr const char* loop_errors = "loaphuong_loop_errors_total";
constexpr const char* listener_samples = "loaphuong_listener_samples_total";

void declare(health::Registry& m) {
    using health::MetricType;
    m.declare(airings, "Airings journaled, by status", MetricType::counter);
    m.declare(output_errors, "Failures to open or write an output", MetricType::counter);
    m.declare(output_retries, "Reopenings of an output after a failure", MetricType::counter);
    m.declare(output_peak, "Peak level fed to the output over the last second (dBFS)", MetricType::gauge);
    m.declare(lateness, "Lateness of a programme's first sample against its start (seconds)", MetricType::histogram,
              {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5});
    m.declare(commit_age, "Seconds since a journal write last landed in the database", MetricType::gauge);
    m.declare(waiting, "Journal writes waiting for the database", MetricType::gauge);
    m.declare(archive_bytes, "Bytes in the archive folders", MetricType::gauge);
    m.declare(disk_free, "Free bytes on the database's file system", MetricType::gauge);
    m.declare(alarms_active, "Dead-air alarms raised now", MetricType::gauge);
    m.declare(alarms_total, "Dead-air alarms raised since the start", MetricType::counter);
    m.declare(loop_errors, "Loop handler failures the daemon survived", MetricType::counter);
    m.declare(listener_samples, "Icecast listener counts read during airings, by result", MetricType::counter);
}

double folder_bytes(const std::vector<fs::path>& dirs) {
    double total = 0;
    for (const auto& dir : dirs) {
        std::error_code ec;
        for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
            std::error_code size_ec;
            if (it->is_regular_file(size_ec)) {
                const auto size = it->file_size(size_ec);
                if (!size_ec) total += static_cast<double>(size);
            }
        }
    }
    return total;
}

std::chrono::system_clock::time_point wall(HealthWiring::Steady::time_point at) {
    return domain::wall_now() +
           std::chrono::duration_cast<std::chrono::system_clock::duration>(at - HealthWiring::Steady::now());
}

HealthWiring::Steady::time_point steady(scheduler::TimePoint at) {
    return HealthWiring::Steady::now() +
           std::chrono::duration_cast<HealthWiring::Steady::duration>(at - domain::wall_now());
}

std::vector<std::string> names_of(const config::Config& c) {
    std::vector<std::string> names;
    for (const auto& o : c.outputs) names.push_back(o.name);
    return names;
}

}  // namespace

HealthWiring::HealthWiring(boost::asio::io_context& io, const config::Config& config, const date::time_zone* tz,
                           journal::JournalWriter& writer, const std::uint64_t& loop_errors_ref)
    : io_(io),
      config_(config),
      tz_(tz),
      writer_(writer),
      loop_errors_(loop_errors_ref),
      player_(std::make_shared<audio::PlayerHealth>(names_of(config))),
      timer_(io),
      tick_(1s),
      player_moved_(Steady::now()),
      last_commit_(Steady::now()) {
    declare(metrics_);
    outputs_changed();
    for (const auto s : journal::all_statuses)
        if (s != journal::Status::playing) metrics_.set(airings, {{"status", std::string(journal::to_code(s))}}, 0);
    std::uint64_t usec = 0;
    if (sd_watchdog_enabled(0, &usec) > 0 && usec > 0) {
        watchdog_interval_ = std::chrono::microseconds{usec};
        // Tick at least four times per interval, so that a ping is never late.
        tick_ = std::min<Steady::duration>(1s, *watchdog_interval_ / 4);
        logger("daemon")->info("systemd watchdog: {} ms; WATCHDOG=1 every {} ms while the loop and the player live",
                               usec / 1000, usec / 2000);
    }
}

void HealthWiring::outputs_changed() {
    const health::DeadAirOptions alarm{config_.alarm.dead_air, config_.alarm.silence_dbfs, 2s};
    std::erase_if(outputs_, [&](const auto& kv) {
        const bool kept = std::any_of(config_.outputs.begin(), config_.outputs.end(),
                                      [&](const auto& o) { return o.name == kv.first; });
        if (!kept && kv.second.alarm.active())
            logger("daemon")->info("dead air on output '{}' cleared: the output is removed", kv.first);
        return !kept;
    });
    archive_dirs_.clear();
    for (const auto& o : config_.outputs) {
        if (const auto folder = audio::output::kind_of(o).archive_folder(o)) archive_dirs_.push_back(*folder);
        if (outputs_.contains(o.name)) continue;
        const auto* meter = player_->add(o.name);
        if (meter == nullptr) {
            logger("daemon")->warn("output '{}' gets no dead-air meter: too many outputs added since the start",
                                   o.name);
            continue;
        }
        outputs_.emplace(o.name, OutputState{health::DeadAirAlarm{alarm}});
        std::lock_guard lock{mutex_};
        metrics_.set(output_errors, {{"output", o.name}}, static_cast<double>(meter->errors.load()));
        metrics_.set(output_retries, {{"output", o.name}}, static_cast<double>(meter->retries.load()));
    }
}

HealthWiring::~HealthWiring() {
    if (archive_size_.valid()) archive_size_.wait();
}

void HealthWiring::start() {
    running_ = true;
    player_moved_ = Steady::now();
    last_heartbeat_ = player_->heartbeat.load();
    tick();
}

void HealthWiring::stop() {
    running_ = false;
    timer_.cancel();
    std::error_code ec;
    fs::remove(db::status_file_for(config_.database), ec);
}

void HealthWiring::arm() {
    timer_.expires_after(tick_);
    timer_.async_wait([this](const boost::system::error_code& ec) {
        if (!ec && running_) tick();
    });
}

void HealthWiring::tick() {
    const auto now = Steady::now();
    test_stall_loop();  // a no-op but in loaphuongd-test
    // Armed first: whatever fails below, the watchdog and the alarms go on.
    arm();
    watchdog(now);
    sample_outputs(now);
    refresh_gauges(now);
    publish(now);
}

void HealthWiring::watchdog(Steady::time_point now) {
    const auto beat = player_->heartbeat.load(std::memory_order_relaxed);
    if (beat != last_heartbeat_) {
        last_heartbeat_ = beat;
        player_moved_ = now;
    }
    if (!watchdog_interval_) return;
    // The player beats at least once a second; one silent for half the interval (at least
    // 2.5 s) is stuck: no more pings, and systemd restarts the service. A stuck loop sends
    // nothing by construction: this runs on it.
    const auto half = *watchdog_interval_ / 2;
    const auto stale_after = std::max<Steady::duration>(half, 2500ms);
    if (now - player_moved_ > stale_after) {
        static bool told = false;
        if (!told)
            logger("daemon")->error("the player thread has not moved for {} s; not pinging the watchdog",
                                    std::chrono::duration_cast<std::chrono::seconds>(now - player_moved_).count());
        told = true;
        return;
    }
    if (now - last_ping_ < half - tick_ / 2) return;
    last_ping_ = now;
    (void)sd_notify(0, "WATCHDOG=1");
}

bool HealthWiring::should_play(const std::string& output, Steady::time_point now) const {
    for (const auto& [id, a] : airings_) {
        if (now < a.start) continue;
        if (a.done && now >= a.planned_end) continue;
        if (!a.started && now >= a.planned_end) continue;
        if (a.outputs.empty() || std::find(a.outputs.begin(), a.outputs.end(), output) != a.outputs.end()) return true;
    }
    return false;
}

void HealthWiring::sample_outputs(Steady::time_point now) {
    // Airings over (done, and past their planned end) are forgotten.
    std::erase_if(airings_, [&](const auto& kv) { return kv.second.done && now >= kv.second.planned_end; });
    std::size_t active = 0;
    for (auto& meter : player_->meters()) {
        auto it = outputs_.find(meter.name);
        if (it == outputs_.end()) continue;
        auto& state = it->second;
        const auto chunks = meter.chunks.load(std::memory_order_relaxed);
        const float peak = meter.peak.exchange(0, std::memory_order_relaxed);
        state.carrying = meter.live.load(std::memory_order_relaxed) && chunks != state.chunks_seen;
        state.chunks_seen = chunks;
        state.last_peak_dbfs = health::to_dbfs(peak);
        state.should_play = should_play(meter.name, now);
        const auto change = state.alarm.update(now, {state.should_play, state.carrying, state.last_peak_dbfs});
        if (change == health::DeadAirAlarm::Change::raised)
            logger("daemon")->error("dead air on output '{}': {} for {} s while it should be playing", meter.name,
                                    state.alarm.last_bad_was_failing() ? "failing" : "silent",
                                    config_.alarm.dead_air.count());
        else if (change == health::DeadAirAlarm::Change::cleared)
            logger("daemon")->info("dead air on output '{}' cleared: {}", meter.name,
                                   state.should_play ? "sound is back" : "nothing to play any more");
        if (state.alarm.active()) ++active;
    }
    std::lock_guard lock{mutex_};
    unsigned long long raised = 0;
    for (const auto& [name, state] : outputs_) raised += state.alarm.raised_total();
    metrics_.set(alarms_active, static_cast<double>(active));
    metrics_.set(alarms_total, static_cast<double>(raised));
    for (const auto& meter : player_->meters()) {
        const health::Labels labels{{"output", meter.name}};
        metrics_.set(output_errors, labels, static_cast<double>(meter.errors.load()));
        metrics_.set(output_retries, labels, static_cast<double>(meter.retries.load()));
        if (const auto it = outputs_.find(meter.name); it != outputs_.end())
            metrics_.set(output_peak, labels, it->second.last_peak_dbfs);
    }
}

void HealthWiring::refresh_gauges(Steady::time_point now) {
    const auto w = writer_.waiting();
    if (w == 0 && last_waiting_ > 0) last_commit_ = now;  // the waiting writes landed
    last_waiting_ = w;
    std::optional<double> free_bytes;
    if (now - last_disk_check_ >= 10s) {
        last_disk_check_ = now;
        std::error_code ec;
        const auto space = fs::space(config_.database.parent_path(), ec);
        if (!ec) free_bytes = static_cast<double>(space.available);
    }
    std::optional<double> archive;
    if (archive_size_.valid() && archive_size_.wait_for(0s) == std::future_status::ready) archive = archive_size_.get();
    if (!archive_dirs_.empty() && !archive_size_.valid() && now - last_archive_check_ >= 60s) {
        last_archive_check_ = now;
        // A walk of a year of day files: off the loop.
        archive_size_ = std::async(std::launch::async, [dirs = archive_dirs_] { return folder_bytes(dirs); });
    }
    std::lock_guard lock{mutex_};
    metrics_.set(waiting, static_cast<double>(w));
    metrics_.set(commit_age, std::chrono::duration<double>(now - last_commit_).count());
    metrics_.set(loop_errors, static_cast<double>(loop_errors_));
    if (listener_sampler_) {
        metrics_.set(listener_samples, {{"result", "ok"}}, static_cast<double>(listener_sampler_->samples()));
        metrics_.set(listener_samples, {{"result", "failed"}}, static_cast<double>(listener_sampler_->failures()));
    }
    if (free_bytes) metrics_.set(disk_free, *free_bytes);
    if (archive) metrics_.set(archive_bytes, *archive);
    if (archive_dirs_.empty()) metrics_.set(archive_bytes, 0);
}

void HealthWiring::aired(const scheduler::Order& order, const audio::Programme& programme,
                         const std::vector<std::string>& titles) {
    std::chrono::milliseconds length{0};
    for (const auto& cue : programme.cues) length += cue.length;
    Airing a;
    a.slot_name = order.slot_name;
    a.outputs = order.outputs;
    a.titles = titles;
    a.scheduled = order.start;
    a.start = steady(order.start);
    a.planned_end = a.start + length;
    airings_[programme.id] = std::move(a);
}

void HealthWiring::cut_all() {
    const auto now = Steady::now();
    for (auto& [id, a] : airings_) a.planned_end = std::min(a.planned_end, now);
}

void HealthWiring::player_event(const audio::PlayerEvent& e) {
    const auto now = Steady::now();
    if (writer_.waiting() == 0) last_commit_ = now;  // what this event wrote landed
    const auto it = airings_.find(e.programme);
    if (const auto* started = std::get_if<audio::event::Started>(&e.what)) {
        if (it != airings_.end()) {
            const bool first = !it->second.started;
            it->second.started = true;
            it->second.cue = e.cue;
            if (first) {
                const double late = std::chrono::duration<double>(started->at - it->second.scheduled).count();
                std::lock_guard lock{mutex_};
                metrics_.observe(lateness, std::max(0.0, late));
            }
        }
    } else if (const auto* finished = std::get_if<audio::event::Finished>(&e.what)) {
        const auto status = finished->result == audio::CueResult::completed     ? journal::Status::completed
                            : finished->result == audio::CueResult::interrupted ? journal::Status::interrupted
                                                                                : journal::Status::failed;
        not_aired(status);
    } else if (std::holds_alternative<audio::event::ProgrammeDone>(e.what)) {
        if (it != airings_.end()) it->second.done = true;
    }
    update_status();
}

void HealthWiring::not_aired(journal::Status status) {
    std::lock_guard lock{mutex_};
    metrics_.add(airings, {{"status", std::string(journal::to_code(status))}});
}

void HealthWiring::next_slot(const scheduler::Engine& engine) {
    try {
        const auto now = domain::wall_now();
        // What is already handed to the player is not "next".
        const auto handed = [&](const scheduler::PreviewEntry& entry) {
            for (const auto& [id, a] : airings_)
                if (a.slot_name == entry.slot_name && entry.plan.at - a.scheduled < std::chrono::minutes{1} &&
                    a.scheduled - entry.plan.at < std::chrono::minutes{1})
                    return true;
            return false;
        };
        const auto p = scheduler::preview(engine.rules(), engine.history(), now, now + std::chrono::hours{48}, tz_);
        next_.reset();
        for (const auto& entry : p.entries)
            if (entry.plan.at > now && !handed(entry)) {
                next_.emplace(entry.plan.at, entry.slot_name);
                break;
            }
    } catch (const std::exception& e) {
        logger("daemon")->warn("the next slot for the status could not be worked out: {}", e.what());
    }
    update_status();
}

std::string HealthWiring::status_line() const {
    std::string line;
    for (const auto& [id, a] : airings_) {
        if (!a.started || a.done) continue;
        line += "Đang phát: " + a.slot_name;
        if (a.cue < a.titles.size()) line += " — " + a.titles[a.cue];
        break;
    }
    if (line.empty()) line = "Không phát";
    if (next_) {
        line += " · Tiếp theo: " + domain::local_time_text(tz_, next_->first).substr(0, 5) + " " + next_->second;
    }
    const auto w = writer_.waiting();
    line += w == 0 ? std::string(" · journal up to date")
                   : " · " + std::to_string(w) + " journal write(s) waiting for the database";
    std::size_t alarms = 0;
    for (const auto& [name, state] : outputs_) alarms += state.alarm.active() ? 1 : 0;
    if (alarms > 0) line += " · MẤT TIẾNG trên " + std::to_string(alarms) + " đầu ra";
    return line;
}

void HealthWiring::update_status() {
    auto line = status_line();
    if (line == last_status_) return;
    last_status_ = line;
    (void)sd_notify(0, ("STATUS=" + line).c_str());
}

nlohmann::json HealthWiring::build_json(Steady::time_point now) const {
    using nlohmann::json;
    json j;
    j["pid"] = static_cast<long>(::getpid());
    j["updated_at"] = std::chrono::duration_cast<std::chrono::seconds>(domain::wall_now().time_since_epoch()).count();
    j["now_playing"] = nullptr;
    for (const auto& [id, a] : airings_) {
        if (!a.started || a.done) continue;
        const auto secs = [](Steady::duration d) { return std::chrono::duration<double>(d).count(); };
        j["now_playing"] = {{"slot", a.slot_name},
                            {"title", a.cue < a.titles.size() ? a.titles[a.cue] : ""},
                            {"outputs", a.outputs},
                            {"position_s", secs(now - a.start)},
                            {"length_s", secs(a.planned_end - a.start)}};
        break;
    }
    j["next"] = nullptr;
    if (next_)
        j["next"] = {{"slot", next_->second},
                     {"time", domain::local_time_text(tz_, next_->first).substr(0, 5)},
                     {"date", domain::local_date_text(tz_, next_->first)}};
    std::vector<std::string> reasons;
    json outs = json::array();
    json alarms = json::array();
    for (const auto& meter : player_->meters()) {
        const auto it = outputs_.find(meter.name);
        if (it == outputs_.end()) continue;  // removed by a reload
        const auto& state = it->second;
        outs.push_back({{"name", meter.name},
                        {"should_play", state.should_play},
                        {"carrying", state.carrying},
                        {"peak_dbfs", state.last_peak_dbfs},
                        {"errors", meter.errors.load()},
                        {"retries", meter.retries.load()},
                        {"dead_air", state.alarm.active()}});
        if (state.alarm.active()) {
            const char* why = state.alarm.last_bad_was_failing() ? "failing" : "silent";
            const auto since = state.alarm.bad_since().value_or(now);
            alarms.push_back(
                {{"output", meter.name},
                 {"reason", why},
                 {"since", std::chrono::duration_cast<std::chrono::seconds>(wall(since).time_since_epoch()).count()},
                 {"seconds", std::chrono::duration_cast<std::chrono::seconds>(now - since).count()}});
            reasons.push_back("Mất tiếng trên đầu ra '" + meter.name + "' (" +
                              (state.alarm.last_bad_was_failing() ? "đầu ra lỗi" : "im lặng") + ")");
        } else if (state.should_play && !state.carrying) {
            reasons.push_back("Đầu ra '" + meter.name + "' đang lỗi, đang thử lại");
        }
    }
    j["outputs"] = outs;
    j["alarms"] = alarms;
    const auto w = writer_.waiting();
    j["journal_waiting"] = w;
    if (w > 0) reasons.push_back(std::to_string(w) + " bản ghi nhật ký đang chờ ghi vào cơ sở dữ liệu");
    j["status"] = reasons.empty() ? "ok" : "degraded";
    j["reasons"] = reasons;
    return j;
}

void HealthWiring::publish(Steady::time_point now) {
    auto j = build_json(now);
    {
        std::lock_guard lock{mutex_};
        snapshot_ = j;
    }
    update_status();
    // The status file: on change, and every 30 s so that `loaphuong status` can tell a stale one.
    auto text = j;
    text.erase("updated_at");
    for (auto& o : text["outputs"]) o.erase("peak_dbfs");
    if (text["now_playing"].is_object()) text["now_playing"].erase("position_s");
    for (auto& a : text["alarms"]) a.erase("seconds");
    const auto compare = text.dump();
    if (compare == last_file_text_ && now - last_file_write_ < 30s) return;
    last_file_text_ = compare;
    last_file_write_ = now;
    const auto path = db::status_file_for(config_.database);
    const auto tmp = fs::path(path.string() + ".tmp");
    {
        std::ofstream out(tmp, std::ios::trunc);
        out << j.dump(2) << '\n';
        if (!out) {
            logger("daemon")->warn("cannot write the status file {}", tmp.string());
            return;
        }
    }
    std::error_code ec;
    fs::rename(tmp, path, ec);
    if (ec) logger("daemon")->warn("cannot write the status file {}: {}", path.string(), ec.message());
}

std::string HealthWiring::metrics_text() const {
    std::lock_guard lock{mutex_};
    return metrics_.render();
}

nlohmann::json HealthWiring::health_json() const {
    std::lock_guard lock{mutex_};
    return snapshot_.is_null() ? nlohmann::json{{"status", "ok"}, {"reasons", nlohmann::json::array()}} : snapshot_;
}

}  // namespace lp::daemon
