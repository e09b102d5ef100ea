#include "library/Speech.hpp"

#include <spawn.h>
#include <sys/wait.h>

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

}  // namespace lp::library
