#pragma once
#include <filesystem>
#include <stdexcept>
#include <string>
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

// The title of an item spoken from `text` when none is given: the text, cut near 60 characters.
std::string title_from_text(const std::string& text);

// A private folder under the media folder for espeak-ng's WAV, so the import's copy is a cheap
// local one; removed with the object.
class SpeechWorkDir {
public:
    explicit SpeechWorkDir(const std::filesystem::path& media_dir);
    ~SpeechWorkDir();
    SpeechWorkDir(const SpeechWorkDir&) = delete;
    SpeechWorkDir& operator=(const SpeechWorkDir&) = delete;
    std::filesystem::path wav() const { return dir_ / "speech.wav"; }

private:
    std::filesystem::path dir_;
};

}  // namespace lp::library
