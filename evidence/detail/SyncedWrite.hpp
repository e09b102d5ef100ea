#pragma once
// Writes a line to a file through a raw descriptor and fsyncs it before returning: keys are
// made with their mode from the start (no window with wider permissions), checkpoints appended.

#include <sys/types.h>

#include <filesystem>
#include <string>

namespace lp::evidence::detail {

// `flags`: O_EXCL to create only, O_APPEND to append (O_WRONLY | O_CREAT | O_CLOEXEC always).
// Throws std::runtime_error "<file>: cannot write: <strerror>".
void write_line_synced(const std::filesystem::path& file, const std::string& line, int flags, mode_t mode);

}  // namespace lp::evidence::detail
