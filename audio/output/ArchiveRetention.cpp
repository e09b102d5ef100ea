#include "audio/output/ArchiveRetention.hpp"

#include <algorithm>
#include <map>
#include <mutex>
#include <regex>

#include "audio/detail/Log.hpp"

namespace lp::audio::output {

namespace {

std::mutex stats_mutex;
std::map<std::string, ArchiveStats>& stats_board() {
    static std::map<std::string, ArchiveStats> board;
    return board;
}

}  // namespace

std::optional<date::year_month_day> archive_day(const std::filesystem::path& file) {
    static const std::regex pattern{R"((\d{4})-(\d{2})-(\d{2}))"};
    const auto stem = file.stem().string();
    std::smatch m;
    if (file.extension() != ".mp3" || !std::regex_match(stem, m, pattern)) return std::nullopt;
    const date::year_month_day day{date::year{std::stoi(m[1])}, date::month{static_cast<unsigned>(std::stoi(m[2]))},
                                   date::day{static_cast<unsigned>(std::stoi(m[3]))}};
    if (!day.ok()) return std::nullopt;
    return day;
}

bool too_old(date::year_month_day day, date::year_month_day today, int keep_days) {
    const auto first_kept = date::sys_days{today} - date::days{std::max(keep_days, 1) - 1};
    return date::sys_days{day} < first_kept;
}

std::vector<std::filesystem::path> prune_archive(const std::filesystem::path& folder, date::year_month_day today,
                                                 int keep_days) {
    std::vector<std::filesystem::path> deleted;
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec)) return deleted;
    for (const auto& entry : std::filesystem::directory_iterator{folder, ec}) {
        const auto day = archive_day(entry.path());
        if (!day || !entry.is_regular_file(ec) || !too_old(*day, today, keep_days)) continue;
        std::error_code remove_error;
        if (std::filesystem::remove(entry.path(), remove_error))
            deleted.push_back(entry.path());
        else
            detail::logger("audio")->error("archive: could not delete the old day file '{}': {}", entry.path().string(),
                                           remove_error.message());
    }
    std::sort(deleted.begin(), deleted.end());
    if (!deleted.empty())
        detail::logger("audio")->info("archive: deleted {} day file(s) older than {} days in '{}'", deleted.size(),
                                      keep_days, folder.string());
    return deleted;
}

ArchiveStats measure_archive(const std::filesystem::path& folder) {
    ArchiveStats stats;
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec)) return stats;
    for (const auto& entry : std::filesystem::directory_iterator{folder, ec}) {
        if (!archive_day(entry.path()) || !entry.is_regular_file(ec)) continue;
        const auto size = entry.file_size(ec);
        if (!ec) stats.bytes += size;
        ++stats.days_kept;
    }
    return stats;
}

std::uint64_t free_bytes(const std::filesystem::path& folder) {
    std::error_code ec;
    const auto info = std::filesystem::space(folder, ec);
    if (ec) return UINT64_MAX;  // unknown: do not stop the archive over a failed statvfs
    return info.available;
}

bool SpaceFloor::check() {
    const auto free = free_(folder_);
    if (!paused_ && free < floor_) {
        paused_ = true;
        detail::logger("audio")->error(
            "archive '{}': only {} MiB free in '{}' (floor {} MiB): the archive stops recording until space returns",
            name_, free / (1024 * 1024), folder_.string(), floor_ / (1024 * 1024));
    } else if (paused_ && free >= floor_) {
        paused_ = false;
        detail::logger("audio")->info("archive '{}': {} MiB free in '{}' again: the archive records again", name_,
                                      free / (1024 * 1024), folder_.string());
    }
    return !paused_;
}

std::vector<std::pair<std::string, ArchiveStats>> archive_stats() {
    std::lock_guard lock{stats_mutex};
    return {stats_board().begin(), stats_board().end()};
}

void publish_archive_stats(const std::string& name, const ArchiveStats& stats) {
    std::lock_guard lock{stats_mutex};
    stats_board()[name] = stats;
}

}  // namespace lp::audio::output
