#pragma once
// Reading what a test wrote or got back: a file's bytes, how often a text occurs in it; writing
// a file's bytes.
#include <filesystem>
#include <string>

namespace lp::test {

// The whole file as bytes ("" when it cannot be read).
std::string slurp(const std::filesystem::path& file);
// How many times `what` occurs in `text`, not overlapping.
int count(const std::string& text, const std::string& what);
// Writes `bytes` as the whole file.
void spit(const std::filesystem::path& file, const std::string& bytes);

}  // namespace lp::test
