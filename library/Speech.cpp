#include "library/Speech.hpp"

#include <spawn.h>
#include <sys/wait.h>

#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

extern char** environ;

namespace lp::library {

void speak_vietnamese(std::string_view text, const std::filesystem::path& wav) {
    const auto text_file = std::filesystem::path(wav).replace_extension(".txt");
    {
        std::ofstream out(text_file, std::ios::binary | std::ios::trunc);
        out << text;
        if (!out) throw SpeechError("cannot write " + text_file.string());
    }
    std::vector<std::string> args{"espeak-ng", "-v", "vi", "-b", "1", "-f", text_file.string(), "-w", wav.string()};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    const int err = ::posix_spawnp(&pid, "espeak-ng", nullptr, nullptr, argv.data(), environ);
    if (err != 0) {
        std::filesystem::remove(text_file);
        throw SpeechError(std::string("cannot run espeak-ng: ") + std::strerror(err));
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    std::filesystem::remove(text_file);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        throw SpeechError("espeak-ng failed (exit status " +
                          std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) + ")");
}

std::string title_from_text(const std::string& text) {
    return text.size() <= 60 ? text : text.substr(0, text.find(' ', 50)) + "…";
}

SpeechWorkDir::SpeechWorkDir(const std::filesystem::path& media_dir) {
    static std::atomic<unsigned> counter{0};
    std::filesystem::create_directories(media_dir);
    dir_ = media_dir / (".say-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
    std::filesystem::create_directories(dir_);
}

SpeechWorkDir::~SpeechWorkDir() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
}

}  // namespace lp::library
