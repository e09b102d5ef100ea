#pragma once
// Where `loaphuong user add|passwd` takes a new password from: a file (its first line), or the
// terminal, typed twice without echo. Never from the command line, where `ps` would show it.

#include <string>

namespace lp::cli {

// `file` non-empty: its first line (without the line end); throws OperatorError when it cannot
// be read. Otherwise asks on the terminal twice; throws OperatorError when stdin is not a
// terminal or the two differ.
std::string read_new_password(const std::string& file, const std::string& account);

}  // namespace lp::cli
