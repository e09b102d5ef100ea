#pragma once
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace lp::exporting {

// The bytes of a file as text to search: a zip archive (XLSX) has every entry inflated and
// concatenated; any other file is returned as is. Throws std::runtime_error naming the file
// when it cannot be read or the archive is damaged.
std::string searchable_text(const std::filesystem::path& file);

// The entries of a zip archive held in `bytes`, by name, inflated, in the archive's order.
// Throws std::runtime_error starting with `what` when the archive is damaged.
std::vector<std::pair<std::string, std::string>> zip_entries(const std::string& bytes, const std::string& what);

}  // namespace lp::exporting
