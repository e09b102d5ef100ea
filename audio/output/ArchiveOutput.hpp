#pragma once
#include <chrono>
#include <memory>
#include <optional>

#include "audio/Output.hpp"
#include "audio/output/ArchiveRetention.hpp"

namespace lp::audio::output {

// The archive's retention around its muxer: when made and at every open it deletes the day files older than
// spec.keep_days (when made, and again at an open on a later local day); while the
// folder's file system has less than spec.min_free_bytes free it drops what it is given
// (writes succeed, nothing is recorded, the other outputs never notice) and records again
// when space returns. Publishes its figures through archive_stats().
class ArchiveOutput final : public Output {
public:
    ArchiveOutput(std::unique_ptr<Output> inner, FreeSpaceFn free = free_bytes,
                  std::function<std::chrono::system_clock::time_point()> now = std::chrono::system_clock::now);
    ~ArchiveOutput() override { close(); }

    void set_airing_start(std::chrono::system_clock::time_point start) override;
    void open() override;
    void write(std::span<const Sample> interleaved) override;
    void close() noexcept override;
    bool is_open() const override { return open_; }
    const OutputSpec& spec() const override { return inner_->spec(); }
    // The day file and the next sample's offset in it: the file's length when the muxer opened
    // it (CBR without headers: bytes × 8 / bitrate) plus what was written since.
    std::optional<RecordingPosition> recording_position() const override;

    ArchiveStats stats() const;

private:
    void prune_if_new_day();
    void publish() const;
    void open_inner();

    std::unique_ptr<Output> inner_;
    SpaceFloor floor_;
    std::function<std::chrono::system_clock::time_point()> now_;
    std::optional<date::year_month_day> pruned_on_;
    std::chrono::system_clock::time_point last_check_{};
    std::chrono::system_clock::time_point airing_start_{};
    std::chrono::milliseconds opened_at_offset_{0};  // the day file's length when the muxer opened
    std::uint64_t frames_since_open_ = 0;
    bool open_ = false;
};

// The local day of `at` in the IANA zone `time_zone`.
date::year_month_day local_day(const std::string& time_zone, std::chrono::system_clock::time_point at);

}  // namespace lp::audio::output
