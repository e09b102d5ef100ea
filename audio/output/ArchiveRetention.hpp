#pragma once
// Archive retention (issue 12 point 5): the archive keeps `keep_days` days of day files and
// stops growing below a free-space floor. Pure parts (which files are too old) apart from the
// file-system calls; the free-space source and "today" are injected for tests.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <date/date.h>

namespace lp::audio::output {

// What the metrics can read about one archive output (archive_stats()).
struct ArchiveStats {
    std::uint64_t bytes = 0;  // sum of the day files' sizes
    int days_kept = 0;        // day files in the folder
    bool paused = false;      // below the free-space floor: writes dropped
};

// The day an archive file is named after ("2026-11-29.mp3"), or nullopt for any other file.
std::optional<date::year_month_day> archive_day(const std::filesystem::path& file);

// True when a file of `day` is older than the `keep_days` days that end with `today`.
bool too_old(date::year_month_day day, date::year_month_day today, int keep_days);

// Deletes the day files in `folder` that are too old; returns them. A missing folder is empty.
// Failures to delete are logged, not thrown.
std::vector<std::filesystem::path> prune_archive(const std::filesystem::path& folder, date::year_month_day today,
                                                 int keep_days);

// Sizes and count of the day files in `folder` (paused stays false).
ArchiveStats measure_archive(const std::filesystem::path& folder);

// Bytes available to an unprivileged writer on the file system of `folder`.
using FreeSpaceFn = std::function<std::uint64_t(const std::filesystem::path&)>;
std::uint64_t free_bytes(const std::filesystem::path& folder);

// The free-space floor of one archive: allows writes while at least `floor` bytes are free;
// logs once at error level when it stops writing and once at info when it resumes.
class SpaceFloor {
public:
    SpaceFloor(std::string name, std::filesystem::path folder, std::uint64_t floor, FreeSpaceFn free = free_bytes)
        : name_(std::move(name)), folder_(std::move(folder)), floor_(floor), free_(std::move(free)) {}
    // Asks the file system; true when writes may go on.
    bool check();
    bool paused() const { return paused_; }

private:
    std::string name_;
    std::filesystem::path folder_;
    std::uint64_t floor_;
    FreeSpaceFn free_;
    bool paused_ = false;
};

// The latest figures of every archive output of the process, by output name (thread-safe).
std::vector<std::pair<std::string, ArchiveStats>> archive_stats();
void publish_archive_stats(const std::string& name, const ArchiveStats& stats);

}  // namespace lp::audio::output
