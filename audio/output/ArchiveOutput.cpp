#include "audio/output/ArchiveOutput.hpp"

#include <date/tz.h>

#include "audio/detail/Log.hpp"
#include "audio/output/Target.hpp"

namespace lp::audio::output {

namespace {
// How often a recording archive asks the file system for its free space.
constexpr auto check_every = std::chrono::seconds{5};
}  // namespace

date::year_month_day local_day(const std::string& time_zone, std::chrono::system_clock::time_point at) {
    const auto local = date::make_zoned(date::locate_zone(time_zone), std::chrono::floor<std::chrono::seconds>(at));
    return date::year_month_day{date::floor<date::days>(local.get_local_time())};
}

ArchiveOutput::ArchiveOutput(std::unique_ptr<Output> inner, FreeSpaceFn free,
                             std::function<std::chrono::system_clock::time_point()> now)
    : inner_(std::move(inner)),
      floor_(inner_->spec().name, inner_->spec().target, inner_->spec().min_free_bytes, std::move(free)),
      now_(std::move(now)) {
    // At start: the daemon makes its outputs when it starts (and again on a reload).
    try {
        prune_if_new_day();
        publish();
    } catch (const std::exception& e) {
        detail::logger("audio")->error("archive '{}': {}", spec().name, e.what());
    }
}

void ArchiveOutput::set_airing_start(std::chrono::system_clock::time_point start) {
    airing_start_ = start;
    inner_->set_airing_start(start);
}

void ArchiveOutput::open_inner() {
    std::error_code ec;
    const auto bytes = std::filesystem::file_size(archive_file(spec().target, spec().time_zone, airing_start_), ec);
    // A CBR stream without headers lasts bytes × 8 / bitrate.
    opened_at_offset_ = std::chrono::milliseconds{
        ec ? 0 : static_cast<std::int64_t>(bytes * 8000 / static_cast<std::uint64_t>(std::max(spec().bitrate, 1)))};
    frames_since_open_ = 0;
    inner_->open();
}

std::optional<RecordingPosition> ArchiveOutput::recording_position() const {
    if (!inner_->is_open()) return std::nullopt;
    const auto rate = static_cast<std::uint64_t>(std::max(spec().format.sample_rate, 1));
    return RecordingPosition{
        archive_file(spec().target, spec().time_zone, airing_start_),
        opened_at_offset_ + std::chrono::milliseconds{static_cast<std::int64_t>(frames_since_open_ * 1000 / rate)}};
}

void ArchiveOutput::prune_if_new_day() {
    const auto today = local_day(spec().time_zone, now_());
    if (pruned_on_ == today) return;
    prune_archive(spec().target, today, spec().keep_days);
    pruned_on_ = today;
}

void ArchiveOutput::open() {
    prune_if_new_day();
    last_check_ = now_();
    if (floor_.check()) open_inner();
    open_ = true;
    publish();
}

void ArchiveOutput::write(std::span<const Sample> interleaved) {
    const auto now = now_();
    if (now - last_check_ >= check_every || now < last_check_) {
        last_check_ = now;
        const bool was_paused = floor_.paused();
        const bool allowed = floor_.check();
        if (!allowed && inner_->is_open()) inner_->close();
        if (allowed && was_paused) open_inner();  // appends to the day's file
        if (allowed != !was_paused) publish();
    }
    if (!inner_->is_open()) return;
    inner_->write(interleaved);
    frames_since_open_ += interleaved.size() / static_cast<std::size_t>(std::max(spec().format.channels, 1));
}

void ArchiveOutput::close() noexcept {
    if (inner_) inner_->close();
    if (open_) {
        open_ = false;
        try {
            publish();
        } catch (...) {
        }
    }
}

ArchiveStats ArchiveOutput::stats() const {
    auto stats = measure_archive(spec().target);
    stats.paused = floor_.paused();
    return stats;
}

void ArchiveOutput::publish() const { publish_archive_stats(spec().name, stats()); }

}  // namespace lp::audio::output
