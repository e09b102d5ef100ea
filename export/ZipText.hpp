#pragma once
#include <filesystem>
#include <string>

namespace lp::exporting {

// The bytes of a file as text to search: a zip archive (XLSX) has every entry inflated and
// concatenated; any other file is returned as is. Throws std::runtime_error naming the file
// when it cannot be read or the archive is damaged.
std::string searchable_text(const std::filesystem::path& file);

}  // namespace lp::exporting
