#include "db/Backups.hpp"

#include <algorithm>
#include <ctime>
#include <regex>
#include <stdexcept>

#include "db/sqlite/Backup.hpp"

namespace lp::db {

void backup_to(sqlite::Database& db, const std::filesystem::path& file) {
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
    auto tmp = file;
    tmp += ".tmp";
    std::filesystem::remove(tmp);
    {
        sqlite::Database target(tmp);
        {
            sqlite::Backup backup(target, db);
            // Small steps let the daemon's writes go on between them.
            while (!backup.step(256)) {
            }
        }
        auto check = target.prepare("PRAGMA integrity_check");
        check.step();
        if (check.text(0) != "ok")
            throw std::runtime_error(tmp.string() + ": the copy fails integrity_check: " + check.text(0));
    }
    std::filesystem::rename(tmp, file);
}

std::string backup_name(std::chrono::system_clock::time_point at) {
    const std::time_t t = std::chrono::system_clock::to_time_t(at);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[64];
    std::strftime(buf, sizeof buf, "loaphuong-%Y%m%d-%H%M%S.db", &tm);
    return buf;
}

std::vector<std::string> backups_to_remove(std::vector<std::string> names, std::size_t keep) {
    static const std::regex pattern(R"(loaphuong-\d{8}-\d{6}\.db)");
    names.erase(
        std::remove_if(names.begin(), names.end(), [](const std::string& n) { return !std::regex_match(n, pattern); }),
        names.end());
    std::sort(names.begin(), names.end());
    if (names.size() <= keep) return {};
    names.resize(names.size() - keep);
    return names;
}

std::filesystem::path rotated_backup(sqlite::Database& db, const std::filesystem::path& dir, std::size_t keep,
                                     std::chrono::system_clock::time_point at) {
    const auto file = dir / backup_name(at);
    backup_to(db, file);
    std::vector<std::string> names;
    for (const auto& e : std::filesystem::directory_iterator(dir)) names.push_back(e.path().filename().string());
    for (const auto& old : backups_to_remove(names, keep)) std::filesystem::remove(dir / old);
    return file;
}

}  // namespace lp::db
