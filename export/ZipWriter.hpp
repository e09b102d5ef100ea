#pragma once
// Writes a zip archive (deflated members, zlib): the evidence package (evidence/Package.hpp).
// Reading goes through export/ZipText.hpp.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace lp::exporting {

struct ZipMember {
    std::string name;   // path inside the archive, '/'-separated
    std::string bytes;  // the content
};

// The archive's bytes. Members keep the given order; times are fixed at 1980-01-01 so the same
// members give the same archive. `level` is zlib's (1 fastest … 9 smallest). Throws
// std::runtime_error with zlib's message.
std::string zip_archive(const std::vector<ZipMember>& members, int level = 9);

}  // namespace lp::exporting
