#pragma once
#include <filesystem>
#include <string>

namespace lp::test {

struct CommandResult {
    int exit_code = -1;  // the shell's exit status; -1 when it did not exit normally
    std::string output;  // stdout and stderr, interleaved
};

// Runs `command` with /bin/sh (popen), stderr merged into stdout. Never throws for a
// failing command: check exit_code.
CommandResult run_command(const std::string& command);

// Single-quotes `text` for the shell.
std::string shell_quote(const std::string& text);
// The sha256sum command's digest of a file (64 hex digits), to check ours against.
std::string sha256sum(const std::filesystem::path& file);

}  // namespace lp::test
