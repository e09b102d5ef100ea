#pragma once
#include <filesystem>
#include <stdexcept>
#include <string_view>

namespace lp::library {

// espeak-ng could not be run or failed. what() is English and names the program.
class SpeechError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Speaks Vietnamese `text` into a WAV file with `espeak-ng -v vi` (run directly, no shell;
// the text goes through a file so any length and any character is safe). Throws SpeechError.
void speak_vietnamese(std::string_view text, const std::filesystem::path& wav);

}  // namespace lp::library
