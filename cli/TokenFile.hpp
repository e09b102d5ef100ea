#pragma once
// The bearer token `loaphuong` sends to the running daemon, read from `[http] cli_token_file`
// (made by `loaphuong token add --for-cli`, mode 0640 root:loaphuong).

#include <filesystem>
#include <string>

namespace lp::cli {

// The token on the file's first line. Throws DaemonLinkError (Vietnamese, naming the file)
// when the file is missing, unreadable, not a regular file, empty, or readable or writable by
// every user (a token anyone on the box could use is refused, not sent).
std::string read_token_file(const std::filesystem::path& file);

}  // namespace lp::cli
