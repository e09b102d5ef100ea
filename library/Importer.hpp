#pragma once
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "db/sqlite/Database.hpp"
#include "library/Item.hpp"

namespace lp::library {

// What the operator says about a file being imported. Codes and dates must already be valid
// (the CLI and API check them and name the field).
struct ImportRequest {
    std::filesystem::path file{};
    std::optional<std::string> title{};  // default: the file's title tag, else its name
    std::vector<std::string> topics{};   // default: {"other"}
    std::string form = "other";
    std::optional<std::string> source{};
    std::optional<std::string> note{};
    std::optional<domain::LocalDate> valid_from{};
    std::optional<domain::LocalDate> valid_until{};
    std::optional<std::string> speech_text{};
    // Recorded as the original name instead of file's (e.g. none for a spoken item).
    std::optional<std::string> original_name{};
};

struct ImportResult {
    bool duplicate = false;  // the same bytes were already an item: `item` is that one
    Item item;
};

// Turns recordings into library items. All or nothing per file: on any failure (a
// Rejected file, a full disk, a database error) no row is left and no file is left in the
// media folder.
class Importer {
public:
    using Progress = std::function<void(std::uint64_t done, std::uint64_t total)>;

    Importer(sqlite::Database& db, std::filesystem::path media_dir);
    // Throws audio::Rejected for a recording that cannot be an item, std::system_error for
    // the media folder, sqlite::Error for the database.
    ImportResult import(const ImportRequest& request, const Progress& progress = {});

private:
    sqlite::Database& db_;
    std::filesystem::path media_dir_;
};

}  // namespace lp::library
